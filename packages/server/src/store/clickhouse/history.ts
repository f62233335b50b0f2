import { ident, join, sql } from '../sql.ts';
import type { Store } from '../store.ts';
import { bulkCopy } from './bulk-copy.ts';
import type { ClickHouseStore } from './clickhouse-store.ts';
import { EVENT_COLUMNS, VERSION_EXTRA } from './migrations.ts';
import { columnNames } from './schema.ts';

const EVENT_NAMES = columnNames(EVENT_COLUMNS);
const VERSION_NAMES = [...EVENT_NAMES, ...columnNames(VERSION_EXTRA)];

/**
 * Copies the old versions of events a source batch revised or deleted (its rows of
 * `event_versions`) under the target batch `batchId`: visible with it. Each version's own batch
 * is numbered as in the target (`batchIds`: source batch → target batch, of the batches copied).
 */
export async function copyHistory(
  from: Store,
  to: ClickHouseStore,
  sourceBatch: number,
  batchId: number,
  batchIds: ReadonlyMap<number, number>,
  file: string,
): Promise<void> {
  const versions = sql`FROM event_versions WHERE superseded_by_batch = ${sourceBatch}`;
  const olds = await from.query<{ b: number }>(sql`SELECT DISTINCT batch_id AS b ${versions}`);
  if (olds.length === 0) return;
  const renumbered = sql`CASE batch_id ${join(
    olds.map((o) => sql`WHEN ${o.b} THEN ${batchIds.get(o.b) ?? o.b}`),
    ' ',
  )} END::INTEGER AS batch_id`;
  const values = VERSION_NAMES.map((c) => {
    if (c === 'batch_id') return renumbered;
    if (c === 'superseded_by_batch') return sql`${batchId}::INTEGER AS superseded_by_batch`;
    return ident(c);
  });
  await bulkCopy(
    from,
    to,
    sql`SELECT ${join(values)} ${versions}`,
    'event_versions_data',
    VERSION_NAMES,
    file,
  );
}
