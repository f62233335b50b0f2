import { join } from 'node:path';
import { SourceError } from '../../errors.ts';
import { GkgFieldError, RAW_FIELDS, type GkgFormat, type GkgRecord } from '../../sources/gkg/index.ts';
import type { ReadReject, Store } from '../../store/store.ts';
import { ThreatAccumulator } from './accumulate.ts';
import { readLines } from './lines.ts';
import { writeGkg } from './write.ts';
import { TsvWriter } from './tsv.ts';

const REJECT_TEXT_LIMIT = 4000;

export interface GkgInputs {
  /** The file's name, as stored with each raw record. */
  file: string;
  /** What to call the file in an error. */
  label: string;
  batchId: number;
  /** Days of raw records kept, counted back from the newest record in the store. */
  retentionDays: number;
}

/** A raw record row in the column order of `gkg_records` (without file and batch). */
function rawRow(record: GkgRecord, fields: readonly string[], format: GkgFormat, domains: string[]) {
  const tone = record.tone;
  return [
    record.id,
    record.date.slice(0, 19).replace('T', ' '),
    record.date.slice(0, 10),
    record.articles,
    record.collection,
    record.sourceName,
    record.documentId,
    ...RAW_FIELDS.map((name) => {
      const at = format.rawFields[name];
      return at === undefined ? null : (fields[at] ?? null);
    }),
    tone?.tone ?? null,
    tone?.positive ?? null,
    tone?.negative ?? null,
    tone?.polarity ?? null,
    tone?.activity ?? null,
    tone?.selfGroup ?? null,
    tone?.wordCount ?? null,
    record.translationInfo,
    domains.join(','),
  ];
}

/**
 * Reads a GKG file line by line in Node (its fields are nested lists the engine's CSV reader
 * cannot split), sets bad records aside with the field at fault, and writes the rest: raw records
 * and the threat rollups, inside the caller's transaction.
 */
export async function loadGkg(
  store: Store,
  format: GkgFormat,
  path: string,
  work: string,
  inputs: GkgInputs,
): Promise<{ inserted: number; rejects: ReadReject[] }> {
  const acc = new ThreatAccumulator();
  const raw = new TsvWriter(join(work, 'gkg-records.tsv'));
  const rejects: ReadReject[] = [];
  for await (const { line, number } of readLines(path)) {
    if (line === '' || line === format.header) continue;
    const fields = line.split('\t');
    let record: GkgRecord;
    try {
      record = format.parseFields(fields, number);
    } catch (error) {
      if (!(error instanceof GkgFieldError)) throw error;
      rejects.push({
        line: number,
        field: error.field || null,
        reason: error.message,
        text: line.slice(0, REJECT_TEXT_LIMIT),
      });
      continue;
    }
    await raw.write(rawRow(record, fields, format, acc.add(record)));
  }
  await raw.close();
  if (raw.rows === 0 && rejects.length > 0) {
    const first = rejects[0] as ReadReject;
    throw new SourceError(
      inputs.label,
      `no record could be read; line ${first.line}: ${first.reason}`,
      first.line,
    );
  }
  await writeGkg(store, acc, raw.path, work, inputs);
  return { inserted: raw.rows, rejects };
}
