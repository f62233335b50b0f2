import type { ListedFile } from '../../sources/gdelt/file-list.ts';
import { list, sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';

/**
 * Every GDELT file peacebell has heard of, and how far it got. `listed` files wait for a
 * download; `missing` ones (404 upstream) and `failed` ones are tried again from
 * `next_attempt_at`; `imported` is final. Names are unique (GDELT names are timestamps).
 */
export type FileState = 'listed' | 'imported' | 'missing' | 'failed';

export interface TrackedFile {
  name: string;
  url: string;
  feed: string;
  translingual: boolean;
  slot: string;
  size: number | null;
  md5: string | null;
  state: FileState;
  attempts: number;
  last_error: string | null;
}

const iso = (d: Date) => d.toISOString();

/** A time no retry reaches: a file given up (DateTime64's last year; DuckDB's 'infinity' sorts after it too). */
export const NEVER = '2299-12-31T00:00:00Z';

/**
 * Records files from a list; a file already known keeps its state (its size/md5 are refreshed if
 * it is not imported, and a missing one is listed again). Known files are read by slot range
 * (two values, however long the list) and compared here, so the SQL is the same on both engines.
 */
export async function recordListed(store: Store, files: readonly ListedFile[], now: Date): Promise<number> {
  if (files.length === 0) return 0;
  const slots = files.map((f) => f.slot).sort();
  const known = new Map(
    (
      await store.query<{ name: string; md5: string | null; state: FileState }>(sql`
        SELECT name, md5, state FROM gdelt_files
        WHERE slot >= CAST(${slots[0]} AS TIMESTAMP) AND slot <= CAST(${slots.at(-1)} AS TIMESTAMP)`)
    ).map((r) => [r.name, r]),
  );
  const added = new Map<string, ListedFile>();
  const changed = new Map<string, ListedFile>();
  for (const f of files) {
    const k = known.get(f.name);
    if (!k) {
      if (!added.has(f.name)) added.set(f.name, f);
    } else if (k.state !== 'imported' && (k.md5 !== f.md5 || k.state === 'missing')) changed.set(f.name, f);
  }
  const at = iso(now);
  return store.transaction(async (tx) => {
    for (const [name, f] of changed) {
      const relist = known.get(name)?.state === 'missing';
      await tx.exec(sql`UPDATE gdelt_files SET url = ${f.url}, size = ${f.size}, md5 = ${f.md5},
          updated_at = CAST(${at} AS TIMESTAMP)${relist ? sql`, state = 'listed', next_attempt_at = NULL` : sql``}
        WHERE name = ${name}`);
    }
    await tx.insert(
      'gdelt_files',
      [...added.values()].map((f) => ({
        name: f.name,
        url: f.url,
        feed: f.feed,
        translingual: f.translingual,
        slot: f.slot,
        size: f.size,
        md5: f.md5,
        state: 'listed',
        attempts: 0,
        listed_at: at,
        updated_at: at,
      })),
    );
    return added.size;
  });
}

/** Files due for work now, oldest slot first. */
export async function dueFiles(store: Store, now: Date, feeds: readonly string[], translingual: boolean) {
  return store.query<TrackedFile>(sql`
    SELECT name, url, feed, translingual, ${store.dialect.formatDate(sql`slot`, 'time')} AS slot, CAST(size AS INTEGER) AS size, md5, state,
           attempts, last_error
    FROM gdelt_files
    WHERE state IN ('listed', 'failed', 'missing') AND size IS NOT NULL
      AND (next_attempt_at IS NULL OR next_attempt_at <= CAST(${iso(now)} AS TIMESTAMP))
      AND feed IN (${list(feeds)}) AND (${translingual} OR NOT translingual)
    ORDER BY slot, name`);
}

export async function markImported(
  store: Store,
  name: string,
  batchId: number | null,
  rows: number,
  now: Date,
) {
  await store.exec(sql`UPDATE gdelt_files SET state = 'imported', batch_id = ${batchId}, rows_in = ${rows},
      last_error = NULL, next_attempt_at = NULL, attempts = attempts + 1, updated_at = CAST(${iso(now)} AS TIMESTAMP)
    WHERE name = ${name}`);
}

/** A failure is remembered with its reason and a time to try again (none: given up). */
export async function markFailed(
  store: Store,
  name: string,
  state: 'missing' | 'failed',
  reason: string,
  retryAt: Date | null,
  now: Date,
) {
  await store.exec(sql`UPDATE gdelt_files SET state = ${state}, last_error = ${reason}, attempts = attempts + 1,
      next_attempt_at = CAST(${retryAt ? iso(retryAt) : NEVER} AS TIMESTAMP),
      updated_at = CAST(${iso(now)} AS TIMESTAMP)
    WHERE name = ${name}`);
}
