import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFile } from '../packages/server/src/ingest/import-file.ts';
import { openDuckDbStore } from '../packages/server/src/store/duckdb/duckdb-store.ts';
import { decodeWindows1252 } from '../packages/server/src/sources/util/cp1252.ts';
import { parseCsv } from '../packages/server/test/csv.ts';
import { DATA_DIR } from '../test/shared-data.ts';

const SOURCE = 'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv';

/** An N-row ACLED-shaped CSV (UTF-8) from the real 2016 rows, each with a fresh EVENT_ID_CNTY. */
function makeAcledFile(rows: number, target: string): number {
  const text = decodeWindows1252(readFileSync(join(DATA_DIR, SOURCE)));
  const [header, ...records] = parseCsv(text).filter((r) => r.some((v) => v !== ''));
  const id = (header as string[]).indexOf('EVENT_ID_CNTY');
  const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  const parts: string[] = [`${(header as string[]).join(',')}\n`];
  for (let i = 0; i < rows; i++) {
    const record = [...(records[i % records.length] as string[])];
    record[id] = `B${i}`;
    parts.push(`${record.map(quote).join(',')}\n`);
  }
  writeFileSync(target, parts.join(''));
  return records.length;
}

/** ACLED import through the engine's reader, against DuckDB's own read_csv of the same file. */
export async function acledBench(rows = 500_000): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'peacebell-bench-acled-'));
  try {
    const file = join(work, 'acled-shaped.csv');
    const templates = makeAcledFile(rows, file);
    const rawDb = await DuckDBInstance.create(join(work, 'raw.duckdb'), { threads: '2' });
    const connection = await rawDb.connect();
    let t0 = performance.now();
    await connection.run(`CREATE TABLE raw AS SELECT * FROM read_csv($1, header=true, all_varchar=true)`, [
      file,
    ]);
    const raw = (performance.now() - t0) / 1000;
    connection.closeSync();
    rawDb.closeSync();

    const store = await openDuckDbStore(join(work, 'peacebell.duckdb'));
    t0 = performance.now();
    const result = await importFile(store, file);
    const ours = (performance.now() - t0) / 1000;
    await store.close();
    if (result.inserted !== rows) throw new Error(`imported ${result.inserted} of ${rows} rows`);
    console.log(
      `ACLED-shaped file: ${rows.toLocaleString('en')} rows (${templates} real rows repeated, new ids)`,
    );
    console.log(
      `peacebell import ${ours.toFixed(2)} s, ${Math.round(rows / ours).toLocaleString('en')} rows/s (target ≥ 100,000); ` +
        `DuckDB read_csv (all VARCHAR) ${raw.toFixed(2)} s, ${Math.round(rows / raw).toLocaleString('en')} rows/s; ratio ${(raw / ours).toFixed(2)}×`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
