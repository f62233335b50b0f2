import { CONFLICT_CATEGORIES, type Source } from '@peacebell/model';
import { list, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export interface RegionSummary {
  adm1: string;
  events: number;
  conflict_share: number | null;
  /** The largest of the sources' best estimates (they overlap). */
  fatalities: number;
  sources: number;
}

/** A country's first-level regions over a window, the most active first (from the ADM1 rollup). */
export async function regionsOf(
  store: Store,
  country: string,
  from: string,
  to: string,
  sources?: readonly Source[],
): Promise<RegionSummary[]> {
  const bySource = sources?.length ? sql` AND source IN (${list(sources)})` : sql``;
  return store.query<RegionSummary>(sql`
    WITH per_source AS (
      SELECT adm1, source, sum(events) AS events,
        sum(CASE WHEN category IN (${list(CONFLICT_CATEGORIES)}) THEN events ELSE 0 END) AS conflict,
        sum(fat_best) AS fatalities
      FROM rollup_adm1_day
      WHERE country = ${country} AND day >= CAST(${from} AS DATE) AND day <= CAST(${to} AS DATE)${bySource}
      GROUP BY adm1, source)
    SELECT adm1, sum(events)::DOUBLE AS events,
      sum(conflict)::DOUBLE / nullif(sum(events), 0)::DOUBLE AS conflict_share,
      max(fatalities)::DOUBLE AS fatalities, count(*)::INTEGER AS sources
    FROM per_source GROUP BY adm1 ORDER BY events DESC, adm1`);
}
