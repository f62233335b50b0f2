import { ident, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export interface Settled {
  duplicates: number;
  replaced: number;
}

/**
 * Keeps one row per id after a batch was appended: a copy of a row already stored (same id,
 * same content) is dropped from the batch; an older row with the same id and other content is
 * replaced by the batch's (the old version is kept in event_versions). Repeats inside the batch keep one copy. The stored side is reached
 * through `key_hash` (an integer), so a large store costs one narrow column scan per batch.
 */
export async function settleDuplicates(
  store: Store,
  table: string,
  batchId: number,
  now: Date,
): Promise<Settled> {
  const t = ident(table);
  const [batch] = await store.query<{ n: number; keys: number }>(sql`
    SELECT count(*)::INTEGER AS n, count(DISTINCT key_hash)::INTEGER AS keys FROM ${t} WHERE batch_id = ${batchId}`);
  let repeats = 0;
  if (batch && batch.keys < batch.n) {
    const [exact] = await store.query<{ n: number }>(sql`
      SELECT (count(*) - count(DISTINCT id))::INTEGER AS n FROM ${t} WHERE batch_id = ${batchId}`);
    repeats = exact?.n ?? 0;
    if (repeats > 0) {
      await store.exec(sql`DELETE FROM ${t} WHERE batch_id = ${batchId} AND rowid NOT IN (
        SELECT max(rowid) FROM ${t} WHERE batch_id = ${batchId} GROUP BY id)`);
    }
  }
  const [others] = await store.query<{ any: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM ${t} WHERE batch_id <> ${batchId}) AS any`,
  );
  if (!others?.any) return { duplicates: repeats, replaced: 0 };
  await store.exec(sql`CREATE OR REPLACE TEMP TABLE settle_overlap AS
    WITH fresh AS (SELECT id, key_hash, content_hash FROM ${t} WHERE batch_id = ${batchId}),
         stored AS (SELECT rowid AS row_id, id, content_hash FROM ${t}
                    WHERE batch_id <> ${batchId} AND key_hash IN (SELECT key_hash FROM fresh))
    SELECT stored.row_id, stored.id, stored.content_hash = fresh.content_hash AS same
    FROM stored JOIN fresh ON stored.id = fresh.id`);
  const [overlap] = await store.query<{ same: number; changed: number }>(sql`
    SELECT count(*) FILTER (WHERE same)::INTEGER AS same, count(*) FILTER (WHERE NOT same)::INTEGER AS changed
    FROM settle_overlap`);
  const same = overlap?.same ?? 0;
  const changed = overlap?.changed ?? 0;
  if (same > 0) {
    await store.exec(sql`DELETE FROM ${t} WHERE batch_id = ${batchId}
      AND id IN (SELECT id FROM settle_overlap WHERE same)`);
  }
  if (changed > 0) {
    if (table === 'events') {
      await store.exec(sql`INSERT INTO event_versions BY NAME
        SELECT *, CAST(${now.toISOString()} AS TIMESTAMP) AS superseded_at, ${batchId} AS superseded_by_batch,
               'replaced' AS superseded_reason
        FROM events WHERE rowid IN (SELECT row_id FROM settle_overlap WHERE NOT same)`);
    }
    await store.exec(sql`DELETE FROM ${t} WHERE rowid IN (SELECT row_id FROM settle_overlap WHERE NOT same)`);
  }
  await store.exec(sql`DROP TABLE settle_overlap`);
  return { duplicates: repeats + same, replaced: changed };
}
