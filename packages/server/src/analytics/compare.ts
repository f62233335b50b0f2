import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export const GRAINS = ['day', 'week', 'month', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export interface CompareQuery {
  country: string;
  from?: string;
  to?: string;
  grain: Grain;
}

export interface SourceCount {
  period: string;
  source: string;
  events: number;
  fatalities_best: number | null;
  fatalities_low: number | null;
  fatalities_high: number | null;
}

/**
 * Events and fatalities per source and period for a country (the action location), so that
 * GDELT's volume and ACLED's and UCDP's human-coded counts can be read side by side.
 */
export async function compareSources(store: Store, q: CompareQuery): Promise<SourceCount[]> {
  const bucket = store.dialect.dateBucket(sql`event_date`, q.grain);
  return store.query<SourceCount>(sql`
    SELECT ${store.dialect.formatDate(bucket, 'day')} AS period, source, count(*)::INTEGER AS events,
           sum(fatalities_best)::INTEGER AS fatalities_best, sum(fatalities_low)::INTEGER AS fatalities_low,
           sum(fatalities_high)::INTEGER AS fatalities_high
    FROM events
    WHERE action_geo_country = ${q.country}
      ${q.from ? sql`AND event_date >= CAST(${q.from} AS DATE)` : sql``}
      ${q.to ? sql`AND event_date <= CAST(${q.to} AS DATE)` : sql``}
    GROUP BY ALL ORDER BY period, source`);
}

/** One row per period, `<source>_events` and `<source>_fatalities` columns side by side. */
export function sideBySide(rows: readonly SourceCount[]): {
  columns: string[];
  rows: Record<string, unknown>[];
} {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const withFatalities = new Set(rows.filter((r) => r.fatalities_best !== null).map((r) => r.source));
  const columns = [
    'period',
    ...sources.flatMap((s) => [`${s}_events`, ...(withFatalities.has(s) ? [`${s}_fatalities`] : [])]),
  ];
  const byPeriod = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const row =
      byPeriod.get(r.period) ?? Object.fromEntries(columns.map((c) => [c, c === 'period' ? r.period : 0]));
    row[`${r.source}_events`] = r.events;
    if (withFatalities.has(r.source)) row[`${r.source}_fatalities`] = r.fatalities_best ?? 0;
    byPeriod.set(r.period, row);
  }
  return { columns, rows: [...byPeriod.values()] };
}
