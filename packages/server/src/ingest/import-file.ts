import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join as joinPath } from 'node:path';
import { SourceError } from '../errors.ts';
import { detect } from '../sources/detect.ts';
import { splitCsvLine, type Format, type RawLayout } from '../sources/util/format.ts';
import { digestFile, fingerprintFile } from '../sources/util/digest.ts';
import { recordStartLines } from '../sources/util/record-lines.ts';
import { sniffText } from '../sources/util/sniff.ts';
import { isUtf8File, windows1252ToUtf8 } from '../sources/util/transcode.ts';
import { unzipSingle } from '../sources/util/unzip.ts';
import { sql } from '../store/sql.ts';
import type { ReadReject, Store } from '../store/store.ts';
import { compileLoad } from './compile.ts';
import { settleDuplicates } from './dedupe.ts';
import { applyRollupDelta } from '../store/rollups.ts';
import { prepareReference } from './reference.ts';
import { DEFAULT_GKG_RETENTION_DAYS, loadGkg } from './gkg/index.ts';
import { isGkgFormat } from '../sources/gkg/index.ts';

export interface ImportOptions {
  /** Forces the format instead of detecting it (--source). */
  format?: Format;
  clock?: () => Date;
  tmpDir?: string;
  /** What to call the file in the batch record and rejects (e.g. its URL); default its path. */
  origin?: string;
  /** Days of raw GKG records kept (the threat rollups are kept for good). */
  gkgRetentionDays?: number;
  /** The store whose batch records say whether the content was imported before (default `store`). */
  batchesIn?: Store;
}

export interface FileSummary {
  file: string;
  format: string | null;
  status: 'imported' | 'already imported' | 'refused';
  rowsRead: number;
  inserted: number;
  rejected: number;
  duplicates: number;
  replaced: number;
  seconds: number;
  batchId: number | null;
  message?: string;
}

const REJECT_TEXT_LIMIT = 4000;

/** A column-count error means "try the next layout"; anything else is the row's real fault. */
const isWidthError = (r: ReadReject) => /^(MISSING|TOO MANY) COLUMNS/.test(r.reason);

/**
 * Imports one file as one batch, atomically: everything it adds (events, rejects, the batch
 * record) is committed together or not at all. The same content imported again adds nothing.
 */
export async function importFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<FileSummary> {
  const clock = options.clock ?? (() => new Date());
  const origin = options.origin ?? file;
  const started = clock();
  const t0 = performance.now();
  const summary = (fields: Partial<FileSummary>): FileSummary => ({
    file,
    format: null,
    status: 'imported',
    rowsRead: 0,
    inserted: 0,
    rejected: 0,
    duplicates: 0,
    replaced: 0,
    batchId: null,
    ...fields,
    seconds: (performance.now() - t0) / 1000,
  });
  const work = await mkdtemp(joinPath(options.tmpDir ?? tmpdir(), 'peacebell-import-'));
  try {
    const zipped = /\.zip$/i.test(file);
    let dataPath = zipped ? joinPath(work, basename(file).replace(/\.zip$/i, '')) : file;
    // A plain file's full digest is computed while the engine loads it; the quick fingerprint
    // decides first whether the content may have been imported before.
    const digesting = zipped ? unzipSingle(file, dataPath) : digestFile(file);
    digesting.catch(() => undefined);
    const fingerprint = await fingerprintFile(zipped ? (await digesting, dataPath) : file);
    const batches = options.batchesIn ?? store;
    const candidates = await batches.query<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM import_batches WHERE fingerprint = ${fingerprint}`,
    );
    const [previous] = candidates[0]?.n
      ? await batches.query<{ batch_id: number; file_path: string; format: string }>(
          sql`SELECT batch_id, file_path, format FROM import_batches
              WHERE content_sha256 = ${(await digesting).sha256} LIMIT 1`,
        )
      : [];
    if (previous) {
      return summary({
        format: previous.format,
        status: 'already imported',
        batchId: previous.batch_id,
        message: `same content as batch ${previous.batch_id} (${previous.file_path}): nothing added`,
      });
    }
    const sniffed = await sniffText(dataPath, file);
    const { format, feed, layouts } = detect(file, sniffed, options.format);
    if (format.encodings.includes('windows-1252') && !(await isUtf8File(dataPath))) {
      const utf8 = joinPath(work, 'utf8.csv');
      await windows1252ToUtf8(dataPath, utf8);
      dataPath = utf8;
    }

    await prepareReference(store);
    return await store.transaction(async (tx) => {
      const [seq] = await tx.query<{ id: number }>(sql`SELECT nextval('batch_id_seq')::INTEGER AS id`);
      const batchId = seq?.id ?? 0;
      const inputs = { file: basename(file), feed, batchId };
      const { inserted, rejects, ...settled } = isGkgFormat(format)
        ? {
            ...(await loadGkg(tx, format, dataPath, work, {
              file: basename(file),
              label: file,
              batchId,
              retentionDays: options.gkgRetentionDays ?? DEFAULT_GKG_RETENTION_DAYS,
            })),
            duplicates: 0,
            replaced: 0,
          }
        : await loadEvents(tx, format, layouts, { path: dataPath, label: file, work }, inputs, clock);
      const digest = await digesting;
      await tx.insert(
        'rejects',
        rejects.map((r) => ({
          batch_id: batchId,
          file_name: origin,
          line: r.line,
          field: r.field,
          reason: r.reason,
          raw: r.text.slice(0, REJECT_TEXT_LIMIT),
        })),
      );
      const result = summary({
        format: format.id,
        batchId,
        rowsRead: inserted + rejects.length,
        inserted: inserted - settled.duplicates,
        rejected: rejects.length,
        ...settled,
      });
      await tx.insert('import_batches', [
        {
          batch_id: batchId,
          file_path: origin,
          file_name: basename(file),
          content_sha256: digest.sha256,
          fingerprint,
          bytes: digest.bytes,
          format: format.id,
          started_at: started.toISOString(),
          finished_at: clock().toISOString(),
          rows_read: result.rowsRead,
          rows_inserted: result.inserted,
          rows_rejected: result.rejected,
          duplicates: result.duplicates,
          replaced: result.replaced,
        },
      ]);
      return result;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Bulk-loads an events or mentions file through its layouts, settles duplicates and updates the rollups. */
async function loadEvents(
  tx: Store,
  format: Format,
  layouts: readonly RawLayout[],
  paths: { path: string; label: string; work: string },
  inputs: { file: string; feed: string; batchId: number },
  clock: () => Date,
): Promise<{ inserted: number; rejects: ReadReject[]; duplicates: number; replaced: number }> {
  const { batchId } = inputs;
  const { path: dataPath, label, work } = paths;
  const target = format.target;
  if (target === 'gkg') throw new Error('GKG files are loaded by ingest/gkg');
  let inserted = 0;
  let rejects: ReadReject[] = [];
  for (const [i, layout] of layouts.entries()) {
    if (i > 0 && !rejects.some(isWidthError)) break;
    const loaded = await loadLayout(tx, format, layout, dataPath, inputs, `rejects_${batchId}_${i}`);
    inserted += loaded.inserted;
    rejects = i === 0 ? loaded.rejects : mergeRejects(rejects, loaded.rejects);
  }
  const retried = await retryTrimmed(tx, format, layouts[0] as RawLayout, work, inputs, rejects, batchId);
  inserted += retried.inserted;
  rejects = await physicalLines(dataPath, layouts[0] as RawLayout, retried.rejects);
  if (inserted === 0 && rejects.length > 0) {
    const first = rejects[0] as ReadReject;
    throw new SourceError(label, `no row could be read; line ${first.line}: ${first.reason}`, first.line);
  }
  const settled = await settleDuplicates(tx, target, batchId, clock());
  if (target === 'events') {
    await applyRollupDelta(
      tx,
      sql`SELECT * FROM events WHERE batch_id = ${batchId}`,
      settled.replaced > 0 ? sql`SELECT * FROM event_versions WHERE superseded_by_batch = ${batchId}` : null,
    );
  }
  return { inserted, rejects, ...settled };
}

async function loadLayout(
  store: Store,
  format: Format,
  layout: RawLayout,
  file: string,
  inputs: { file: string; feed: string; batchId: number },
  rejectsTable: string,
): Promise<{ inserted: number; rejects: ReadReject[] }> {
  const read = store.dialect.readDelimited({
    file,
    delimiter: layout.delimiter,
    quote: layout.quote,
    skip: layout.skip,
    columns: layout.columns,
    rejectsTable,
    ...(layout.dateFormat ? { dateFormat: layout.dateFormat } : {}),
    ...(layout.timestampFormat ? { timestampFormat: layout.timestampFormat } : {}),
  });
  const rows = await store.query<{ Count: string | number }>(
    compileLoad(format, layout, read, inputs, store.dialect),
  );
  const inserted = Number(rows[0]?.Count ?? 0);
  return { inserted, rejects: await store.takeReadRejects(rejectsTable) };
}

/**
 * Sources pad values with stray spaces (ACLED's ' 27.56061'), which fail a numeric cast: the
 * single-line rows set aside for a cast get a second read with every field trimmed.
 */
async function retryTrimmed(
  store: Store,
  format: Format,
  layout: RawLayout,
  work: string,
  inputs: { file: string; feed: string; batchId: number },
  rejects: ReadReject[],
  batchId: number,
): Promise<{ inserted: number; rejects: ReadReject[] }> {
  const trimmed = rejects.map((r) => {
    const text = r.text.replace(/^[\r\n]+|[\r\n]+$/g, '');
    if (!r.reason.startsWith('CAST') || /[\r\n]/.test(text)) return undefined;
    const fields = splitCsvLine(text, layout.delimiter).map((f) => f.trim());
    const quoteField = (f: string) =>
      layout.quote && /[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f;
    const line = fields.map(quoteField).join(layout.delimiter);
    return line === text ? undefined : line;
  });
  const retry = rejects.filter((_, i) => trimmed[i] !== undefined);
  if (retry.length === 0) return { inserted: 0, rejects };
  const file = joinPath(work, 'trimmed.csv');
  await writeFile(file, `${trimmed.filter((t) => t !== undefined).join('\n')}\n`);
  const second = await loadLayout(
    store,
    format,
    { ...layout, skip: 0 },
    file,
    inputs,
    `rejects_${batchId}_trim`,
  );
  const stillBad = new Set(second.rejects.map((r) => r.line));
  const resolved = new Set(retry.filter((_, i) => !stillBad.has(i + 1)));
  return { inserted: second.inserted, rejects: rejects.filter((r) => !resolved.has(r)) };
}

/** For quoted files the engine counts records, not lines: turn its numbers into the lines a person opens. */
async function physicalLines(file: string, layout: RawLayout, rejects: ReadReject[]): Promise<ReadReject[]> {
  if (layout.quote === '' || rejects.length === 0) return rejects;
  const lines = await recordStartLines(
    file,
    layout.skip,
    rejects.map((r) => r.line - layout.skip),
    layout.quote,
  );
  return rejects.map((r) => ({ ...r, line: lines.get(r.line - layout.skip) ?? r.line }));
}

/** A line stays rejected only if no layout read it; keep the most telling reason. */
function mergeRejects(first: ReadReject[], next: ReadReject[]): ReadReject[] {
  const later = new Map(next.map((r) => [r.line, r]));
  return first.flatMap((r) => {
    const other = later.get(r.line);
    if (!other) return [];
    return [isWidthError(r) && !isWidthError(other) ? other : r];
  });
}
