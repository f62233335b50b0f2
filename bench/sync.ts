import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR } from '../test/shared-data.ts';
import { importFile } from '../packages/server/src/ingest/import-file.ts';
import { abortableSleep, follow } from '../packages/server/src/ingest/sync/follow.ts';
import { Syncer, type SyncOptions } from '../packages/server/src/ingest/sync/syncer.ts';
import { openDuckDbStore } from '../packages/server/src/store/duckdb/duckdb-store.ts';
import { sql } from '../packages/server/src/store/sql.ts';
import { startMirror, type Mirror } from '../packages/server/test/fixtures/gdelt-mirror.ts';

/**
 * The sync benchmark: catch-up of a loopback mirror of the real GDELT files (files/s, rows/s),
 * and the latency from a file appearing in lastupdate.txt to its events answering a query, at
 * the default 15 s poll and at a 1 s poll.
 */
const options = (mirror: Mirror, extra: Partial<SyncOptions> = {}): SyncOptions => ({
  baseUrl: mirror.baseUrl,
  feeds: ['export', 'mentions'],
  translingual: false,
  concurrency: 4,
  cacheDir: null,
  missingRetryHours: 24,
  download: {},
  clock: () => new Date(),
  log: () => undefined,
  ...extra,
});

export async function syncBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'peacebell-bench-sync-'));
  const mirror = await startMirror();
  try {
    const store = await openDuckDbStore(join(work, 'catchup.duckdb'));
    const t0 = performance.now();
    const syncer = new Syncer(store, options(mirror));
    await syncer.listRange(new Date('2026-05-14T00:00:00Z'), new Date('2026-05-14T23:59:59Z'));
    const result = await syncer.runDue();
    const seconds = (performance.now() - t0) / 1000;
    const [rows] = await store.query<{ n: number }>(
      sql`SELECT ((SELECT count(*) FROM events) + (SELECT count(*) FROM gdelt_mentions))::INTEGER AS n`,
    );
    await store.close();
    const files = result.imported;
    console.log(
      `catch-up of ${files} files (${(rows?.n ?? 0).toLocaleString('en')} rows) from a loopback mirror: ${seconds.toFixed(1)} s, ` +
        `${(files / seconds).toFixed(1)} files/s, ${Math.round((rows?.n ?? 0) / seconds).toLocaleString('en')} rows/s`,
    );
    const local = await importLocally(work);
    console.log(
      `baseline, the same ${local.files} zips imported from local disk: ${local.seconds.toFixed(1)} s, ` +
        `${(local.files / local.seconds).toFixed(1)} files/s; sync / local: ${(local.seconds / seconds).toFixed(2)}×`,
    );

    for (const [pollSeconds, trials, target] of [
      [15, 3, 30],
      [1, 5, 5],
    ] as const) {
      const latencies: number[] = [];
      for (let trial = 0; trial < trials; trial++)
        latencies.push(await latency(mirror, work, pollSeconds, trial));
      const worst = Math.max(...latencies);
      console.log(
        `latency lastupdate.txt → queryable, poll ${pollSeconds} s: ${latencies.map((l) => l.toFixed(1)).join(', ')} s ` +
          `(worst ${worst.toFixed(1)} s; target < ${target} s)`,
      );
    }
  } finally {
    await mirror.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function importLocally(work: string): Promise<{ files: number; seconds: number }> {
  const sources = ['gdelt2/export', 'gdelt2/mentions'].flatMap((sub) =>
    readdirSync(join(DATA_DIR, sub))
      .filter((f) => /^20260514\d{6}\.(export|mentions)\.CSV\.zip$/.test(f))
      .map((f) => join(DATA_DIR, sub, f)),
  );
  const store = await openDuckDbStore(join(work, 'local.duckdb'));
  const t0 = performance.now();
  for (const file of sources) await importFile(store, file);
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  return { files: sources.length, seconds };
}

/** Seconds from the 09:00 export appearing in lastupdate.txt to its events answering a query. */
async function latency(mirror: Mirror, work: string, pollSeconds: number, trial: number): Promise<number> {
  mirror.setNow('20260514083000');
  const store = await openDuckDbStore(join(work, `latency-${pollSeconds}-${trial}.duckdb`));
  const controller = new AbortController();
  const o = options(mirror, { feeds: ['export'], signal: controller.signal });
  const running = follow(store, new Syncer(store, o), {
    ...o,
    pollMs: pollSeconds * 1000,
    backfillHours: 0,
    gapScanMs: 3_600_000,
    sleep: abortableSleep,
  });
  const count = async () =>
    (await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM events`))[0]?.n ?? 0;
  while ((await count()) === 0) await abortableSleep(20);
  // start at a random point of the poll cycle, as a real publication would
  await abortableSleep(Math.random() * pollSeconds * 1000);
  const before = await count();
  const t0 = performance.now();
  mirror.setNow('20260514090000');
  while ((await count()) === before) await abortableSleep(20);
  const seconds = (performance.now() - t0) / 1000;
  controller.abort();
  await running;
  await store.close();
  return seconds;
}
