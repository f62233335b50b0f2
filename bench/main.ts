import { cpus, totalmem } from 'node:os';
import { ingestBench } from './ingest.ts';
import { syncBench } from './sync.ts';

/**
 * `npm run bench [-- MILLIONS] [--only ingest|sync]`: every benchmark, each printing its figures
 * and its ratios against a baseline measured in the same run.
 */
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const millions = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? '2');
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`,
);
if (only !== 'sync') {
  console.log('== ingest ==');
  await ingestBench(millions);
}
if (only !== 'ingest') {
  console.log('\n== sync ==');
  await syncBench();
}
