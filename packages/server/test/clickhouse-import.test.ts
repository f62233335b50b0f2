import { readFileSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { importInto } from '../src/cli/staged-import.ts';
import { latestDay } from '../src/analytics/countries.ts';
import { copyBatch } from '../src/store/clickhouse/batches.ts';
import type { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { openClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { BATCH_TABLES } from '../src/store/clickhouse/migrations.ts';
import { rebuildRollups, rollupColumns, ROLLUPS, type RollupSpec } from '../src/store/rollups.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { ident, join, sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { startChdbServer, type ChdbServer } from './fixtures/chdb-server.ts';
import { CLOCK, tempDir } from './helpers.ts';

/**
 * Imports into ClickHouse (chdb behind the loopback endpoint) against the same imports into
 * DuckDB: the same events, rejects and rollups; atomic and idempotent without transactions.
 */
const dir = tempDir('peacebell-chimport-');
let server: ChdbServer;
const url = (db: string) => `${server.url.replace('http', 'clickhouse')}/${db}`;

beforeAll(async () => {
  server = await startChdbServer(joinPath(dir, 'chdb'));
});
afterAll(async () => server?.close());

const FILES = [
  'gdelt2/export/20260514083000.export.CSV',
  'gdelt2/export/20260514090000.export.CSV.zip',
  'gdelt2/mentions/20260514000000.mentions.CSV.zip',
  'gdelt1/gdelt1-sample-1982-and-20160728-every10th-row.csv',
  'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
  'ucdp/ged191-myanmar-bangladesh.csv',
  'icews/icews-brazil-2013-except-june.tab',
];

/** 64-bit integers are JSON strings from DuckDB and numbers from ClickHouse: compare as numbers. */
const normal = (rows: object[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v]),
    ),
  );

const EVENT_VIEW = sql`SELECT id, CAST(content_hash AS VARCHAR) AS content_hash, event_date, category, domain,
  goldstein, avg_tone, action_geo_country, action_geo_adm1, fatalities_best FROM events ORDER BY id`;
/** A rollup as readers see it: per key, the sums of its rows (one row per key on DuckDB, a row per batch on ClickHouse). */
const ROLLUP_VIEW = (table: string) => {
  const spec = ROLLUPS.find((r) => r.table === table) as RollupSpec;
  const columns = rollupColumns(spec);
  const keys = join(columns.filter((c) => c.key).map((c) => ident(c.column)));
  const sums = join(
    columns.filter((c) => !c.key).map((c) => sql`sum(${ident(c.column)}) AS ${ident(c.column)}`),
  );
  return sql`SELECT ${keys}, ${sums} FROM ${ident(table)} GROUP BY ${keys} ORDER BY ${keys}`;
};
const COUNTS = sql`SELECT (SELECT count(*) FROM events)::INTEGER AS events,
  (SELECT count(*) FROM gdelt_mentions)::INTEGER AS mentions,
  (SELECT count(*) FROM rejects)::INTEGER AS rejects,
  (SELECT count(*) FROM import_batches)::INTEGER AS batches`;

async function same(duck: Store, ch: Store) {
  expect(normal(await ch.query(COUNTS))).toEqual(normal(await duck.query(COUNTS)));
  expect(normal(await ch.query(EVENT_VIEW))).toEqual(normal(await duck.query(EVENT_VIEW)));
  for (const table of ['rollup_world_day', 'rollup_country_day', 'rollup_adm1_day', 'rollup_pair_day']) {
    expect(normal(await ch.query(ROLLUP_VIEW(table))), table).toEqual(
      normal(await duck.query(ROLLUP_VIEW(table))),
    );
  }
}

/** Copies a batch killed after each step in turn, calling `check` after each attempt. */
async function interruptEachStep(
  stage: Store,
  ch: ClickHouseStore,
  batch: number,
  check: (step: string) => Promise<void>,
) {
  for (const step of ['staged', 'settled', 'written'] as const) {
    const interrupt = (at: string) => {
      if (at === step) throw new Error(`killed after ${step}`);
    };
    await expect(
      copyBatch(stage, ch, batch, { tmpDir: dir, now: CLOCK(), onStep: interrupt }),
    ).rejects.toThrow(`killed after ${step}`);
    await check(step);
  }
}

describe.runIf(hasData)('import into ClickHouse', () => {
  it('gives the same events, mentions, rejects and rollups as DuckDB, and a re-import adds nothing', async () => {
    const duck = await openDuckDbStore(joinPath(dir, 'ref.duckdb'));
    const ch = await openClickHouseStore(url('imports'));
    for (const file of FILES) {
      const a = await importInto(duck, dataFile(file), { clock: CLOCK });
      const b = await importInto(ch, dataFile(file), { clock: CLOCK });
      expect({ ...b, seconds: 0, batchId: 0 }, file).toEqual({ ...a, seconds: 0, batchId: 0 });
    }
    await same(duck, ch);
    const again = await importInto(ch, dataFile(FILES[0] as string), { clock: CLOCK });
    expect(again.status).toBe('already imported');
    await same(duck, ch);
    await duck.close();
    await ch.close();
  }, 180_000);

  it('replaces a revised event as DuckDB does, keeping the old version, rollups exact', async () => {
    const original = dataFile('gdelt2/export/20260514083000.export.CSV');
    const lines = readFileSync(original, 'utf8').split('\n');
    // The same first event on another day (column 2) with another Goldstein value (column 31), in
    // a file of its own: its old day's keys are left with no events.
    const fields = (lines[0] as string).split('\t');
    fields[30] = fields[30] === '-10' ? '10' : '-10';
    fields[1] = '20260101';
    const revised = joinPath(dir, '20260514084500.export.CSV');
    writeFileSync(revised, `${fields.join('\t')}\n${lines.slice(1, 5).join('\n')}\n`);
    const duck = await openDuckDbStore(joinPath(dir, 'rev.duckdb'));
    const ch = await openClickHouseStore(url('revisions'));
    for (const file of [original, revised]) {
      const a = await importInto(duck, file, { clock: CLOCK });
      const b = await importInto(ch, file, { clock: CLOCK });
      expect({ ...b, seconds: 0 }).toEqual({ ...a, seconds: 0 });
    }
    await same(duck, ch);
    const versions = sql`SELECT id, superseded_by_batch, superseded_reason FROM event_versions ORDER BY id`;
    expect(await ch.query(versions)).toEqual(await duck.query(versions));
    // The old day's keys were hidden on ClickHouse as DuckDB deleted them.
    const [hidden] = await ch.query<{ n: number }>(
      sql`SELECT count()::INTEGER AS n FROM rollup_country_day_tombstones`,
    );
    expect(hidden?.n).toBeGreaterThan(0);
    await rebuildRollups(duck);
    await same(duck, ch);
    await duck.close();
    await ch.close();
  });

  it('a revision interrupted at any step shows nothing through any view, and commits whole later', async () => {
    const original = dataFile('gdelt2/export/20260514083000.export.CSV');
    const fields = (readFileSync(original, 'utf8').split('\n')[0] as string).split('\t');
    fields[30] = fields[30] === '-10' ? '10' : '-10';
    fields[1] = '20260101';
    const revised = joinPath(dir, '20260514091500.export.CSV');
    writeFileSync(revised, `${fields.join('\t')}\n`);
    const ch = (await openClickHouseStore(url('interrupted_revision'))) as ClickHouseStore;
    const stage = await openDuckDbStore(joinPath(dir, 'stage-revision.duckdb'));
    const first = await importInto(stage, original, { clock: CLOCK });
    await copyBatch(stage, ch, first.batchId ?? 0, { tmpDir: dir, now: CLOCK() });
    const revision = await importInto(stage, revised, { clock: CLOCK });
    expect(revision).toMatchObject({ inserted: 1, replaced: 1 });
    // Everything a reader can see: every view over batch-tagged rows, and the last day.
    const views = BATCH_TABLES.filter((t) => t.view !== t.data);
    const visible = async () => ({
      views: await Promise.all(views.map((t) => ch.query(sql`SELECT * FROM ${ident(t.view)} ORDER BY ALL`))),
      lastDay: await latestDay(ch),
    });
    const before = await visible();
    const left = sql`SELECT (SELECT count() FROM events_data WHERE batch_id > ${first.batchId ?? 0})::INTEGER AS events,
      (SELECT count() FROM event_tombstones_data)::INTEGER AS tombstones,
      (SELECT count() FROM rollup_country_day_tombstones)::INTEGER AS rollup_tombstones`;
    await interruptEachStep(stage, ch, revision.batchId ?? 0, async (step) => {
      expect(await visible(), step).toEqual(before);
    });
    // The last attempt left its rows, tombstones included, with no batch record.
    const [leftover] = await ch.query<{ events: number; tombstones: number; rollup_tombstones: number }>(
      left,
    );
    expect(leftover).toMatchObject({ events: 1, tombstones: 1 });
    expect(leftover?.rollup_tombstones).toBeGreaterThan(0);
    await copyBatch(stage, ch, revision.batchId ?? 0, { tmpDir: dir, now: CLOCK() });
    await same(stage, ch);
    expect(await latestDay(ch)).toBe(await latestDay(stage));
    await stage.close();
    await ch.close();
  });

  it('an import interrupted at any step leaves nothing visible; the re-run imports it whole', async () => {
    const file = dataFile('gdelt2/export/20260514090000.export.CSV');
    const ch = (await openClickHouseStore(url('interrupted'))) as ClickHouseStore;
    const stage = await openDuckDbStore(joinPath(dir, 'stage.duckdb'));
    const first = await importInto(stage, dataFile('gdelt2/export/20260514083000.export.CSV'), {
      clock: CLOCK,
    });
    await copyBatch(stage, ch, first.batchId ?? 0, { tmpDir: dir, now: CLOCK() });
    const read = await importInto(stage, file, { clock: CLOCK });
    const before = await ch.query(COUNTS);
    const rollups = await ch.query(ROLLUP_VIEW('rollup_country_day'));
    await interruptEachStep(stage, ch, read.batchId ?? 0, async (step) => {
      expect(await ch.query(COUNTS), step).toEqual(before);
      expect(await ch.query(ROLLUP_VIEW('rollup_country_day')), step).toEqual(rollups);
    });
    const done = await copyBatch(stage, ch, read.batchId ?? 0, { tmpDir: dir, now: CLOCK() });
    expect(done).toMatchObject({ status: 'imported', inserted: read.inserted });
    const after = await ch.query<{ events: number }>(COUNTS);
    expect(after[0]?.events).toBe((before[0] as { events: number }).events + read.inserted);
    // The leftovers of the interrupted attempts were removed, not just hidden.
    const [left] = await ch.query<{ n: number }>(
      sql`SELECT count()::INTEGER AS n FROM events_data WHERE batch_id NOT IN (SELECT batch_id FROM import_batches)`,
    );
    expect(left?.n).toBe(0);
    expect((await copyBatch(stage, ch, read.batchId ?? 0, { tmpDir: dir, now: CLOCK() })).status).toBe(
      'already imported',
    );
    await stage.close();
    await ch.close();
  });
});
