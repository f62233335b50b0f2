import { join as joinPath } from 'node:path';
import { ident, join, sql } from '../sql.ts';
import type { Row, Store } from '../store.ts';
import type { ClickHouseStore } from './clickhouse-store.ts';
import {
  copyRejects,
  deleteSql,
  lastDayWith,
  nextBatchId,
  type CopiedBatch,
  type CopyOptions,
} from './batches.ts';
import { bulkCopy } from './bulk-copy.ts';
import { BATCH_COLUMNS } from './migrations.ts';
import { GKG_COLUMNS, GKG_TABLES } from './gkg-tables.ts';
import { parseColumns } from './schema.ts';

export interface GkgCopyOptions extends CopyOptions {
  /** Days of raw records kept, back from the newest (`gkgRetentionDays`). */
  retentionDays: number;
}

const names = (columns: string) => parseColumns(columns).map((c) => c.name);

/**
 * Moves the one GKG batch of a temporary DuckDB store (an import read there, as for events:
 * cli/staged-import.ts) into ClickHouse, as `copyBatch` moves events: leftovers of uncommitted
 * attempts removed, the raw records, threat sums, evidence, unmapped themes and the GKG batch
 * row written under a fresh batch id where no reader sees them, then the batch record, which
 * commits it. The same content (SHA-256) is copied once. Raw records past retention are pruned
 * after the commit (cut before it, they wait for the next GKG import).
 */
export async function copyGkgBatch(
  from: Store,
  to: ClickHouseStore,
  sourceBatch: number,
  options: GkgCopyOptions,
): Promise<CopiedBatch> {
  const [record] = await from.query<Row>(
    sql`SELECT ${join(names(BATCH_COLUMNS).map((c) => ident(c)))} FROM import_batches WHERE batch_id = ${sourceBatch}`,
  );
  if (!record) throw new Error(`no batch ${sourceBatch} in ${from.location}`);
  const [previous] = await to.query<{ batch_id: number }>(
    sql`SELECT batch_id FROM import_batches WHERE content_sha256 = ${record.content_sha256 as string} LIMIT 1`,
  );
  const counts = { inserted: 0, duplicates: 0, replaced: 0 };
  if (previous) return { status: 'already imported', batchId: previous.batch_id, ...counts };
  const batchId = await nextBatchId(to);
  const file = joinPath(options.tmpDir, `gkg-${sourceBatch}.parquet`);
  for (const table of GKG_TABLES) {
    const columns = names(GKG_COLUMNS[table]);
    const values = columns.map((c) => (c === 'batch_id' ? sql`${batchId}::INTEGER AS batch_id` : ident(c)));
    // The staging store holds this batch alone: the sums carry no batch column there.
    const own =
      table === 'threat_day' || table === 'gkg_unmapped_themes'
        ? sql``
        : sql` WHERE batch_id = ${sourceBatch}`;
    await bulkCopy(
      from,
      to,
      sql`SELECT ${join(values)} FROM ${ident(table)}${own}`,
      `${table}_data`,
      columns,
      file,
    );
    await options.onStep?.('staged');
  }
  await copyRejects(from, to, sourceBatch, batchId, file);
  await options.onStep?.('written');
  const lastDay = await lastDayWith(to, batchId);
  await to.insert('import_batches', [{ ...record, batch_id: batchId, last_day: lastDay }]);
  await pruneRecords(to, options.retentionDays);
  return { status: 'imported', batchId, ...counts, inserted: Number(record.rows_inserted) };
}

/** ingest/gkg/prune.ts on ClickHouse: the cutoff is computed first, then rows are deleted by value. */
async function pruneRecords(to: ClickHouseStore, days: number): Promise<void> {
  const [newest] = await to.query<{ at: string | null }>(
    sql`SELECT toString(max(date)) AS at FROM gkg_records`,
  );
  if (!newest?.at) return;
  const cutoff = new Date(
    Date.parse(`${newest.at.replace(' ', 'T')}Z`) - Math.max(0, Math.trunc(days)) * 86_400_000,
  );
  const [old] = await to.query<{ n: number }>(
    sql`SELECT toInt64(count()) AS n FROM gkg_records_data WHERE date < ${cutoff}`,
  );
  if (old?.n) await to.exec(deleteSql(to, 'gkg_records_data', sql`date < ${cutoff}`));
}
