import type { ThreatIndicator } from '@peacebell/model';
import { threatSeries } from '../../analytics/threats/index.ts';
import type { Store } from '../../store/store.ts';
import type { Subject } from './types.ts';

/**
 * A GKG threat indicator as a daily series for a place. A day without any GKG article about the
 * place at all is unknown (the GKG feed was not there), not zero.
 */
export async function threatValues(
  store: Store,
  indicator: ThreatIndicator,
  subject: Subject,
  from: string,
  to: string,
): Promise<{ days: string[]; values: (number | null)[] }> {
  const series = await threatSeries(store, {
    ...(subject.country ? { country: subject.country } : {}),
    ...(subject.adm1 ? { adm1: subject.adm1 } : {}),
    grain: 'day',
    from,
    to,
    domains: [indicator.domain],
    evidence: 0,
  });
  const covered = new Map(series.coverage.map((c) => [c.period, c.articles > 0]));
  const days = series.rows.map((r) => r.period);
  const values = series.rows.map((r) => {
    const v = r[indicator.measure];
    return covered.get(r.period) && typeof v === 'number' ? v : null;
  });
  return { days, values };
}
