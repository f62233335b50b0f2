import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasData } from '../../../test/shared-data.ts';
import { join } from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { main } from '../src/cli/main.ts';
import { ANY_STORE } from '../src/cli/staged-import.ts';
import { completeness, problems } from '../src/ingest/sync/completeness.ts';
import { Syncer } from '../src/ingest/sync/syncer.ts';
import { openClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { ident, sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { startMirror, type Mirror } from './fixtures/gdelt-mirror.ts';
import { syncKilledAfter } from './fixtures/killed-sync.ts';
import { mirrorSyncOptions } from './fixtures/sync-options.ts';
import { pairedStores } from './fixtures/paired-stores.ts';
import { captureContext, tempDir } from './helpers.ts';

/**
 * GDELT followed into ClickHouse (chdb behind the loopback endpoint) and into DuckDB from the
 * same loopback mirror, through the same faults: the same events, file states, completeness and
 * /sources answers; failures recorded and retried alike; a killed sync leaves no half batch.
 */
const dir = tempDir('peacebell-chsync-');
const pair = pairedStores(dir);
const FROM = new Date('2026-05-14T08:00:00Z');
const TO = new Date('2026-05-14T09:30:00Z');
const BAD_ZIP = '20260514084500.export.CSV.zip';
let mirror: Mirror;

beforeAll(async () => {
  if (hasData) mirror = await startMirror([{ name: BAD_ZIP, body: Buffer.from('not a zip file\n') }]);
});
afterAll(async () => mirror?.close());

const options = (clock: { now: Date }) => mirrorSyncOptions(mirror, clock, { writes: ANY_STORE });

/** 64-bit integers are JSON strings from DuckDB and numbers from ClickHouse: compare as numbers. */
const normal = (rows: object[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v]),
    ),
  );
/** Errors name the download's temp folder, one per run. */
const templess = <T extends object>(rows: T[]) =>
  rows.map((r) =>
    'last_error' in r && typeof r.last_error === 'string'
      ? { ...r, last_error: r.last_error.replace(/\/[^ ]*\/peacebell-sync-[^/]+\//, '') }
      : r,
  );

const fileStates = (store: Store) => {
  const time = (column: string) => store.dialect.formatDate(ident(column), 'time');
  return store.query(sql`SELECT name, url, feed, translingual, ${time('slot')} AS slot, size, md5, state,
      attempts, last_error, ${time('listed_at')} AS listed_at, ${time('updated_at')} AS updated_at, batch_id, rows_in
    FROM gdelt_files ORDER BY name`);
};

/** What a reader sees after a sync step. */
async function picture(store: Store) {
  const [counts] = await store.query(sql`SELECT (SELECT count(*) FROM events)::INTEGER AS events,
    (SELECT count(*) FROM gdelt_mentions)::INTEGER AS mentions,
    (SELECT count(*) FROM import_batches)::INTEGER AS batches`);
  const events = await store.query(sql`SELECT id, CAST(content_hash AS VARCHAR) AS content_hash, event_date,
    category, action_geo_country, goldstein FROM events ORDER BY id`);
  return {
    counts: normal([counts as object]),
    events: normal(events),
    files: templess(normal(await fileStates(store))),
    days: await completeness(store, '2026-05-14', '2026-05-14', ['export', 'mentions']),
    problems: templess(normal(await problems(store, '2026-05-14', '2026-05-14', ['export', 'mentions']))),
  };
}

async function sources(store: Store) {
  const clock = () => new Date('2026-05-14T12:00:00Z');
  const app = await buildApp({
    store,
    clock,
    version: 't',
    logger: false,
    web: false,
    cache: { entries: 0 },
  });
  try {
    return (await app.inject({ url: '/api/v1/sources' })).body;
  } finally {
    await app.close();
  }
}

/** The same sync, through the same faults, into one store; a picture after each step. */
async function scenario(store: Store) {
  const clock = { now: new Date('2026-05-14T10:00:00Z') };
  const syncer = new Syncer(store, options(clock));
  const listed = await syncer.listRange(FROM, TO);
  mirror.fault('20260514083000.export.CSV.zip', { corrupt: true, times: 4 });
  mirror.hide(['20260514090000.export.CSV.zip']);
  const first = await syncer.runDue().finally(() => mirror.publish(['20260514090000.export.CSV.zip']));
  const failed = await picture(store);
  // The master list shows the missing file again: it is listed, due at once.
  clock.now = new Date('2026-05-14T10:01:00Z');
  const relisted = {
    added: await syncer.listRange(FROM, TO),
    files: templess(normal(await fileStates(store))),
  };
  clock.now = new Date('2026-05-14T11:00:00Z');
  const retried = await syncer.runDue();
  const synced = await picture(store);
  const again = { listed: await syncer.listRange(FROM, TO), run: await syncer.runDue() };
  return {
    listed,
    first,
    failed,
    relisted,
    retried,
    synced,
    again,
    after: await picture(store),
    api: await sources(store),
  };
}

describe.runIf(hasData)('following GDELT into ClickHouse', () => {
  it('gives the same events, file states, completeness and /sources as DuckDB, through failures and retries', async () => {
    const duck = await scenario(pair.duck);
    const ch = await scenario(pair.ch);
    expect(duck.listed).toBe(10);
    expect(duck.first).toMatchObject({ imported: 7, failed: 2, missing: 1 });
    expect(duck.failed.problems.map((p) => [p.name, p.state, p.next_attempt_at])).toEqual([
      ['20260514083000.export.CSV.zip', 'failed', '2026-05-14T10:15:00Z'],
      [BAD_ZIP, 'failed', 'never'],
      ['20260514090000.export.CSV.zip', 'missing', '2026-05-14T10:05:00Z'],
    ]);
    expect(duck.relisted.added).toBe(0);
    expect(duck.relisted.files.find((f) => f.name === '20260514090000.export.CSV.zip')).toMatchObject({
      state: 'listed',
      updated_at: '2026-05-14T10:01:00Z',
    });
    expect(duck.retried).toMatchObject({ imported: 2, failed: 0, missing: 0 });
    expect(duck.synced.counts).toEqual([{ events: 837 + 1265, mentions: expect.any(Number), batches: 9 }]);
    expect(duck.again).toEqual({
      listed: 0,
      run: { imported: 0, alreadyImported: 0, missing: 0, failed: 0, rows: 0 },
    });
    expect(duck.after).toEqual(duck.synced);
    expect(duck.api).toContain('"feed":"export","slots":96,"imported":2,"pending":0,"missing":93,"failed":1');
    expect(ch).toEqual(duck);
  }, 300_000);

  it('a sync killed mid-import leaves no half batch; the re-run completes it as DuckDB has it', async () => {
    const url = `${pair.ch.location.replace(/\/paired$/, '')}/killed`;
    const done = await syncKilledAfter(url, mirror.baseUrl, 3, [FROM.toISOString(), TO.toISOString()]);
    expect(done).toBeGreaterThanOrEqual(3);
    const store = await openClickHouseStore(url);
    try {
      // Every visible row belongs to a committed batch whose counts it matches.
      const [seen] = await store.query<{ events: number; mentions: number; noted: number }>(sql`
        SELECT (SELECT count(*) FROM events)::INTEGER AS events,
               (SELECT count(*) FROM gdelt_mentions)::INTEGER AS mentions,
               (SELECT sum(rows_inserted) FROM import_batches)::INTEGER AS noted`);
      expect(Number(seen?.events) + Number(seen?.mentions)).toBe(Number(seen?.noted));
      const clock = { now: new Date('2026-05-14T11:00:00Z') };
      const syncer = new Syncer(store, options(clock));
      await syncer.listRange(FROM, TO);
      await syncer.runDue();
      const [{ n } = { n: 0 }] = await store.query<{ n: number }>(
        sql`SELECT (count(*) - count(DISTINCT id))::INTEGER AS n FROM gdelt_mentions`,
      );
      expect(Number(n)).toBe(0);
      const events = sql`SELECT id, CAST(content_hash AS VARCHAR) AS content_hash FROM events ORDER BY id`;
      expect(normal(await store.query(events))).toEqual(normal(await pair.duck.query(events)));
      const [batches] = await store.query<{ n: number }>(
        sql`SELECT count(*)::INTEGER AS n FROM import_batches`,
      );
      expect(Number(batches?.n)).toBe(9);
    } finally {
      await store.close();
    }
  }, 300_000);

  it('peacebell sync and sync status on ClickHouse say what they say on DuckDB', async () => {
    const stores = [`${pair.ch.location.replace(/\/paired$/, '')}/cli`, join(dir, 'cli.duckdb')];
    const outputs = [];
    for (const db of stores) {
      const flags = ['--store', db, '--base-url', mirror.baseUrl, '--feeds', 'events'];
      const synced = captureContext();
      const range = ['--from', '2026-05-14', '--to', '2026-05-14'];
      expect(await main(['sync', ...range, ...flags, '--json'], synced.ctx)).toBe(2);
      const status = captureContext();
      expect(await main(['sync', 'status', ...flags, '--json'], status.ctx)).toBe(0);
      const report = JSON.parse(status.stdout()) as { problems: object[] };
      const problemsSeen = templess(report.problems);
      outputs.push({ synced: JSON.parse(synced.stdout()), status: { ...report, problems: problemsSeen } });
    }
    expect(outputs[0]).toMatchObject({ synced: { imported: 2, failed: 1 } });
    expect(outputs[0]).toEqual(outputs[1]);
  }, 300_000);
});
