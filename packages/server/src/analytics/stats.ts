import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export interface SourceStats {
  source: string;
  events: number;
  first_day: string | null;
  last_day: string | null;
  countries: number;
}

export interface StoreStats {
  store: string;
  events: number;
  mentions: number;
  batches: number;
  rejects: number;
  sources: SourceStats[];
  top_countries: { country: string; events: number }[];
  last_import: string | null;
}

/** What is in the store, in a few aggregate queries. */
export async function storeStats(store: Store): Promise<StoreStats> {
  const sources = await store.query<SourceStats>(sql`
    SELECT source, count(*)::INTEGER AS events,
           ${store.dialect.formatDate(sql`min(event_date)`, 'day')} AS first_day,
           ${store.dialect.formatDate(sql`max(event_date)`, 'day')} AS last_day,
           count(DISTINCT action_geo_country)::INTEGER AS countries
    FROM events GROUP BY source ORDER BY source`);
  const [totals] = await store.query<{
    mentions: number;
    batches: number;
    rejects: number;
    last: string | null;
  }>(sql`
    SELECT (SELECT count(*) FROM gdelt_mentions)::INTEGER AS mentions,
           (SELECT count(*) FROM import_batches)::INTEGER AS batches,
           (SELECT count(*) FROM rejects)::INTEGER AS rejects,
           (SELECT ${store.dialect.formatDate(sql`max(finished_at)`, 'time')} FROM import_batches) AS last`);
  const top = await store.query<{ country: string; events: number }>(sql`
    SELECT action_geo_country AS country, count(*)::INTEGER AS events FROM events
    WHERE action_geo_country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`);
  return {
    store: store.location,
    events: sources.reduce((n, s) => n + s.events, 0),
    mentions: totals?.mentions ?? 0,
    batches: totals?.batches ?? 0,
    rejects: totals?.rejects ?? 0,
    sources,
    top_countries: top,
    last_import: totals?.last ?? null,
  };
}
