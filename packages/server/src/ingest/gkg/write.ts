import { THEME_MAP_VERSION } from '@peacebell/model';
import { join as joinPath } from 'node:path';
import { ident, join, sql, type Sql } from '../../store/sql.ts';
import type { DelimitedColumn, Store } from '../../store/store.ts';
import { EVIDENCE_PER_KEY, type ThreatAccumulator } from './accumulate.ts';
import { COUNT_MEASURE_NAMES } from './places.ts';
import { pruneGkgRecords } from './prune.ts';
import { TsvWriter } from './tsv.ts';
import type { GkgInputs } from './load.ts';

const col = (name: string, type: string): DelimitedColumn => ({ name, type });
const text = (...names: string[]) => names.map((n) => col(n, 'VARCHAR'));
const double = (...names: string[]) => names.map((n) => col(n, 'DOUBLE'));
const bigint = (...names: string[]) => names.map((n) => col(n, 'BIGINT'));

const RECORD_COLUMNS: DelimitedColumn[] = [
  col('record_id', 'VARCHAR'),
  col('date', 'TIMESTAMP'),
  col('day', 'DATE'),
  col('articles', 'INTEGER'),
  col('collection', 'TINYINT'),
  ...text(
    'source_name',
    'document_id',
    'counts',
    'counts_v21',
    'themes',
    'themes_v2',
    'locations',
    'locations_v2',
  ),
  ...double('tone', 'positive', 'negative', 'polarity', 'activity', 'self_group'),
  col('word_count', 'INTEGER'),
  ...text('translation_info', 'domains'),
];
const KEY_COLUMNS = [...text('country', 'adm1'), col('day', 'DATE'), col('domain', 'VARCHAR')];
const MEASURES = ['articles', 'mentions', 'tone_n', 'tone_sum', ...COUNT_MEASURE_NAMES];
const DAY_COLUMNS = [
  ...KEY_COLUMNS,
  ...bigint('articles', 'mentions', 'tone_n'),
  col('tone_sum', 'DOUBLE'),
  ...bigint(...COUNT_MEASURE_NAMES),
];
const EVIDENCE_COLUMNS = [
  ...KEY_COLUMNS,
  ...text('url', 'source', 'record_id'),
  col('tone', 'DOUBLE'),
  col('mentions', 'INTEGER'),
];
const UNMAPPED_COLUMNS = [col('day', 'DATE'), col('theme', 'VARCHAR'), ...bigint('articles', 'mentions')];

/** A row source over a temp file this module wrote (GKG values hold no tabs or line ends). */
async function readTsv<T>(
  store: Store,
  path: string,
  columns: readonly DelimitedColumn[],
  use: (rows: Sql) => Promise<T>,
): Promise<T> {
  const rejectsTable = `gkg_read_${Math.random().toString(36).slice(2, 10)}`;
  const read = store.dialect.readDelimited({
    file: path,
    delimiter: '\t',
    quote: '',
    skip: 0,
    columns,
    rejectsTable,
  });
  const result = await use(read);
  const rejects = await store.takeReadRejects(rejectsTable);
  if (rejects.length > 0)
    throw new Error(`internal: ${path} line ${rejects[0]?.line}: ${rejects[0]?.reason}`);
  return result;
}

async function writeFile(path: string, rows: Iterable<readonly (string | number | null)[]>): Promise<string> {
  const out = new TsvWriter(path);
  for (const row of rows) await out.write(row);
  await out.close();
  return path;
}

function* dayRows(acc: ThreatAccumulator) {
  for (const [key, c] of acc.cells) {
    yield [
      ...key.split('\t'),
      c.articles,
      c.mentions,
      c.toneN,
      c.toneSum,
      ...COUNT_MEASURE_NAMES.map((m) => c.counts[m]),
    ];
  }
}

function* evidenceRows(acc: ThreatAccumulator) {
  for (const [key, list] of acc.evidence) {
    for (const e of list) yield [...key.split('\t'), e.url, e.source, e.recordId, e.tone, e.mentions];
  }
}

function* unmappedRows(acc: ThreatAccumulator) {
  for (const [key, u] of acc.unmapped) yield [...key.split('\t'), u.articles, u.mentions];
}

/** The engine reads an empty field as NULL: the world's and a country's '' keys come back here. */
const keyed = (rows: Sql) =>
  sql`(SELECT * REPLACE (coalesce(country, '') AS country, coalesce(adm1, '') AS adm1, coalesce(domain, '') AS domain) FROM ${rows})`;

/** MERGE of additive sums keyed by `keys` (the rollup's way: cost follows the batch). */
function mergeSums(table: string, keys: readonly string[], measures: readonly string[], rows: Sql): Sql {
  const on = join(
    keys.map((k) => sql`t.${ident(k)} = d.${ident(k)}`),
    ' AND ',
  );
  const all = [...keys, ...measures].map(ident);
  return sql`MERGE INTO ${ident(table)} AS t USING (SELECT * FROM ${rows}) AS d ON ${on}
    WHEN MATCHED THEN UPDATE SET ${join(measures.map((m) => sql`${ident(m)} = t.${ident(m)} + d.${ident(m)}`))}
    WHEN NOT MATCHED THEN INSERT (${join(all)}) VALUES (${join(all.map((c) => sql`d.${c}`))})`;
}

/** Writes a file's raw records and threat rollups, trims evidence and prunes raw records past retention. */
export async function writeGkg(
  store: Store,
  acc: ThreatAccumulator,
  recordsPath: string,
  work: string,
  inputs: GkgInputs,
): Promise<void> {
  const { batchId, file } = inputs;
  await readTsv(store, recordsPath, RECORD_COLUMNS, (rows) =>
    store.exec(sql`INSERT INTO gkg_records SELECT *, ${file}, ${batchId} FROM ${rows}`),
  );
  const days = await writeFile(joinPath(work, 'threat-day.tsv'), dayRows(acc));
  await readTsv(store, days, DAY_COLUMNS, (rows) =>
    store.exec(mergeSums('threat_day', ['country', 'adm1', 'day', 'domain'], MEASURES, keyed(rows))),
  );
  const unmapped = await writeFile(joinPath(work, 'unmapped.tsv'), unmappedRows(acc));
  await readTsv(store, unmapped, UNMAPPED_COLUMNS, (rows) =>
    store.exec(mergeSums('gkg_unmapped_themes', ['day', 'theme'], ['articles', 'mentions'], rows)),
  );
  const evidence = await writeFile(joinPath(work, 'evidence.tsv'), evidenceRows(acc));
  await readTsv(store, evidence, EVIDENCE_COLUMNS, (rows) =>
    store.exec(sql`INSERT INTO threat_evidence SELECT *, ${batchId} FROM ${keyed(rows)}`),
  );
  if (acc.firstDay !== null) await trimEvidence(store, acc.firstDay, acc.lastDay ?? acc.firstDay);
  await store.insert('gkg_batches', [
    {
      batch_id: batchId,
      map_version: THEME_MAP_VERSION,
      records: acc.records,
      first_day: acc.firstDay,
      last_day: acc.lastDay,
    },
  ]);
  await pruneGkgRecords(store, inputs.retentionDays);
}

/** Keeps the strongest evidence per place, day and domain over the days this batch touched. */
async function trimEvidence(store: Store, from: string, to: string): Promise<void> {
  await store.exec(sql`DELETE FROM threat_evidence WHERE rowid IN (
    SELECT rid FROM (
      SELECT rowid AS rid, row_number() OVER (
        PARTITION BY country, adm1, day, domain ORDER BY mentions DESC, record_id, batch_id) AS r
      FROM threat_evidence WHERE day BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE))
    WHERE r > ${EVIDENCE_PER_KEY})`);
}
