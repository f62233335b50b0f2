import { main } from '../packages/server/src/cli/main.ts';

/** Child process of the benchmark: one `peacebell import`, reporting wall time and peak RSS. */
const [file, db] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const chunks: string[] = [];
const stdout = { write: (s: string) => chunks.push(s) > 0, isTTY: false } as unknown as NodeJS.WritableStream;
const code = await main(['import', file, '--db', db, '--json'], {
  stdout,
  stderr: process.stderr,
  env: process.env,
  clock: () => new Date(),
});
const seconds = (performance.now() - t0) / 1000;
const summary = JSON.parse(chunks.join('')) as { rows_in: number; rows_read: number };
process.stdout.write(
  JSON.stringify({ code, seconds, rows: summary.rows_read, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
