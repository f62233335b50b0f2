import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasData } from '../../../test/shared-data.ts';
import { completeness, problems } from '../src/ingest/sync/completeness.ts';
import { abortableSleep, follow } from '../src/ingest/sync/follow.ts';
import { Syncer } from '../src/ingest/sync/syncer.ts';
import { ident, sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { startMirror, type Mirror } from './fixtures/gdelt-mirror.ts';
import { syncKilledAfter } from './fixtures/killed-sync.ts';
import { mirrorSyncOptions } from './fixtures/sync-options.ts';
import { freshStore, tempDir } from './helpers.ts';

const dir = tempDir();
const DAY_START = new Date('2026-05-14T00:00:00Z');
const DAY_END = new Date('2026-05-14T23:59:59Z');

const options = mirrorSyncOptions;

const count = async (store: Store, table: 'events' | 'gdelt_mentions' | 'import_batches') =>
  (await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`))[0]?.n;

const states = async (store: Store) =>
  Object.fromEntries(
    (
      await store.query<{ state: string; n: number }>(
        sql`SELECT state, count(*)::INTEGER AS n FROM gdelt_files GROUP BY 1`,
      )
    ).map((r) => [r.state, r.n]),
  );

describe.runIf(hasData)('GDELT sync against a loopback mirror of real files', () => {
  let mirror: Mirror;
  beforeAll(async () => {
    mirror = await startMirror();
  });
  afterAll(() => mirror.close());

  it('backfills a day: every published file in, the real 08:45 gap reported', async () => {
    const store = await freshStore(dir);
    const clock = { now: new Date('2026-05-15T00:00:00Z') };
    const o = options(mirror, clock);
    const syncer = new Syncer(store, o);
    expect(await syncer.listRange(DAY_START, DAY_END)).toBe(98);
    const result = await syncer.runDue();
    expect(result).toMatchObject({ imported: 98, failed: 0, missing: 0 });
    expect(await states(store)).toEqual({ imported: 98 });
    expect(await count(store, 'events')).toBe(837 + 1265);
    expect(o.lines.some((l) => /^20260514083000\.export\.CSV\.zip \d+ KB, 837 rows in \d+ ms$/.test(l))).toBe(
      true,
    );

    const days = await completeness(store, '2026-05-14', '2026-05-14', ['export', 'mentions']);
    const exp = days.find((d) => d.feed === 'export');
    expect(exp).toMatchObject({ slots: 96, imported: 2, missing: 94, failed: 0, pending: 0 });
    expect(exp?.gaps).toContain('08:45');
    expect(exp?.gaps).not.toContain('08:30');
    expect(days.find((d) => d.feed === 'mentions')).toMatchObject({ slots: 96, imported: 96, gaps: [] });

    // a second run lists nothing new and imports nothing
    expect(await syncer.listRange(DAY_START, DAY_END)).toBe(0);
    expect(await syncer.runDue()).toMatchObject({ imported: 0 });
    await store.close();
  });

  it('never imports a file whose md5 does not match; retries it later', async () => {
    const store = await freshStore(dir);
    const clock = { now: new Date('2026-05-15T00:00:00Z') };
    const syncer = new Syncer(store, options(mirror, clock, { feeds: ['export'] }));
    mirror.fault('20260514083000.export.CSV.zip', { corrupt: true, times: 4 });
    await syncer.listRange(DAY_START, DAY_END);
    expect(await syncer.runDue()).toMatchObject({ imported: 1, failed: 1 });
    const [failure] = await problems(store, '2026-05-14', '2026-05-14', ['export']);
    expect(failure).toMatchObject({ name: '20260514083000.export.CSV.zip', state: 'failed' });
    expect(failure?.last_error).toMatch(/mismatch/);
    expect(await count(store, 'events')).toBe(1265);

    expect(await syncer.runDue()).toMatchObject({ imported: 0 }); // not due yet
    clock.now = new Date('2026-05-15T01:00:00Z');
    expect(await syncer.runDue()).toMatchObject({ imported: 1, failed: 0 });
    expect(await count(store, 'events')).toBe(837 + 1265);
    await store.close();
  });

  it('rides out a 500, a truncated transfer and a stalled server', async () => {
    const store = await freshStore(dir);
    const clock = { now: new Date('2026-05-15T00:00:00Z') };
    const syncer = new Syncer(store, options(mirror, clock));
    mirror.fault('20260514083000.export.CSV.zip', { status: 500, times: 1 });
    mirror.fault('20260514090000.export.CSV.zip', { truncateAt: 1000, times: 1 });
    mirror.fault('20260514120000.mentions.CSV.zip', { stallAfterBytes: 500, times: 1 });
    await syncer.listRange(DAY_START, DAY_END);
    expect(await syncer.runDue()).toMatchObject({ imported: 98, failed: 0 });
    expect(await count(store, 'events')).toBe(837 + 1265);
    await store.close();
  });

  it('records a 404 as missing upstream and imports the file once it appears', async () => {
    const store = await freshStore(dir);
    const clock = { now: new Date('2026-05-14T09:20:00Z') };
    const syncer = new Syncer(store, options(mirror, clock, { feeds: ['export'] }));
    await syncer.listRange(DAY_START, DAY_END);
    mirror.hide(['20260514090000.export.CSV.zip']);
    try {
      expect(await syncer.runDue()).toMatchObject({ imported: 1, missing: 1 });
      expect((await problems(store, '2026-05-14', '2026-05-14', ['export']))[0]).toMatchObject({
        state: 'missing',
      });
      mirror.publish(['20260514090000.export.CSV.zip']);
      clock.now = new Date('2026-05-14T10:00:00Z');
      expect(await syncer.runDue()).toMatchObject({ imported: 1, missing: 0 });
      expect(await count(store, 'events')).toBe(837 + 1265);
    } finally {
      mirror.publish(['20260514090000.export.CSV.zip']);
    }
    await store.close();
  });

  it('resumes after a SIGKILL mid-backfill with nothing lost or doubled', async () => {
    const db = join(dir, 'killed-sync.duckdb');
    const before = await syncKilledAfter(db, mirror.baseUrl, 20);
    expect(before).toBeGreaterThanOrEqual(20);
    expect(before).toBeLessThan(98);

    const { openDuckDbStore } = await import('../src/store/duckdb/duckdb-store.ts');
    const store = await openDuckDbStore(db);
    const clock = { now: new Date('2026-05-15T00:00:00Z') };
    const syncer = new Syncer(store, options(mirror, clock));
    await syncer.listRange(DAY_START, DAY_END);
    await syncer.runDue();
    expect(await states(store)).toEqual({ imported: 98 });
    expect(await count(store, 'import_batches')).toBe(98);
    expect(await count(store, 'events')).toBe(837 + 1265);
    const [dups] = await store.query<{ n: number }>(
      sql`SELECT (count(*) - count(DISTINCT id))::INTEGER AS n FROM gdelt_mentions`,
    );
    expect(dups?.n).toBe(0);
    await store.close();
  });

  it('follows lastupdate.txt and picks up a new file within a poll', async () => {
    const store = await freshStore(dir);
    const clock = { now: new Date('2026-05-14T08:40:00Z') };
    const controller = new AbortController();
    const o = options(mirror, clock, { feeds: ['export'], signal: controller.signal });
    mirror.setNow('20260514083000');
    const running = follow(store, new Syncer(store, o), {
      ...o,
      pollMs: 50,
      backfillHours: 1,
      gapScanMs: 3_600_000,
      sleep: abortableSleep,
    });
    const waitFor = async (n: number) => {
      for (let i = 0; i < 200 && (await count(store, 'events')) !== n; i++) await abortableSleep(25);
      return count(store, 'events');
    };
    try {
      expect(await waitFor(837)).toBe(837);
      clock.now = new Date('2026-05-14T09:05:00Z');
      mirror.setNow('20260514090000');
      expect(await waitFor(837 + 1265)).toBe(837 + 1265);
    } finally {
      controller.abort();
      await running;
      mirror.setNow('99999999999999');
    }
    expect(o.lines.some((l) => l.includes('20260514090000.export.CSV.zip'))).toBe(true);
    await store.close();
  });
});

describe.runIf(hasData)('peacebell sync and sync status', () => {
  let mirror: Mirror;
  beforeAll(async () => {
    mirror = await startMirror();
  });
  afterAll(() => mirror.close());

  it('backfills a range through the CLI, then shows the completeness per day', async () => {
    const { main } = await import('../src/cli/main.ts');
    const { captureContext } = await import('./helpers.ts');
    const db = join(dir, 'cli-sync.duckdb');
    const flags = ['--db', db, '--base-url', mirror.baseUrl, '--feeds', 'events'];
    const sync = captureContext();
    expect(
      await main(['sync', '--from', '2026-05-14', '--to', '2026-05-14', ...flags, '--json'], sync.ctx),
    ).toBe(0);
    expect(JSON.parse(sync.stdout())).toMatchObject({ imported: 2, failed: 0 });
    expect(sync.stderr()).toMatch(/20260514090000\.export\.CSV\.zip \d+ KB, 1265 rows in \d+ ms/);

    const status = captureContext();
    expect(await main(['sync', 'status', ...flags, '--json'], status.ctx)).toBe(0);
    const report = JSON.parse(status.stdout());
    expect(report.days).toEqual([
      expect.objectContaining({ day: '2026-05-14', feed: 'export', slots: 96, imported: 2, missing: 94 }),
    ]);
    const table = captureContext();
    expect(await main(['sync', 'status', ...flags], table.ctx)).toBe(0);
    expect(table.stdout()).toMatch(/2026-05-14\s+export\s+96\s+2\s+0\s+94\s+0\s+00:00 00:15/);

    const usage = captureContext();
    expect(await main(['sync', ...flags], usage.ctx)).toBe(1);
    expect(usage.stderr()).toMatch(/--from/);
  });
});

describe.runIf(hasData)('peacebell serve', () => {
  it('follows the feed and stops cleanly on SIGTERM', async () => {
    const mirror = await startMirror();
    mirror.setNow('20260514083000');
    const db = join(dir, 'serve.duckdb');
    const bin = join(import.meta.dirname, '../bin/peacebell.js');
    const args = [
      'serve',
      '--db',
      db,
      '--base-url',
      mirror.baseUrl,
      '--poll',
      '1',
      '--backfill-hours',
      '0',
      '--port',
      '0',
    ];
    const { code, log } = await new Promise<{ code: number | null; log: string }>((resolve) => {
      const proc = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let text = '';
      proc.stderr.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('837 rows in') && !proc.killed) proc.kill('SIGTERM');
      });
      proc.on('exit', (exitCode) => resolve({ code: exitCode, log: text }));
    });
    await mirror.close();
    expect(log).toMatch(/stopping after the file in hand/);
    expect(code, log).toBe(0);
    const { openDuckDbStore } = await import('../src/store/duckdb/duckdb-store.ts');
    const store = await openDuckDbStore(db);
    expect(await count(store, 'events')).toBe(837);
    await store.close();
  });
});
