import { completeness, type DayCompleteness } from '../ingest/sync/completeness.ts';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

/** What the store holds of one source and how fresh it is. */
export interface SourceFreshness {
  source: string;
  events: number;
  first_event_date: string | null;
  last_event_date: string | null;
  last_import_at: string | null;
  files_imported: number;
  rows_rejected: number;
}

export interface GdeltFeedHealth {
  days: Omit<DayCompleteness, 'gaps'>[];
  files_failed: number;
  files_missing: number;
}

/**
 * Per source: events and their date range (from the world rollup, not a scan of events), and from the import batches (whose format id starts
 * with the source: gdelt2-events, acled-events) the last import and the rows set aside.
 */
export async function sourceFreshness(store: Store): Promise<SourceFreshness[]> {
  return store.query<SourceFreshness>(sql`
    WITH ev AS (
      SELECT source, sum(events)::BIGINT AS events,
             ${store.dialect.formatDate(sql`min(day)`, 'day')} AS first_event_date,
             ${store.dialect.formatDate(sql`max(day)`, 'day')} AS last_event_date
      FROM rollup_world_day GROUP BY source),
    b AS (
      SELECT ${store.dialect.splitPart(sql`format`, '-', 1)} AS source,
             ${store.dialect.formatDate(sql`max(finished_at)`, 'time')} AS last_import_at,
             count(*)::BIGINT AS files_imported,
             sum(rows_rejected)::BIGINT AS rows_rejected
      FROM import_batches GROUP BY 1)
    SELECT coalesce(ev.source, b.source) AS source,
           coalesce(ev.events, 0)::DOUBLE AS events,
           ev.first_event_date, ev.last_event_date, b.last_import_at,
           coalesce(b.files_imported, 0)::DOUBLE AS files_imported,
           coalesce(b.rows_rejected, 0)::DOUBLE AS rows_rejected
    FROM ev FULL OUTER JOIN b ON ev.source = b.source
    ORDER BY 1`);
}

/** GDELT 2.0's feed over the `days` UTC days up to today: slots per day, files failed or missing. */
export async function gdeltFeedHealth(
  store: Store,
  today: string,
  days = 7,
  feeds: readonly string[] = ['export', 'mentions'],
): Promise<GdeltFeedHealth> {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  // The feeds listed and the window's failures in one query: a round trip saved on a server.
  const [files] = await store.query<{ feed: string[] | null; failed: number; missing: number }>(sql`
    SELECT listed.feed, recent.failed, recent.missing
    FROM (SELECT ${store.dialect.sortedDistinct(sql`feed`)} AS feed FROM gdelt_files WHERE NOT translingual) AS listed,
      (SELECT count(*) FILTER (WHERE state = 'failed')::INTEGER AS failed,
              count(*) FILTER (WHERE state = 'missing')::INTEGER AS missing
       FROM gdelt_files
       WHERE slot >= CAST(${from} AS TIMESTAMP) AND slot < CAST(${today} AS TIMESTAMP) + INTERVAL 1 DAY) AS recent`);
  const followed = feeds.filter((f) => files?.feed?.includes(f));
  const perDay = followed.length > 0 ? await completeness(store, from, today, followed) : [];
  return {
    days: perDay.map(({ gaps: _gaps, ...d }) => d),
    files_failed: files?.failed ?? 0,
    files_missing: files?.missing ?? 0,
  };
}

/** The highest schema migration applied to the store. */
export async function schemaVersion(store: Store): Promise<number> {
  const [row] = await store.query<{ v: number | null }>(
    sql`SELECT max(version)::INTEGER AS v FROM schema_migrations`,
  );
  return row?.v ?? 0;
}
