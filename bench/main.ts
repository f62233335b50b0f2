import { cpus, totalmem } from 'node:os';
import { acledBench } from './acled.ts';
import { apiBench, benchDir, benchStore, LAST_DAY } from './api.ts';
import { clickhouseBench } from './clickhouse.ts';
import { dashboardBench } from './dashboard.ts';
import { gkgBench } from './gkg.ts';
import { ingestBench } from './ingest.ts';
import { syncBench } from './sync.ts';

/**
 * `npm run bench [-- MILLIONS] [--only ingest|acled|sync|gkg|api|dashboard|clickhouse] [--gkg-mb 300] [--events 10M,50M]`: every benchmark, each printing its figures
 * and its ratios against a baseline measured in the same run.
 */
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const size = (v: string) => Math.round(Number(v.replace(/[mM]$/, '')) * (/[mM]$/.test(v) ? 1e6 : 1));
const apiSizes = (args.includes('--events') ? (args[args.indexOf('--events') + 1] ?? '') : '10M,50M')
  .split(',')
  .map(size);
const millions = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? '2');
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`,
);
if (only === undefined || only === 'ingest') {
  console.log('== ingest ==');
  await ingestBench(millions);
}
if (only === undefined || only === 'acled') {
  console.log('\n== ACLED ==');
  await acledBench();
}
if (only === undefined || only === 'sync') {
  console.log('\n== sync ==');
  await syncBench();
}
if (only === undefined || only === 'gkg') {
  console.log('\n== GKG ==');
  await gkgBench(Number(args.includes('--gkg-mb') ? args[args.indexOf('--gkg-mb') + 1] : '300'));
}
if (only === undefined || only === 'api') {
  console.log('\n== API ==');
  await apiBench(apiSizes);
}
if (only === 'clickhouse') {
  // DuckDB and ClickHouse (chdb) in one run, on the API benchmark's store (default 10M events)
  for (const events of args.includes('--events') ? apiSizes : [10_000_000]) {
    console.log(`\n== ClickHouse and DuckDB, ${events.toLocaleString('en')} events ==`);
    await clickhouseBench(events);
  }
}
if (only === 'dashboard') {
  // the first view alone, on the stores of the API benchmark (default 10M events)
  for (const events of args.includes('--events') ? apiSizes : [10_000_000]) {
    console.log(`\n== dashboard, ${events.toLocaleString('en')} events ==`);
    const store = await benchStore(benchDir(), events);
    const reader = await store.reader();
    await dashboardBench(reader, () => new Date(`${LAST_DAY}T12:00:00Z`));
    await reader.close();
    await store.close();
  }
}
