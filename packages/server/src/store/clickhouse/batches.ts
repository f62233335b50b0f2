import { join as joinPath } from 'node:path';
import { ident, join, sql, type Sql } from '../sql.ts';
import { ROLLUPS, rollupColumns, rollupDeltaSql, rollupFor } from '../rollups.ts';
import type { Row, Store } from '../store.ts';
import type { ClickHouseStore } from './clickhouse-store.ts';
import { bulkCopy } from './bulk-copy.ts';
import { copyHistory } from './history.ts';
import { BATCH_COLUMNS, BATCH_TABLES, EVENT_COLUMNS, MENTION_COLUMNS, REJECT_COLUMNS } from './migrations.ts';
import { localName, onCluster, columnNames, type Topology } from './schema.ts';
import { rollupVisible } from './views.ts';

/**
 * Moves one committed batch of a source store (a DuckDB file, or the temporary DuckDB store an
 * import reads a file into) into a ClickHouse store, keeping the import's guarantees without
 * transactions (docs/clickhouse.md):
 *
 * 1. Rows of an earlier attempt that never committed (batch ids above the last committed one)
 *    are deleted, and the batch gets a fresh id.
 * 2. Its events and mentions are bulk-copied (Parquet) into their tables under that id, where
 *    no reader sees them yet, and compared with the visible rows, as `ingest/dedupe.ts` does in
 *    DuckDB: copies of stored rows are deleted from the batch, stored rows with the same id and
 *    other content get a tombstone and a copy in `event_versions`.
 * 3. Rejects, tombstones and rollup deltas are written tagged with the batch id: all invisible,
 *    since readers see only committed batches.
 * 4. The batch record is written last: that single insert makes the whole batch visible.
 *
 * An interrupted copy leaves nothing visible, and the same content (by SHA-256) is copied once.
 */
export interface CopiedBatch {
  status: 'imported' | 'already imported';
  batchId: number;
  inserted: number;
  duplicates: number;
  replaced: number;
}

export interface CopyOptions {
  /** A folder for the files in transit. */
  tmpDir: string;
  now: Date;
  /** The batch record to write when the source has none (the benchmark's built store). */
  record?: Row;
  /** Source batch → target batch of the batches copied so far, to number the copied history. */
  batchIds?: ReadonlyMap<number, number>;
  /** Called after each step (tests interrupt a copy here). */
  onStep?: (step: 'staged' | 'settled' | 'written') => void | Promise<void>;
}

const EVENT_NAMES = columnNames(EVENT_COLUMNS);
const MENTION_NAMES = columnNames(MENTION_COLUMNS);

/** On a cluster, deletes go to the local tables, on every node. */
const topology = (to: ClickHouseStore): Topology => ({
  database: to.database,
  ...(to.cluster ? { cluster: to.cluster } : {}),
});
export const deleteSql = (to: ClickHouseStore, table: string, where: Sql) =>
  sql`DELETE FROM ${ident(localName(table, topology(to)))}${onCluster(topology(to))} WHERE ${where}`;

/** The highest committed batch id, and removes what uncommitted attempts left behind. */
export async function nextBatchId(to: ClickHouseStore): Promise<number> {
  // Every table's highest batch in one round trip: this runs before each import and deletion.
  const highestOf = (table: string, column: string) =>
    sql`(SELECT toInt64(ifNull(max(${ident(column)}), 0)) FROM ${ident(table)})`;
  const [row] = await to.query<Record<string, number>>(
    sql`SELECT ${join([
      sql`${highestOf('import_batches', 'batch_id')} AS committed`,
      ...BATCH_TABLES.map((t, i) => sql`${highestOf(t.data, t.batch)} AS ${ident(`t${i}`)}`),
    ])}`,
  );
  const last = Number(row?.committed ?? 0);
  let highest = last;
  for (const [i, t] of BATCH_TABLES.entries()) {
    const n = Number(row?.[`t${i}`] ?? 0);
    if (n > last) {
      await to.exec(deleteSql(to, t.data, sql`${ident(t.batch)} > ${last}`));
      highest = Math.max(highest, n);
    }
  }
  return highest + 1;
}

/** The last day with located events once batch `batchId` is visible, noted in its record (views.ts). */
export async function lastDayWith(to: ClickHouseStore, batchId: number): Promise<string | null> {
  const [last] = await to.query<{ day: string | null }>(
    sql`SELECT toString(maxOrNull(day)) AS day FROM rollup_country_day_data
      WHERE ${rollupVisible(rollupFor('country'), sql`${batchId}`)}`,
  );
  return last?.day ?? null;
}

const columnList = (columns: readonly string[]) => join(columns.map((c) => ident(c)));

/**
 * Compares the batch's rows (written, not yet visible) with the visible ones: copies of a stored
 * row are deleted from the batch; a stored row with the same id and other content gets a
 * tombstone and a copy in `event_versions`. Returns the rows kept, dropped and replaced.
 */
async function settle(
  to: ClickHouseStore,
  target: 'events' | 'gdelt_mentions',
  columns: readonly string[],
  batchId: number,
  now: Date,
): Promise<{ inserted: number; duplicates: number; replaced: number }> {
  const view = ident(target);
  const data = ident(`${target}_data`);
  const fresh = sql`(SELECT id, key_hash, content_hash FROM ${data} WHERE batch_id = ${batchId})`;
  const stored = sql`(SELECT id, content_hash, batch_id FROM ${view}
    WHERE key_hash IN (SELECT key_hash FROM ${fresh}) AND id IN (SELECT id FROM ${fresh}))`;
  // One narrow scan answers the usual case (nothing in the batch is stored yet) at once.
  const [overlap] = await to.query<{ n: number; stored: number }>(sql`
    SELECT toInt64((SELECT count() FROM ${data} WHERE batch_id = ${batchId})) AS n,
      toInt64((SELECT count() FROM ${view} WHERE key_hash IN (SELECT key_hash FROM ${fresh}))) AS stored`);
  if (!overlap?.stored) return { inserted: overlap?.n ?? 0, duplicates: 0, replaced: 0 };
  const [counts] = await to.query<{ n: number; same: number; changed: number }>(sql`
    WITH stored AS ${stored}
    SELECT toInt64((SELECT count() FROM ${fresh})) AS n,
      toInt64((SELECT count() FROM stored WHERE (id, content_hash) IN (SELECT id, content_hash FROM ${fresh}))) AS same,
      toInt64((SELECT count() FROM stored WHERE (id, content_hash) NOT IN (SELECT id, content_hash FROM ${fresh}))) AS changed`);
  const same = counts?.same ?? 0;
  const changed = counts?.changed ?? 0;
  if (changed > 0 && target === 'events') {
    const replaced = sql`(SELECT * FROM ${view} WHERE key_hash IN (SELECT key_hash FROM ${fresh})
      AND id IN (SELECT id FROM ${fresh}) AND (id, content_hash) NOT IN (SELECT id, content_hash FROM ${fresh}))`;
    await to.exec(sql`INSERT INTO event_versions_data (${columnList(columns)}, superseded_at, superseded_by_batch, superseded_reason)
      SELECT ${columnList(columns)}, ${now}, ${batchId}, 'replaced' FROM ${replaced}`);
  }
  if (changed > 0) {
    await to.exec(sql`INSERT INTO event_tombstones_data (id, old_batch, by_batch)
      SELECT id, batch_id, ${batchId} FROM ${stored} WHERE (id, content_hash) NOT IN (SELECT id, content_hash FROM ${fresh})`);
  }
  if (same > 0) {
    // A mutation must not read the table it changes: the copies are listed in a table first.
    await to.exec(deleteSql(to, 'batch_copies', sql`TRUE`));
    await to.exec(sql`INSERT INTO batch_copies (id, content_hash)
      SELECT id, content_hash FROM ${stored} WHERE (id, content_hash) IN (SELECT id, content_hash FROM ${fresh})`);
    await to.exec(
      deleteSql(
        to,
        `${target}_data`,
        sql`batch_id = ${batchId} AND (id, content_hash) IN (SELECT id, content_hash FROM batch_copies)`,
      ),
    );
  }
  return { inserted: (counts?.n ?? 0) - same, duplicates: same, replaced: changed };
}

export async function applyRollups(to: ClickHouseStore, batchId: number, replaced: boolean): Promise<void> {
  for (const spec of ROLLUPS) {
    const columns = rollupColumns(spec).map((c) => c.column);
    const delta = rollupDeltaSql(
      spec,
      sql`SELECT * FROM events_data WHERE batch_id = ${batchId}`,
      replaced ? sql`SELECT * FROM event_versions_data WHERE superseded_by_batch = ${batchId}` : null,
      to.dialect,
    );
    const data = ident(`${spec.table}_data`);
    await to.exec(sql`INSERT INTO ${data} (${columnList(columns)}, batch_id)
      SELECT ${columnList(columns)}, ${batchId} FROM (${delta}) AS d`);
    if (!replaced) continue;
    // Keys the batch leaves with no events are hidden, all their rows, once it commits (as DuckDB
    // deletes such rows). Only revisions can do that, so this runs for few batches.
    const keys = columnList(
      rollupColumns(spec)
        .filter((c) => c.key)
        .map((c) => c.column),
    );
    const rows = sql`(SELECT * FROM ${ident(`${spec.table}_rows`)} UNION ALL SELECT * FROM ${data} WHERE batch_id = ${batchId})`;
    await to.exec(sql`INSERT INTO ${ident(`${spec.table}_tombstones`)} (${keys}, batch_id, by_batch)
      SELECT ${keys}, batch_id, ${batchId} FROM ${rows} AS r
      WHERE (${keys}) IN (
        SELECT ${keys} FROM ${rows} AS k
        WHERE (${keys}) IN (SELECT ${keys} FROM ${data} WHERE batch_id = ${batchId})
        GROUP BY ${keys} HAVING sum(events) = 0)`);
  }
}

/** The batch's rejects, under the target's batch id (invisible until the commit). */
export async function copyRejects(
  from: Store,
  to: ClickHouseStore,
  sourceBatch: number,
  batchId: number,
  file: string,
): Promise<void> {
  const rejectColumns = columnNames(REJECT_COLUMNS).filter((c) => c !== 'batch_id');
  await bulkCopy(
    from,
    to,
    sql`SELECT ${batchId} AS batch_id, ${columnList(rejectColumns)} FROM rejects WHERE batch_id = ${sourceBatch}`,
    'rejects_data',
    ['batch_id', ...rejectColumns],
    file,
  );
}

/** Copies batch `sourceBatch` of `from` into `to` (see above). */
export async function copyBatch(
  from: Store,
  to: ClickHouseStore,
  sourceBatch: number,
  options: CopyOptions,
): Promise<CopiedBatch> {
  const [record] = options.record
    ? [options.record]
    : await from.query<Row>(
        sql`SELECT ${columnList(columnNames(BATCH_COLUMNS))} FROM import_batches WHERE batch_id = ${sourceBatch}`,
      );
  if (!record) throw new Error(`no batch ${sourceBatch} in ${from.location}`);
  const [previous] = await to.query<{ batch_id: number }>(
    sql`SELECT batch_id FROM import_batches WHERE content_sha256 = ${record.content_sha256 as string} LIMIT 1`,
  );
  if (previous) {
    return {
      status: 'already imported',
      batchId: previous.batch_id,
      inserted: 0,
      duplicates: 0,
      replaced: 0,
    };
  }
  const batchId = await nextBatchId(to);
  const file = joinPath(options.tmpDir, `batch-${sourceBatch}.parquet`);
  let inserted = 0;
  let duplicates = 0;
  let replaced = 0;
  for (const [target, columns] of [
    ['events', EVENT_NAMES],
    ['gdelt_mentions', MENTION_NAMES],
  ] as const) {
    const [any] = await from.query<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM ${ident(target)} WHERE batch_id = ${sourceBatch}`,
    );
    if (!any?.n) continue;
    // The rows go straight to the data table under the new batch id: invisible until the commit.
    const values = columns.map((c) => (c === 'batch_id' ? sql`${batchId}::INTEGER AS batch_id` : ident(c)));
    await bulkCopy(
      from,
      to,
      sql`SELECT ${join(values)} FROM ${ident(target)} WHERE batch_id = ${sourceBatch}`,
      `${target}_data`,
      columns,
      file,
    );
    await options.onStep?.('staged');
    const settled = await settle(to, target, columns, batchId, options.now);
    inserted += settled.inserted;
    duplicates += settled.duplicates;
    replaced += settled.replaced;
    if (target === 'events') await applyRollups(to, batchId, settled.replaced > 0);
  }
  await options.onStep?.('settled');
  await copyRejects(from, to, sourceBatch, batchId, file);
  await copyHistory(from, to, sourceBatch, batchId, options.batchIds ?? new Map(), file);
  await options.onStep?.('written');
  const lastDay = await lastDayWith(to, batchId);
  // The commit: from here on the batch is visible, whole.
  const rowsDuplicate = Number(record.duplicates) + duplicates;
  await to.insert('import_batches', [
    {
      ...record,
      batch_id: batchId,
      rows_inserted: inserted,
      duplicates: rowsDuplicate,
      replaced: Number(record.replaced) + replaced,
      last_day: lastDay,
    },
  ]);
  return { status: 'imported', batchId, inserted, duplicates: rowsDuplicate, replaced };
}
