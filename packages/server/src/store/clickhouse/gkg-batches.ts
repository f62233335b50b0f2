import { createHash } from 'node:crypto';
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
import { GKG_COLUMNS, GKG_TABLES, type GkgTable } from './gkg-tables.ts';
import { columnNames } from './schema.ts';

export interface GkgCopyOptions extends CopyOptions {
  /** Days of raw records kept, back from the newest (`gkgRetentionDays`). */
  retentionDays: number;
}

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
    sql`SELECT ${join(columnNames(BATCH_COLUMNS).map((c) => ident(c)))} FROM import_batches WHERE batch_id = ${sourceBatch}`,
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
    const columns = columnNames(GKG_COLUMNS[table]);
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
  await pruneBefore(to, cutoff);
}

async function pruneBefore(to: ClickHouseStore, cutoff: Date): Promise<void> {
  const [old] = await to.query<{ n: number }>(
    sql`SELECT toInt64(count()) AS n FROM gkg_records_data WHERE date < ${cutoff}`,
  );
  if (old?.n) await to.exec(deleteSql(to, 'gkg_records_data', sql`date < ${cutoff}`));
}

/** Per-key sums of a threat table as its readers see them, in SQL both engines take. */
const SUMS = {
  threat_day: {
    keys: ['country', 'adm1', 'day', 'domain'],
    sums: [
      'articles',
      'mentions',
      'tone_n',
      'tone_sum',
      'killed',
      'wounded',
      'arrested',
      'affected',
      'displaced',
    ],
  },
  gkg_unmapped_themes: { keys: ['day', 'theme'], sums: ['articles', 'mentions'] },
} as const;
const EVIDENCE = ['country', 'adm1', 'day', 'domain', 'url', 'source', 'record_id', 'tone', 'mentions'];
const EVIDENCE_ID = ['country', 'adm1', 'day', 'domain', 'record_id', 'url'];
const BATCH_ROW = ['map_version', 'records', 'first_day', 'last_day'];

// Days as text and counts as numbers, so rows from either engine compare alike.
const text = (c: string) =>
  c === 'day' || c.endsWith('_day')
    ? sql`CAST(${ident(c)} AS VARCHAR) AS ${ident(c)}`
    : c === 'records'
      ? sql`records::DOUBLE AS records`
      : ident(c);
const keyOf = (row: Row, columns: readonly string[]) => JSON.stringify(columns.map((c) => row[c]));

async function sums(store: Store, table: keyof typeof SUMS): Promise<Map<string, Row>> {
  const { keys, sums: measures } = SUMS[table];
  const rows = await store.query<Row>(sql`SELECT ${join(keys.map(text))},
    ${join(measures.map((m) => sql`sum(${ident(m)})::DOUBLE AS ${ident(m)}`))}
    FROM ${ident(table)} GROUP BY ${join(keys.map((k) => ident(k)))}`);
  return new Map(rows.map((row) => [keyOf(row, keys), row]));
}

/** Rows of `wanted` not in `held`, as multisets keyed by `columns`. */
function missing(wanted: Row[], held: Row[], columns: readonly string[]): Row[] {
  const counts = new Map<string, number>();
  for (const row of held) counts.set(keyOf(row, columns), (counts.get(keyOf(row, columns)) ?? 0) + 1);
  return wanted.filter((row) => {
    const n = counts.get(keyOf(row, columns)) ?? 0;
    if (n > 0) counts.set(keyOf(row, columns), n - 1);
    return n === 0;
  });
}

/**
 * `peacebell copy` of a DuckDB store's GKG threat rows. DuckDB adds every GKG batch into one row
 * per key, so they cannot be copied batch by batch; instead the difference between its tables and
 * what the ClickHouse views show (per key: DuckDB's sums minus ClickHouse's; evidence, raw records
 * and GKG batch rows ClickHouse lacks) is written as one batch (format `gkg-copy`) and committed
 * by its record, whose content hash is the difference's: nothing missing, nothing is written.
 */
export async function copyGkgDifference(
  from: Store,
  to: ClickHouseStore,
  options: CopyOptions,
): Promise<CopiedBatch | null> {
  const rows: Partial<Record<GkgTable, Row[]>> = {};
  for (const table of ['threat_day', 'gkg_unmapped_themes'] as const) {
    const [wanted, held] = [await sums(from, table), await sums(to, table)];
    const { keys, sums: measures } = SUMS[table];
    const out: Row[] = [];
    for (const [key, row] of wanted) {
      const stored = held.get(key);
      held.delete(key);
      const delta = measures.map((m) => Number(row[m]) - Number(stored?.[m] ?? 0));
      if (delta.some((d) => d !== 0))
        out.push({ ...row, ...Object.fromEntries(measures.map((m, i) => [m, delta[i]])) });
    }
    for (const row of held.values())
      out.push({ ...row, ...Object.fromEntries(measures.map((m) => [m, -Number(row[m])])) });
    rows[table] = out.map((row) => Object.fromEntries([...keys, ...measures].map((c) => [c, row[c]])));
  }
  const evidence = sql`SELECT ${join(EVIDENCE.map(text))} FROM threat_evidence`;
  rows.threat_evidence = missing(await from.query<Row>(evidence), await to.query<Row>(evidence), EVIDENCE_ID);
  const batchRows = sql`SELECT ${join(BATCH_ROW.map(text))} FROM gkg_batches`;
  rows.gkg_batches = missing(await from.query<Row>(batchRows), await to.query<Row>(batchRows), BATCH_ROW);
  const ids = sql`SELECT record_id FROM gkg_records`;
  const records = missing(await from.query<Row>(ids), await to.query<Row>(ids), ['record_id']);
  // The hash names the difference from this state: a committed difference is not taken for a new one.
  const [last] = await to.query<{ n: number }>(
    sql`SELECT toInt64(ifNull(max(batch_id), 0)) AS n FROM import_batches`,
  );
  const difference = JSON.stringify([last?.n ?? 0, rows, records.map((r) => r.record_id).sort()]);
  // Raw records DuckDB pruned (past its retention) go here too, after the commit, as an import's.
  const [oldest] = await from.query<{ at: string | null }>(
    sql`SELECT CAST(min(date) AS VARCHAR) AS at FROM gkg_records`,
  );
  const prune = async () => {
    if (oldest?.at) await pruneBefore(to, new Date(`${oldest.at.replace(' ', 'T')}Z`));
  };
  if (Object.values(rows).every((r) => r.length === 0) && records.length === 0) {
    await prune();
    return null;
  }
  const sha = createHash('sha256').update(difference).digest('hex');
  const [previous] = await to.query<{ batch_id: number }>(
    sql`SELECT batch_id FROM import_batches WHERE content_sha256 = ${sha} LIMIT 1`,
  );
  const counts = { inserted: 0, duplicates: 0, replaced: 0 };
  if (previous) return { status: 'already imported', batchId: previous.batch_id, ...counts };
  const batchId = await nextBatchId(to);
  for (const [table, list] of Object.entries(rows)) {
    await to.insert(
      `${table}_data`,
      list.map((row) => ({ ...row, batch_id: batchId })),
    );
    await options.onStep?.('staged');
  }
  if (records.length > 0) {
    // Every raw record goes across, then those ClickHouse shows already are taken out of the batch.
    const columns = columnNames(GKG_COLUMNS.gkg_records);
    const values = columns.map((c) => (c === 'batch_id' ? sql`${batchId}::INTEGER AS batch_id` : ident(c)));
    const file = joinPath(options.tmpDir, 'gkg-copy.parquet');
    await bulkCopy(from, to, sql`SELECT ${join(values)} FROM gkg_records`, 'gkg_records_data', columns, file);
    await to.exec(deleteSql(to, 'batch_copies', sql`TRUE`));
    await to.exec(sql`INSERT INTO batch_copies (id, content_hash) SELECT record_id, 0 FROM gkg_records`);
    await to.exec(
      deleteSql(
        to,
        'gkg_records_data',
        sql`batch_id = ${batchId} AND record_id IN (SELECT id FROM batch_copies)`,
      ),
    );
  }
  await options.onStep?.('written');
  const at = options.now;
  const inserted = Object.values(rows).reduce((n, r) => n + r.length, 0) + records.length;
  await to.insert('import_batches', [
    {
      batch_id: batchId,
      file_path: from.location,
      file_name: 'gkg-copy',
      content_sha256: sha,
      bytes: Buffer.byteLength(difference),
      format: 'gkg-copy',
      started_at: at,
      finished_at: at,
      rows_read: inserted,
      rows_inserted: inserted,
      rows_rejected: 0,
      duplicates: 0,
      replaced: 0,
      fingerprint: null,
      last_day: await lastDayWith(to, batchId),
    },
  ]);
  await prune();
  return { status: 'imported', batchId, ...counts, inserted };
}
