import { DuckDBInstance } from '@duckdb/node-api';
import { EVENTS2 } from '../packages/server/src/sources/gdelt/layouts.ts';

/** Child process of the benchmark: DuckDB's own read_csv of the same file into a plain table. */
const [file, db] = process.argv.slice(2) as [string, string];
const plain = (type: string) => (/^[A-Z]+$/.test(type) ? type : 'VARCHAR');
const columns = EVENTS2.columns.map((c) => `'${c.name}': '${plain(c.type)}'`).join(', ');
const t0 = performance.now();
const instance = await DuckDBInstance.create(db, {
  threads: '2',
  memory_limit: '1GB',
  preserve_insertion_order: 'false',
});
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  `CREATE TABLE raw AS SELECT * FROM read_csv($1, delim='\t', header=false, quote='', escape='', auto_detect=false,
   dateformat='%Y%m%d', timestampformat='%Y%m%d%H%M%S', columns={${columns}})`,
  [file],
);
void reader;
const [row] = (await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM raw')).getRowObjectsJson();
connection.closeSync();
instance.closeSync();
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  JSON.stringify({ seconds, rows: Number(row?.n), maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
