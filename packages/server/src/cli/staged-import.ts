import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventWrites } from '../ingest/event-writes.ts';
import { importFile, type FileSummary, type ImportOptions } from '../ingest/import-file.ts';
import { deleteEvents, deletionRecord } from '../ingest/versions.ts';
import { GKG_FORMATS } from '../sources/gkg/index.ts';
import { copyBatch } from '../store/clickhouse/batches.ts';
import { copyGkgBatch } from '../store/clickhouse/gkg-batches.ts';
import { DEFAULT_GKG_RETENTION_DAYS } from '../ingest/gkg/index.ts';
import { ClickHouseStore } from '../store/clickhouse/clickhouse-store.ts';
import { deleteEventsInBatch } from '../store/clickhouse/deletions.ts';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.ts';
import type { Store } from '../store/store.ts';

/**
 * Imports a file into any store. DuckDB imports it in place; ClickHouse gets the file read,
 * checked, mapped and de-duplicated exactly as DuckDB does it, in a temporary DuckDB store, whose
 * one batch is then copied across in bulk (`copyBatch`: compared with the stored events, visible
 * only once its batch record is written; a GKG file's threat rows likewise, `copyGkgBatch`).
 */
export async function importInto(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<FileSummary> {
  if (!(store instanceof ClickHouseStore)) return importFile(store, file, options);
  const clock = options.clock ?? (() => new Date());
  const t0 = performance.now();
  const work = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'peacebell-stage-'));
  const staging = await openDuckDbStore(join(work, 'stage.duckdb'));
  try {
    // Content imported before is found in the target's batch records, as DuckDB finds it.
    const read = await importFile(staging, file, { ...options, tmpDir: work, batchesIn: store });
    if (read.status !== 'imported' || read.batchId === null) return read;
    const copy = { tmpDir: work, now: clock() };
    const copied = GKG_FORMATS.some((f) => f.id === read.format)
      ? await copyGkgBatch(staging, store, read.batchId, {
          ...copy,
          retentionDays: options.gkgRetentionDays ?? DEFAULT_GKG_RETENTION_DAYS,
        })
      : await copyBatch(staging, store, read.batchId, copy);
    const seconds = (performance.now() - t0) / 1000;
    if (copied.status === 'already imported') {
      return {
        ...read,
        status: 'already imported',
        inserted: 0,
        rejected: 0,
        duplicates: 0,
        replaced: 0,
        batchId: copied.batchId,
        seconds,
        message: `same content as batch ${copied.batchId}: nothing added`,
      };
    }
    return {
      ...read,
      inserted: copied.inserted,
      duplicates: copied.duplicates,
      replaced: copied.replaced,
      batchId: copied.batchId,
      seconds,
    };
  } finally {
    await staging.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Deletes events from any store: in place on DuckDB, as one committed batch on ClickHouse. */
export async function deleteFrom(
  store: Store,
  ids: readonly string[],
  reason: string,
  now: Date,
): Promise<number> {
  if (!(store instanceof ClickHouseStore)) return deleteEvents(store, ids, reason, now);
  return deleteEventsInBatch(store, ids, reason, now, (batchId, deleted) =>
    deletionRecord(ids, reason, now, batchId, deleted),
  );
}

/** Event writes for any store (ingest/event-writes.ts). */
export const ANY_STORE: EventWrites = { importFile: importInto, deleteEvents: deleteFrom };
