import { join, list, sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';

/** One day of one feed: GDELT publishes a file every 15 minutes, 96 slots a day. */
export interface DayCompleteness {
  day: string;
  feed: string;
  slots: number;
  imported: number;
  pending: number;
  missing: number;
  failed: number;
  /** HH:MM (UTC) of the slots not imported. */
  gaps: string[];
}

export interface Problem {
  name: string;
  state: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
}

/** The days [from, to] (UTC days), or those the store has heard of when none are given. */
export async function dayRange(
  store: Store,
  from?: string,
  to?: string,
): Promise<[string, string] | undefined> {
  if (from && to) return [from, to];
  const [row] = await store.query<{ lo: string | null; hi: string | null }>(sql`
    SELECT strftime(min(slot), '%Y-%m-%d') AS lo, strftime(max(slot), '%Y-%m-%d') AS hi FROM gdelt_files`);
  const lo = from ?? row?.lo ?? to;
  const hi = to ?? row?.hi ?? from;
  return lo && hi ? [lo, hi] : undefined;
}

/**
 * Which slots of each day are imported, pending, missing upstream (404, or never listed) or
 * failed, per feed. A slot no list ever showed counts as missing: GDELT did not publish it.
 */
export async function completeness(
  store: Store,
  from: string,
  to: string,
  feeds: readonly string[],
  translingual = false,
): Promise<DayCompleteness[]> {
  const feedRows = join(feeds.map((f) => sql`(${f})`));
  const rows = await store.query<DayCompleteness & { gaps: string[] | null }>(sql`
    WITH slots AS (
      SELECT unnest(generate_series(CAST(${from} AS TIMESTAMP),
                                    CAST(${to} AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 15 MINUTE,
                                    INTERVAL 15 MINUTE)) AS slot),
    feeds AS (SELECT * FROM (VALUES ${feedRows}) AS v(feed))
    SELECT strftime(s.slot, '%Y-%m-%d') AS day, f.feed,
           count(*)::INTEGER AS slots,
           count(*) FILTER (WHERE g.state = 'imported')::INTEGER AS imported,
           count(*) FILTER (WHERE g.state = 'listed')::INTEGER AS pending,
           count(*) FILTER (WHERE g.state = 'missing' OR g.state IS NULL)::INTEGER AS missing,
           count(*) FILTER (WHERE g.state = 'failed')::INTEGER AS failed,
           list(strftime(s.slot, '%H:%M') ORDER BY s.slot) FILTER (WHERE g.state IS DISTINCT FROM 'imported') AS gaps
    FROM slots AS s CROSS JOIN feeds AS f
    LEFT JOIN gdelt_files AS g ON g.slot = s.slot AND g.feed = f.feed AND g.translingual = ${translingual}
    GROUP BY ALL ORDER BY day, f.feed`);
  return rows.map((r) => ({ ...r, gaps: r.gaps ?? [] }));
}

/** Files that did not make it, with why and when they are tried again. */
export async function problems(
  store: Store,
  from: string,
  to: string,
  feeds: readonly string[],
): Promise<Problem[]> {
  return store.query<Problem>(sql`
    SELECT name, state, attempts, last_error,
           CASE WHEN isinf(next_attempt_at) THEN 'never' ELSE strftime(next_attempt_at, '%Y-%m-%dT%H:%M:%SZ') END AS next_attempt_at
    FROM gdelt_files
    WHERE state IN ('missing', 'failed') AND feed IN (${list(feeds)})
      AND slot >= CAST(${from} AS TIMESTAMP) AND slot < CAST(${to} AS TIMESTAMP) + INTERVAL 1 DAY
    ORDER BY slot, name`);
}
