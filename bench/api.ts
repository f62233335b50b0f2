import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEFAULT_INDICATORS, INDICATORS } from '@peacebell/model';
import { buildApp } from '../packages/server/src/api/app.ts';
import { dashboardBench } from './dashboard.ts';
import { hotspotsBench } from './hotspots.ts';
import { scanHotspots } from '../packages/server/src/analytics/hotspots/scan.ts';
import { countriesStatus } from '../packages/server/src/analytics/countries.ts';
import { indicatorSeries } from '../packages/server/src/analytics/indicators.ts';
import { pairRelations, partners } from '../packages/server/src/analytics/relations.ts';
import { importFile } from '../packages/server/src/ingest/import-file.ts';
import { openDuckDbStore } from '../packages/server/src/store/duckdb/duckdb-store.ts';
import { rebuildRollups } from '../packages/server/src/store/rollups.ts';
import { sql, trusted } from '../packages/server/src/store/sql.ts';
import type { Store } from '../packages/server/src/store/store.ts';
import { DATA_DIR } from '../test/shared-data.ts';

/** The real files whose events are repeated into the benchmark store. */
const SEED_FILES = [
  'gdelt2/export/20260514083000.export.CSV',
  'gdelt2/export/20260514090000.export.CSV',
  'gdelt2/export/20161013151500.export.CSV',
  'gdelt1/gdelt1-sample-1982-and-20160728-every10th-row.csv',
  'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
  'ucdp/ged191-myanmar-bangladesh.csv',
  'icews/icews-brazil-2013-except-june.tab',
];

const DAYS = 365;
export const LAST_DAY = '2026-05-14';

/**
 * A store of `events` events made of the real rows, repeated: copy k of the seed lands on day
 * k mod 365 before LAST_DAY, in day order (as a live feed appends), with fresh ids. Kept in
 * `dir` between runs, since 50M events take minutes to build.
 */
export async function benchStore(dir: string, events: number): Promise<Store> {
  const path = join(dir, `api-${events}.duckdb`);
  if (existsSync(path)) {
    const store = await openDuckDbStore(path, { memoryLimit: '4GB' });
    const [row] = await store.query<{ n: number }>(sql`SELECT count(*)::BIGINT::DOUBLE AS n FROM events`);
    if (row?.n === events) return store;
    await store.close();
    rmSync(path, { force: true });
  }
  const seedPath = join(dir, 'seed.duckdb');
  rmSync(seedPath, { force: true });
  const seed = await openDuckDbStore(seedPath);
  for (const file of SEED_FILES) await importFile(seed, join(DATA_DIR, file));
  await seed.close();

  const t0 = performance.now();
  const store = await openDuckDbStore(path, { memoryLimit: '4GB' });
  // ATTACH takes no parameters; the path is the benchmark's own temp file, quoted.
  await store.exec(sql`ATTACH ${trusted(`'${seedPath.replaceAll("'", "''")}'`)} AS seed (READ_ONLY)`);
  const [seedRows] = await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM seed.events`);
  const copies = Math.ceil(events / (seedRows?.n ?? 1));
  // One statement per block of copies keeps memory bounded; copies go in day order.
  const block = 10;
  for (let first = 0; first < copies; first += block) {
    await store.exec(sql`INSERT INTO events BY NAME
      SELECT e.* REPLACE (
          id || '#' || k AS id,
          source_record_id || '#' || k AS source_record_id,
          CAST(${LAST_DAY} AS DATE) - CAST(k % ${DAYS} AS INTEGER) AS event_date,
          CAST(${LAST_DAY} AS DATE) - CAST(k % ${DAYS} AS INTEGER) AS event_date_end,
          hash(id || '#' || k) AS key_hash)
      FROM range(${first}, ${Math.min(first + block, copies)}) AS c(k), seed.events AS e
      LIMIT greatest(0, ${events} - ${first} * ${seedRows?.n ?? 0})`);
  }
  await store.exec(sql`DETACH seed`);
  const built = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await rebuildRollups(store);
  console.log(
    `built ${events.toLocaleString('en')} events from ${seedRows?.n} real rows in ${built.toFixed(0)} s; rollups in ${((performance.now() - t1) / 1000).toFixed(0)} s`,
  );
  return store;
}

/** Nearest rank: the p95 of 20 timings is the 19th, not the slowest. */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function timed(
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  await fn(0);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i + 1);
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** Where the benchmark stores are kept between runs (PEACEBELL_BENCH_DIR, else a temp folder). */
export function benchDir(): string {
  const dir = process.env.PEACEBELL_BENCH_DIR ?? join(tmpdir(), 'peacebell-bench-api');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * `npm run bench -- --only api [--events 10M,50M]`: p50/p95 of each read endpoint over loopback
 * HTTP (response cache off), against the same question answered by scanning the raw events, and
 * the throughput of a cached endpoint with autocannon.
 */
export async function apiBench(sizes: readonly number[], runs = 30): Promise<void> {
  const dir = benchDir();
  for (const size of sizes) {
    const store = await benchStore(dir, size);
    const reader = await store.reader();
    const clock = () => new Date(`${LAST_DAY}T12:00:00Z`);
    const app = await buildApp({ store: reader, clock, version: 'bench', cache: { entries: 0 } });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const top = (await countriesStatus(reader)).countries.slice(0, 10).map((c) => c.country);
    const ranked = await partners(reader, top[0] ?? 'USA', { from: '2025-05-15', to: LAST_DAY }, 10);
    const pairs = ranked.map((p) => [top[0] ?? 'USA', p.partner] as const);
    const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;
    const window = { from: '2025-05-15', to: LAST_DAY };
    const get = async (path: string) => {
      const r = await fetch(`${base}/api/v1${path}`);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.text();
    };

    const cases: { name: string; http: (i: number) => string; raw?: (i: number) => Promise<unknown> }[] = [
      {
        name: 'GET /countries',
        http: () => '/countries',
        raw: () => countriesStatus(reader, undefined, undefined, true),
      },
      {
        name: 'GET /countries/{c}/indicators?grain=week',
        http: (i) => `/countries/${pick(top, i)}/indicators?grain=week`,
        raw: (i) =>
          indicatorSeries(reader, {
            unit: 'country',
            key: { country: pick(top, i) },
            grain: 'week',
            from: '2025-05-19',
            to: LAST_DAY,
            indicators: DEFAULT_INDICATORS,
            raw: true,
          }),
      },
      {
        name: 'GET /countries/{c}/indicators?grain=day&indicators=all',
        http: (i) => `/countries/${pick(top, i)}/indicators?grain=day&indicators=all`,
        raw: (i) =>
          indicatorSeries(reader, {
            unit: 'country',
            key: { country: pick(top, i) },
            grain: 'day',
            from: '2026-02-14',
            to: LAST_DAY,
            indicators: INDICATORS.map((x) => x.id),
            raw: true,
          }),
      },
      {
        name: 'GET /world/indicators?grain=week',
        http: () => '/world/indicators?grain=week',
        raw: () =>
          indicatorSeries(reader, {
            unit: 'world',
            key: {},
            grain: 'week',
            from: '2025-05-19',
            to: LAST_DAY,
            indicators: DEFAULT_INDICATORS,
            raw: true,
          }),
      },
      {
        name: 'GET /countries/{c}/partners',
        http: (i) => `/countries/${pick(top, i)}/partners?from=${window.from}`,
        raw: (i) => partners(reader, pick(top, i), { ...window, raw: true }, 20),
      },
      {
        name: 'GET /pairs/{a}/{b}?grain=month&events=0',
        http: (i) => `/pairs/${pick(pairs, i).join('/')}?grain=month&events=0`,
        raw: (i) => pairRelations(reader, ...pick(pairs, i), 'month', { ...window, raw: true }, 0),
      },
      {
        name: 'GET /pairs/{a}/{b}?grain=month (+10 top events)',
        http: (i) => `/pairs/${pick(pairs, i).join('/')}?grain=month`,
        raw: (i) => pairRelations(reader, ...pick(pairs, i), 'month', { ...window, raw: true }, 10),
      },
      { name: 'GET /pairs/{a}/{b}/indicators', http: (i) => `/pairs/${pick(pairs, i).join('/')}/indicators` },
      {
        name: 'GET /events?country={c}&from=(7 days)&limit=100',
        http: (i) => `/events?country=${pick(top, i)}&from=2026-05-08&to=${LAST_DAY}&limit=100`,
      },
      {
        name: 'GET /events?country={c}&limit=100 (all days)',
        http: (i) => `/events?country=${pick(top, i)}&limit=100`,
      },
      {
        name: 'GET /hotspots?date={last day}',
        http: () => `/hotspots?date=${LAST_DAY}`,
        raw: () => scanHotspots(reader, { unit: 'country', from: LAST_DAY, to: LAST_DAY, raw: true }),
      },
      { name: 'GET /sources', http: () => '/sources' },
      { name: 'GET /health', http: () => '/health' },
    ];
    console.log(`\n${size.toLocaleString('en')} events; ${runs} requests each, response cache off`);
    console.log(
      'endpoint'.padEnd(56),
      'p50 ms'.padStart(8),
      'p95 ms'.padStart(8),
      'raw p50'.padStart(9),
      'ratio'.padStart(7),
    );
    for (const c of cases) {
      const api = await timed(runs, (i) => get(c.http(i)));
      const raw = c.raw ? await timed(Math.min(runs, 5), c.raw) : undefined;
      console.log(
        c.name.padEnd(56),
        api.p50.toFixed(1).padStart(8),
        api.p95.toFixed(1).padStart(8),
        (raw ? raw.p50.toFixed(0) : '').padStart(9),
        (raw ? `${(raw.p50 / api.p50).toFixed(0)}×` : '').padStart(7),
      );
    }
    await app.close();

    const cached = await buildApp({ store: reader, clock, version: 'bench' });
    const url = `${await cached.listen({ host: '127.0.0.1', port: 0 })}/api/v1/countries/${top[0]}/indicators?grain=week`;
    const result = await autocannon({ url, connections: 50, duration: 10 });
    console.log(
      `cached GET /countries/{c}/indicators: ${Math.round(result.requests.average).toLocaleString('en')} req/s (autocannon, 50 connections, 10 s; p99 ${result.latency.p99} ms; ${result.non2xx} non-2xx)`,
    );
    await cached.close();
    await hotspotsBench(reader, LAST_DAY, '2025-05-15');
    await dashboardBench(reader, clock);
    await reader.close();
    await store.close();
  }
}
