import {
  THEME_MAP_VERSION,
  THREAT_DOMAINS,
  periodStart,
  periodsBetween,
  type Grain,
  type ThreatDomain,
} from '@peacebell/model';
import { ParamError } from '../../errors.ts';
import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { BASELINE_PERIODS, changeAgainstBaseline, periodsBack } from './baseline.ts';
import { threatEvidence, type ThreatEvidence } from './evidence.ts';
import { placeWhere } from './place.ts';

export interface ThreatRequest {
  /** ISO3; absent for every article (the world). */
  country?: string;
  adm1?: string;
  grain: Grain;
  from: string;
  to: string;
  domains?: readonly ThreatDomain[];
  /** Evidence URLs per domain over the window. */
  evidence?: number;
}

export interface ThreatRow {
  period: string;
  domain: ThreatDomain;
  articles: number;
  share: number | null;
  intensity: number | null;
  tone: number | null;
  change: number | null;
  killed: number;
  wounded: number;
  arrested: number;
  affected: number;
  displaced: number;
}

export interface ThreatSeries {
  country: string | null;
  adm1: string | null;
  grain: Grain;
  from: string;
  to: string;
  map_version: string;
  baseline_periods: number;
  domains: { id: string; title: string; description: string }[];
  coverage: { period: string; articles: number }[];
  rows: ThreatRow[];
  evidence: ThreatEvidence[];
}

interface Sums {
  period: string;
  domain: string;
  articles: number;
  mentions: number;
  tone_n: number;
  tone_sum: number;
  killed: number;
  wounded: number;
  arrested: number;
  affected: number;
  displaced: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * Coverage and intensity per threat domain and period for a place, from the GKG threat rollup:
 * articles, share of the place's articles, theme mentions per article, mean tone, the share
 * against its own baseline, and the counts GKG extracted. Empty periods are filled.
 */
export async function threatSeries(store: Store, request: ThreatRequest): Promise<ThreatSeries> {
  const { grain, from, to } = request;
  if (from > to) throw new ParamError('from', `from (${from}) is after to (${to})`);
  const k = BASELINE_PERIODS[grain];
  const start = periodsBack(from, grain, k);
  const domains = THREAT_DOMAINS.filter((d) => !request.domains?.length || request.domains.includes(d.id));
  const sums = await store.query<Sums>(sql`
    SELECT ${store.dialect.formatDate(store.dialect.dateBucket(sql`day`, grain), 'day')} AS period, domain,
      sum(articles)::DOUBLE AS articles, sum(mentions)::DOUBLE AS mentions,
      sum(tone_n)::DOUBLE AS tone_n, sum(tone_sum) AS tone_sum,
      sum(killed)::DOUBLE AS killed, sum(wounded)::DOUBLE AS wounded, sum(arrested)::DOUBLE AS arrested,
      sum(affected)::DOUBLE AS affected, sum(displaced)::DOUBLE AS displaced
    FROM threat_day
    WHERE ${placeWhere(request.country, request.adm1)}
      AND day >= CAST(${start} AS DATE) AND day <= CAST(${to} AS DATE)
    GROUP BY 1, 2`);
  const found = new Map(sums.map((s) => [`${s.period}\t${s.domain}`, s]));
  const periods = periodsBetween(start, to, grain);
  const first = periodStart(from, grain);
  const shown = (p: string) => p >= first;
  const total = (p: string) => found.get(`${p}\t`)?.articles ?? 0;
  const rows: ThreatRow[] = [];
  for (const d of domains) {
    const cells = periods.map((p) => found.get(`${p}\t${d.id}`));
    const shares = periods.map((p, i) => ratio(cells[i]?.articles ?? 0, total(p)));
    const changes = changeAgainstBaseline(shares, k);
    periods.forEach((period, i) => {
      if (!shown(period)) return;
      const c = cells[i];
      rows.push({
        period,
        domain: d.id,
        articles: c?.articles ?? 0,
        share: shares[i] ?? null,
        intensity: c ? ratio(c.mentions, c.articles) : null,
        tone: c ? ratio(c.tone_sum, c.tone_n) : null,
        change: changes[i] ?? null,
        killed: c?.killed ?? 0,
        wounded: c?.wounded ?? 0,
        arrested: c?.arrested ?? 0,
        affected: c?.affected ?? 0,
        displaced: c?.displaced ?? 0,
      });
    });
  }
  const evidence = await threatEvidence(store, {
    ...request,
    domains: domains.map((d) => d.id),
    limit: request.evidence ?? 3,
  });
  return {
    country: request.country ?? null,
    adm1: request.adm1 ?? null,
    grain,
    from,
    to,
    map_version: THEME_MAP_VERSION,
    baseline_periods: k,
    domains: domains.map(({ id, title, description }) => ({ id, title, description })),
    coverage: periods.filter(shown).map((period) => ({ period, articles: total(period) })),
    rows,
    evidence,
  };
}
