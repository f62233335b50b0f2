import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../packages/server/src/api/app.ts';
import { countriesStatus } from '../packages/server/src/analytics/countries.ts';
import { partners } from '../packages/server/src/analytics/relations.ts';
import { importInto } from '../packages/server/src/cli/staged-import.ts';
import { copyBatch } from '../packages/server/src/store/clickhouse/batches.ts';
import {
  openClickHouseStore,
  type ClickHouseStore,
} from '../packages/server/src/store/clickhouse/clickhouse-store.ts';
import { openDuckDbStore } from '../packages/server/src/store/duckdb/duckdb-store.ts';
import { ident, sql } from '../packages/server/src/store/sql.ts';
import type { Store } from '../packages/server/src/store/store.ts';
import { startChdbServer } from '../packages/server/test/fixtures/chdb-server.ts';
import { DATA_DIR } from '../test/shared-data.ts';
import { benchDir, benchStore, LAST_DAY, percentile } from './api.ts';
import { makeGdeltFile } from './make-gdelt-file.ts';

/**
 * `npm run bench -- --only clickhouse [--events 10M]`: the same peacebell on DuckDB and on
 * ClickHouse (chdb, ClickHouse 26.7 in this process, behind the loopback HTTP endpoint the tests
 * use), in one run: import rows/s of a real-rows GDELT file, the bulk copy of the API benchmark's
 * store into ClickHouse, and p50/p95 of the dashboard's endpoints over HTTP on both.
 */
const geometricMean = (values: number[]) =>
  Math.exp(values.reduce((s, r) => s + Math.log(r), 0) / values.length);

const count = async (store: Store) =>
  Number(
    (await store.query<{ n: number }>(sql`SELECT count(*)::BIGINT::DOUBLE AS n FROM events`))[0]?.n ?? 0,
  );

/** A store copied before batches noted their last day (views.ts) would read as no store does. */
const notedLastDay = async (ch: ClickHouseStore) =>
  ch.dialect.notedLastDay && (await ch.query<{ day: string | null }>(ch.dialect.notedLastDay))[0]?.day;

/** Copies the benchmark store's events into ClickHouse, one batch per seed batch. */
async function loadClickHouse(duck: Store, ch: ClickHouseStore, dir: string, events: number): Promise<void> {
  const batches = await duck.query<{ b: number; n: number }>(
    sql`SELECT batch_id AS b, count(*)::DOUBLE AS n FROM events GROUP BY 1 ORDER BY 1`,
  );
  const t0 = performance.now();
  for (const { b, n } of batches) {
    const t = performance.now();
    const now = new Date(`${LAST_DAY}T12:00:00Z`);
    await copyBatch(duck, ch, b, {
      tmpDir: dir,
      now,
      record: {
        batch_id: b,
        file_path: `bench-${events}-${b}`,
        file_name: `bench-${events}-${b}`,
        content_sha256: `bench-${events}-${b}`,
        bytes: 0,
        format: 'bench',
        started_at: now.toISOString(),
        finished_at: now.toISOString(),
        rows_read: n,
        rows_inserted: n,
        rows_rejected: 0,
        duplicates: 0,
        replaced: 0,
        fingerprint: null,
      },
    });
    const s = (performance.now() - t) / 1000;
    console.log(`  batch ${b}: ${n.toLocaleString('en')} events in ${s.toFixed(1)} s`);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `copy DuckDB → ClickHouse: ${events.toLocaleString('en')} events in ${s.toFixed(0)} s, ${Math.round(events / s).toLocaleString('en')} rows/s (with rollups)`,
  );
}

/** Import rows/s of the same file into a fresh DuckDB store and a fresh ClickHouse database. */
async function importBench(dir: string, chUrl: (db: string) => string, rows: number): Promise<void> {
  const file = join(dir, `20990101000000.export.CSV`);
  if (!existsSync(file)) await makeGdeltFile(DATA_DIR, rows, file);
  const duckPath = join(dir, 'import-bench.duckdb');
  rmSync(duckPath, { force: true });
  const duck = await openDuckDbStore(duckPath);
  const ch = await openClickHouseStore(chUrl(`import_bench_${Date.now()}`));
  for (const [name, store] of [
    ['DuckDB', duck],
    ['ClickHouse', ch],
  ] as const) {
    const r = await importInto(store, file);
    console.log(
      `import ${rows.toLocaleString('en')}-row GDELT file into ${name.padEnd(10)}: ${r.seconds.toFixed(1)} s, ${Math.round(r.rowsRead / r.seconds).toLocaleString('en')} rows/s`,
    );
  }
  await duck.close();
  await ch.close();
  rmSync(duckPath, { force: true });
}

export async function clickhouseBench(events: number, runs = 40): Promise<void> {
  const dir = benchDir();
  const server = await startChdbServer(join(dir, 'chdb'));
  const chUrl = (db: string) => `${server.url.replace('http', 'clickhouse')}/${db}`;
  try {
    await importBench(dir, chUrl, 1_000_000);

    const duck = await benchStore(dir, events);
    const name = `bench_${events}`;
    let ch = (await openClickHouseStore(chUrl(name))) as ClickHouseStore;
    if ((await count(ch)) !== events || !(await notedLastDay(ch))) {
      await ch.exec(sql`DROP DATABASE IF EXISTS ${ident(name)}`);
      await ch.close();
      ch = (await openClickHouseStore(chUrl(name))) as ClickHouseStore;
      await loadClickHouse(duck, ch, dir, events);
    } else console.log(`ClickHouse store of ${events.toLocaleString('en')} events kept from an earlier run`);
    if ((await count(ch)) !== events) throw new Error('the ClickHouse store does not hold the events');

    const clock = () => new Date(`${LAST_DAY}T12:00:00Z`);
    const reader = await duck.reader();
    const options = { clock, version: 'bench', logger: false, web: false, cache: { entries: 0 } } as const;
    const apps = [await buildApp({ store: reader, ...options }), await buildApp({ store: ch, ...options })];
    const bases: string[] = [];
    for (const app of apps) bases.push(await app.listen({ host: '127.0.0.1', port: 0 }));
    const top = (await countriesStatus(reader)).countries.slice(0, 10).map((c) => c.country);
    const window = { from: '2025-05-15', to: LAST_DAY };
    const ranked = await partners(reader, top[0] ?? 'USA', window, 10);
    const pairs = ranked.map((p) => `${top[0] ?? 'USA'}/${p.partner}`);
    const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;
    const cases: [string, (i: number) => string][] = [
      ['GET /countries', () => '/countries'],
      ['GET /countries/{c}/indicators?grain=week', (i) => `/countries/${pick(top, i)}/indicators?grain=week`],
      [
        'GET /countries/{c}/indicators?grain=day&indicators=all',
        (i) => `/countries/${pick(top, i)}/indicators?grain=day&indicators=all`,
      ],
      ['GET /world/indicators?grain=week', () => '/world/indicators?grain=week'],
      ['GET /countries/{c}/partners', (i) => `/countries/${pick(top, i)}/partners?from=${window.from}`],
      ['GET /pairs/{a}/{b}?grain=month', (i) => `/pairs/${pick(pairs, i)}?grain=month`],
      ['GET /conflict-series', (i) => `/conflict-series?countries=${pick(top, i)}`],
      [
        'GET /events?country={c}&from=(7 days)&limit=100',
        (i) => `/events?country=${pick(top, i)}&from=2026-05-08&to=${LAST_DAY}&limit=100`,
      ],
      ['GET /hotspots?date={last day}', () => `/hotspots?date=${LAST_DAY}`],
      ['GET /sources', () => '/sources'],
    ];
    console.log(
      `\n${events.toLocaleString('en')} events; ${runs} requests each per engine, taking turns, response cache off`,
    );
    console.log(
      'endpoint'.padEnd(56),
      'DuckDB p50'.padStart(11),
      'p95'.padStart(8),
      'ClickHouse p50'.padStart(15),
      'p95'.padStart(8),
      'p95 ratio'.padStart(10),
    );
    const ratios: number[] = [];
    const medians: number[] = [];
    for (const [name, path] of cases) {
      const timings: number[][] = bases.map(() => []);
      // The engines take turns, request by request, so both meet the same load on a shared machine.
      for (let i = 0; i <= runs; i++) {
        for (const [k, base] of bases.entries()) {
          const t = performance.now();
          const r = await fetch(`${base}/api/v1${path(i)}`);
          if (r.status !== 200) throw new Error(`${path(i)}: ${r.status} ${await r.text()}`);
          await r.arrayBuffer();
          if (i > 0) timings[k]?.push(performance.now() - t);
        }
      }
      const [d, c] = timings.map((t) => ({ p50: percentile(t, 50), p95: percentile(t, 95) })) as [
        { p50: number; p95: number },
        { p50: number; p95: number },
      ];
      ratios.push(c.p95 / d.p95);
      medians.push(c.p50 / d.p50);
      console.log(
        name.padEnd(56),
        d.p50.toFixed(1).padStart(11),
        d.p95.toFixed(1).padStart(8),
        c.p50.toFixed(1).padStart(15),
        c.p95.toFixed(1).padStart(8),
        `${(c.p95 / d.p95).toFixed(2)}×`.padStart(10),
      );
    }
    console.log(
      `ClickHouse/DuckDB, geometric mean over the endpoints: p95 ${geometricMean(ratios).toFixed(2)}×, p50 ${geometricMean(medians).toFixed(2)}×`,
    );
    for (const app of apps) await app.close();
    await reader.close();
    await ch.close();
    await duck.close();
  } finally {
    await server.close();
  }
}
