import { ident, join, list, sql } from '../sql.ts';
import type { Row } from '../store.ts';
import { applyRollups, lastDayWith, nextBatchId } from './batches.ts';
import type { ClickHouseStore } from './clickhouse-store.ts';
import { EVENT_COLUMNS } from './migrations.ts';
import { parseColumns } from './schema.ts';

const COLUMNS = join(parseColumns(EVENT_COLUMNS).map((c) => ident(c.name)));

/**
 * Removes events a source deleted, as one batch (docs/clickhouse.md): the visible events go to
 * `event_versions` and get tombstones, the rollups get the batch's delta (and tombstones for keys
 * left without events), all invisible until the batch record, written last, commits them. Cut
 * anywhere before, nothing changed, and the next write removes what was left.
 */
export async function deleteEventsInBatch(
  to: ClickHouseStore,
  ids: readonly string[],
  reason: string,
  now: Date,
  record: (batchId: number, deleted: number) => Row,
): Promise<number> {
  if (ids.length === 0) return 0;
  const gone = sql`SELECT * FROM events WHERE id IN (${list(ids)})`;
  const [found] = await to.query<{ n: number }>(sql`SELECT toInt64(count()) AS n FROM (${gone})`);
  if (!found?.n) return 0;
  const batchId = await nextBatchId(to);
  await to.exec(sql`INSERT INTO event_versions_data (${COLUMNS}, superseded_at, superseded_by_batch, superseded_reason)
    SELECT ${COLUMNS}, ${now}, ${batchId}, ${reason} FROM (${gone})`);
  await to.exec(sql`INSERT INTO event_tombstones_data (id, old_batch, by_batch)
    SELECT id, batch_id, ${batchId} FROM (${gone})`);
  await applyRollups(to, batchId, true);
  const lastDay = await lastDayWith(to, batchId);
  await to.insert('import_batches', [{ ...record(batchId, found.n), last_day: lastDay }]);
  return found.n;
}
