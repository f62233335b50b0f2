import { createHash } from 'node:crypto';
import { list, sql } from '../store/sql.ts';
import type { Row, Store } from '../store/store.ts';
import { applyRollupDelta } from '../store/rollups.ts';

/**
 * The batch record of a deletion: like an import's, so that a deletion is one change of the store
 * (on ClickHouse, its commit marker) and the history says which batch removed an event.
 */
export function deletionRecord(
  ids: readonly string[],
  reason: string,
  now: Date,
  batchId: number,
  deleted: number,
): Row {
  const source = ids[0]?.split(':')[0] ?? 'unknown';
  return {
    batch_id: batchId,
    file_path: reason,
    file_name: 'deleted-events',
    content_sha256: createHash('sha256')
      .update(`${now.toISOString()}\n${ids.join('\n')}`)
      .digest('hex'),
    fingerprint: null,
    bytes: 0,
    format: `${source}-deletions`,
    started_at: now.toISOString(),
    finished_at: now.toISOString(),
    rows_read: ids.length,
    rows_inserted: 0,
    rows_rejected: 0,
    duplicates: 0,
    replaced: deleted,
  };
}

/** Removes events a source deleted (ACLED's deleted-events list), keeping them in event_versions. */
export async function deleteEvents(
  store: Store,
  ids: readonly string[],
  reason: string,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  return store.transaction(async (tx) => {
    const gone = sql`SELECT * FROM events WHERE id IN (${list(ids)})`;
    const [found] = await tx.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM (${gone})`);
    if (!found?.n) return 0;
    const [seq] = await tx.query<{ id: number }>(sql`SELECT nextval('batch_id_seq')::INTEGER AS id`);
    const batchId = seq?.id ?? 0;
    await tx.exec(sql`INSERT INTO event_versions BY NAME
      SELECT *, CAST(${now.toISOString()} AS TIMESTAMP) AS superseded_at, ${batchId} AS superseded_by_batch,
             ${reason} AS superseded_reason
      FROM (${gone})`);
    await applyRollupDelta(tx, sql`SELECT * FROM events WHERE false`, gone);
    await tx.exec(sql`DELETE FROM events WHERE id IN (${list(ids)})`);
    await tx.insert('import_batches', [deletionRecord(ids, reason, now, batchId, found.n)]);
    return found.n;
  });
}
