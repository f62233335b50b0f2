import { addDays, type Trigger } from '@peacebell/model';
import { pairRelations } from '../../analytics/relations.ts';
import type { Store } from '../../store/store.ts';
import { headline, placeName, seriesAround, SERIES_DAYS, type SeriesFiring } from './indicator.ts';
import { describeFired, fireCondition } from './moves.ts';
import { pairSubject, round, type FiringRequest } from './types.ts';

type RelationsTrigger = Extract<Trigger, { kind: 'relations' }>;

/** Days with fewer effective events than this have no index: one report is not a relation. */
export const MIN_EFFECTIVE_EVENTS = 3;
/** The index moves by chance at least this much from day to day (the sd floor, index units). */
const INDEX_SD_FLOOR = 0.05;

export async function relationsFirings(
  store: Store,
  r: FiringRequest<RelationsTrigger>,
): Promise<SeriesFiring[]> {
  const c = r.trigger.condition;
  const lookback = Math.max(c.type === 'move' ? c.days : 0, SERIES_DAYS);
  const window = {
    from: addDays(r.from, -lookback),
    to: r.to,
    ...(r.spec.scope.sources.length ? { sources: r.spec.scope.sources } : {}),
  };
  const firings: SeriesFiring[] = [];
  for (const pair of r.spec.scope.pairs) {
    const [a, b] = pair.split('-') as [string, string];
    const relations = await pairRelations(store, a, b, 'day', window, 0);
    for (const direction of relations.directions) {
      const subject = pairSubject(direction.from, direction.to);
      const days = direction.series.map((p) => p.period);
      const values = direction.series.map((p) =>
        p.score !== null && p.effective_events >= MIN_EFFECTIVE_EVENTS ? p.score : null,
      );
      const start = days.findIndex((d) => d >= r.from);
      if (start < 0) continue;
      for (const f of fireCondition(days, values, start, c, () => INDEX_SD_FLOOR)) {
        const point = direction.series[f.index];
        if (!point) continue;
        const value = f.value;
        const band = point.low !== null && point.high !== null ? point.high - point.low : 2;
        const what = describeFired(f, c, 2, false);
        firings.push({
          subject,
          day: f.day,
          severity: f.severity,
          // A narrow band is a sure index: 1 − half its width.
          confidence: round(Math.max(0, 1 - band / 2), 2),
          value: round(value),
          baseline: f.test ? round(f.test.mean) : c.type === 'threshold' ? c.value : null,
          unit: 'relations index (−1 conflict .. +1 cooperation)',
          headline: headline('relations index', c, value, f.test?.z ?? null),
          summary: `${placeName(subject)}: relations index ${what}; ${round(point.effective_events, 1)} effective events`,
          series: seriesAround(days, values, f.index, c, () => INDEX_SD_FLOOR),
        });
      }
    }
  }
  return firings;
}
