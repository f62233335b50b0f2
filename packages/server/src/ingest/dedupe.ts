import { ident, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export interface Settled {
  duplicates: number;
  replaced: number;
}

/**
 * Keeps one row per id after a batch was appended: a copy of a row already stored (same id,
 * same content) is dropped from the batch; an older row with the same id and other content is
 * replaced by the batch's. Repeats inside the batch keep one copy.
 */
export async function settleDuplicates(store: Store, table: string, batchId: number): Promise<Settled> {
  const t = ident(table);
  const [repeats] = await store.query<{ n: number }>(sql`
    SELECT (count(*) - count(DISTINCT id))::INTEGER AS n FROM ${t} WHERE batch_id = ${batchId}`);
  if (repeats && repeats.n > 0) {
    await store.exec(sql`DELETE FROM ${t} WHERE batch_id = ${batchId} AND rowid NOT IN (
      SELECT max(rowid) FROM ${t} WHERE batch_id = ${batchId} GROUP BY id)`);
  }
  const [overlap] = await store.query<{ same: number; changed: number }>(sql`
    SELECT count(*) FILTER (WHERE o.content_hash = n.content_hash)::INTEGER AS same,
           count(*) FILTER (WHERE o.content_hash <> n.content_hash)::INTEGER AS changed
    FROM ${t} AS n JOIN ${t} AS o ON o.id = n.id
    WHERE n.batch_id = ${batchId} AND o.batch_id <> ${batchId}`);
  const same = overlap?.same ?? 0;
  const changed = overlap?.changed ?? 0;
  if (same > 0) {
    await store.exec(sql`DELETE FROM ${t} AS n WHERE n.batch_id = ${batchId} AND EXISTS (
      SELECT 1 FROM ${t} AS o WHERE o.id = n.id AND o.batch_id <> ${batchId} AND o.content_hash = n.content_hash)`);
  }
  if (changed > 0) {
    await store.exec(sql`DELETE FROM ${t} AS o WHERE o.batch_id <> ${batchId} AND EXISTS (
      SELECT 1 FROM ${t} AS n WHERE n.id = o.id AND n.batch_id = ${batchId} AND n.content_hash <> o.content_hash)`);
  }
  return { duplicates: (repeats?.n ?? 0) + same, replaced: changed };
}
