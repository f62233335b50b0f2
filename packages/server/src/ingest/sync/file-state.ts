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

/** Records files from a list; a file already known keeps its state (its size/md5 are refreshed if it is not imported). */
export async function recordListed(store: Store, files: readonly ListedFile[], now: Date): Promise<number> {
  if (files.length === 0) return 0;
  return store.transaction(async (tx) => {
    await tx.exec(sql`CREATE OR REPLACE TEMP TABLE listed_now (name VARCHAR, url VARCHAR, feed VARCHAR,
      translingual BOOLEAN, slot TIMESTAMP, size BIGINT, md5 VARCHAR)`);
    await tx.insert(
      'listed_now',
      files.map((f) => ({
        name: f.name,
        url: f.url,
        feed: f.feed,
        translingual: f.translingual,
        slot: f.slot,
        size: f.size,
        md5: f.md5,
      })),
    );
    await tx.exec(sql`UPDATE gdelt_files AS g SET url = l.url, size = l.size, md5 = l.md5,
        state = CASE WHEN g.state = 'missing' THEN 'listed' ELSE g.state END,
        next_attempt_at = CASE WHEN g.state = 'missing' THEN NULL ELSE g.next_attempt_at END,
        updated_at = CAST(${iso(now)} AS TIMESTAMP)
      FROM listed_now AS l
      WHERE g.name = l.name AND g.state <> 'imported' AND (g.md5 IS DISTINCT FROM l.md5 OR g.state = 'missing')`);
    const [added] = await tx.query<{ n: number }>(sql`
      INSERT INTO gdelt_files (name, url, feed, translingual, slot, size, md5, state, attempts, listed_at, updated_at)
      SELECT DISTINCT ON (name) name, url, feed, translingual, slot, size, md5, 'listed', 0,
             CAST(${iso(now)} AS TIMESTAMP), CAST(${iso(now)} AS TIMESTAMP)
      FROM listed_now WHERE name NOT IN (SELECT name FROM gdelt_files)`);
    await tx.exec(sql`DROP TABLE listed_now`);
    return Number((added as { Count?: number | string } | undefined)?.Count ?? 0);
  });
}

/** Files due for work now, oldest slot first. */
export async function dueFiles(store: Store, now: Date, feeds: readonly string[], translingual: boolean) {
  return store.query<TrackedFile>(sql`
    SELECT name, url, feed, translingual, strftime(slot, '%Y-%m-%dT%H:%M:%SZ') AS slot, CAST(size AS INTEGER) AS size, md5, state,
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
      next_attempt_at = ${retryAt ? sql`CAST(${iso(retryAt)} AS TIMESTAMP)` : sql`CAST('infinity' AS TIMESTAMP)`},
      updated_at = CAST(${iso(now)} AS TIMESTAMP)
    WHERE name = ${name}`);
}
