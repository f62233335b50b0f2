import type { Migration } from '../migrate.ts';
import { ROLLUPS, rollupColumns, type RollupSpec } from '../rollups.ts';
import { ident, join, sql, type Sql } from '../sql.ts';
import { addColumn, createView, type Topology } from './schema.ts';

/**
 * The views readers see committed batches through (docs/clickhouse.md), as migration 3 defines
 * them. Batch ids are handed out in order, one writer at a time, and a batch first deletes what
 * uncommitted attempts left above the last committed id (batches.ts): every row at or below the
 * highest committed id is committed. One scalar comparison thus replaces the set of committed
 * ids, which cost a read of `import_batches` per view and per tombstone subquery.
 */
export const LAST_COMMITTED = sql`(SELECT max(batch_id) FROM import_batches)`;

const committed = (data: string, batch: string) =>
  sql`SELECT * FROM ${ident(data)} WHERE ${ident(batch)} <= ${LAST_COMMITTED}`;

/**
 * Rows that no committed tombstone (a row of `tombstones`) hides; a row is named by `keys` and its
 * batch. A count of the whole table `all` comes first: ClickHouse takes it from the parts' row
 * counts and folds the test into a constant, so a store without revisions reads no key column and
 * builds no set (at 10M events the check cost 10 ms a read). Tombstones of an uncommitted attempt
 * only make it run the full check. The batch test spares the wide one for unrevised batches.
 */
function notHidden(all: string, tombstones: Sql, rowBatch: Sql, keys: Sql[], tombBatch: Sql): Sql {
  return sql`((SELECT count() FROM ${ident(all)}) = 0
    OR ${rowBatch} NOT IN (SELECT ${tombBatch} FROM ${tombstones})
    OR (${join([...keys, rowBatch])}) NOT IN (SELECT ${join([...keys, tombBatch])} FROM ${tombstones}))`;
}

/**
 * Which rows of a rollup's data table are visible once batch `through` (and every batch before
 * it) is committed: the views' filter with `through` the last committed id, and what the writer
 * asks before a commit (batches.ts).
 */
export function rollupVisible(spec: RollupSpec, through: Sql): Sql {
  const keys = rollupColumns(spec)
    .filter((c) => c.key)
    .map((c) => ident(c.column));
  const table = `${spec.table}_tombstones`;
  const live = sql`(SELECT * FROM ${ident(table)} WHERE by_batch <= ${through})`;
  return sql`batch_id <= ${through} AND ${notHidden(table, live, ident('batch_id'), keys, ident('batch_id'))}`;
}

function rollupViews(spec: RollupSpec, t: Topology): Sql[] {
  const columns = rollupColumns(spec).map((c) => ident(c.column));
  const data = ident(`${spec.table}_data`);
  const visible = rollupVisible(spec, LAST_COMMITTED);
  return [
    // All columns with the batch, for the writer (batches.ts); readers use the view without it.
    createView(`${spec.table}_rows`, sql`SELECT * FROM ${data} WHERE ${visible}`, t),
    createView(spec.table, sql`SELECT ${join(columns)} FROM ${data} WHERE ${visible}`, t),
  ];
}

/** Every view over batch-tagged rows (`BATCH_TABLES` in migrations.ts). */
function committedViews(t: Topology): Sql[] {
  return [
    createView('event_tombstones', committed('event_tombstones_data', 'by_batch'), t),
    createView(
      'events',
      sql`${committed('events_data', 'batch_id')}
        AND ${notHidden('event_tombstones_data', ident('event_tombstones'), ident('batch_id'), [ident('id')], ident('old_batch'))}`,
      t,
    ),
    createView('event_versions', committed('event_versions_data', 'superseded_by_batch'), t),
    createView('gdelt_mentions', committed('gdelt_mentions_data', 'batch_id'), t),
    createView('rejects', committed('rejects_data', 'batch_id'), t),
    ...ROLLUPS.flatMap((spec) => rollupViews(spec, t)),
  ];
}

/**
 * The last day with located events once a batch is committed, noted in its record (batches.ts):
 * `max(day)` through the views costs a scan of the country rollup on every request. NULL in
 * records written before migration 3, or by a writer that does not note it: readers then scan.
 */
export const NOTED_LAST_DAY = sql`SELECT formatDateTime(last_day, '%Y-%m-%d', 'UTC') AS day
  FROM import_batches ORDER BY batch_id DESC LIMIT 1`;

export const committedViewsMigration = (t: Topology): Migration => ({
  version: 3,
  name: 'views keep batches up to the last committed id, tombstone checks only when there are any; batches note the last day',
  statements: [...committedViews(t), ...addColumn('import_batches', 'last_day DATE', t)],
});
