import { list, sql, type Sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { NEVER } from './file-state.ts';

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
  const day = (value: Sql) => store.dialect.formatDate(value, 'day');
  // ClickHouse's min() of an empty table is 1970-01-01, not NULL.
  const [row] = await store.query<{ lo: string | null; hi: string | null }>(sql`
    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE ${day(sql`min(slot)`)} END AS lo,
           CASE WHEN count(*) = 0 THEN NULL ELSE ${day(sql`max(slot)`)} END AS hi FROM gdelt_files`);
  const lo = from ?? row?.lo ?? to;
  const hi = to ?? row?.hi ?? from;
  return lo && hi ? [lo, hi] : undefined;
}

const SLOT = 15 * 60_000;

/**
 * Which slots of each day are imported, pending, missing upstream (404, or never listed) or
 * failed, per feed. A slot no list ever showed counts as missing: GDELT did not publish it. The
 * range's files are read and laid over the expected slots here (at most 96 a day and feed).
 */
export async function completeness(
  store: Store,
  from: string,
  to: string,
  feeds: readonly string[],
  translingual = false,
): Promise<DayCompleteness[]> {
  const files = await store.query<{ slot: string; feed: string; state: string }>(sql`
    SELECT ${store.dialect.formatDate(sql`slot`, 'time')} AS slot, feed, state FROM gdelt_files
    WHERE translingual = ${translingual} AND feed IN (${list(feeds)})
      AND slot >= CAST(${from} AS TIMESTAMP) AND slot < CAST(${to} AS TIMESTAMP) + INTERVAL 1 DAY`);
  const states = new Map(files.map((f) => [`${f.feed} ${f.slot}`, f.state]));
  const days: DayCompleteness[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 96 * SLOT) {
    const day = new Date(t).toISOString().slice(0, 10);
    for (const feed of [...new Set(feeds)].sort()) {
      const d = {
        day,
        feed,
        slots: 96,
        imported: 0,
        pending: 0,
        missing: 0,
        failed: 0,
        gaps: [] as string[],
      };
      for (let i = 0; i < 96; i++) {
        const slot = new Date(t + i * SLOT).toISOString().replace('.000Z', 'Z');
        const state = states.get(`${feed} ${slot}`);
        if (state === 'imported') d.imported++;
        else d.gaps.push(slot.slice(11, 16));
        if (state === 'listed') d.pending++;
        else if (state === 'failed') d.failed++;
        else if (state !== 'imported') d.missing++;
      }
      days.push(d);
    }
  }
  return days;
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
           CASE WHEN next_attempt_at >= CAST(${NEVER} AS TIMESTAMP) THEN 'never'
                ELSE ${store.dialect.formatDate(sql`next_attempt_at`, 'time')} END AS next_attempt_at
    FROM gdelt_files
    WHERE state IN ('missing', 'failed') AND feed IN (${list(feeds)})
      AND slot >= CAST(${from} AS TIMESTAMP) AND slot < CAST(${to} AS TIMESTAMP) + INTERVAL 1 DAY
    ORDER BY slot, name`);
}
