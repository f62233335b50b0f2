import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, hasData } from '../../../test/shared-data.ts';
import { main } from '../src/cli/main.ts';
import { startChdbServer, type ChdbServer } from './fixtures/chdb-server.ts';
import { startMirror } from './fixtures/gdelt-mirror.ts';
import { startServe } from './fixtures/serve-process.ts';
import { captureContext, tempDir } from './helpers.ts';

/** The commands of docs/clickhouse.md, run as a user would, against chdb behind the loopback endpoint. */
const dir = tempDir('peacebell-chcli-');
let server: ChdbServer;
const url = (db: string) => `${server.url.replace('http://', 'clickhouse://default:secret@')}/${db}`;

beforeAll(async () => {
  server = await startChdbServer(join(dir, 'chdb'));
});
afterAll(async () => server?.close());

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureContext(env);
  const code = await main(args, io.ctx);
  return { code, out: io.stdout(), err: io.stderr() };
}

const FILES = [
  join(DATA_DIR, 'gdelt2/export/20260514083000.export.CSV'),
  join(DATA_DIR, 'acled/acled-current-layout-2-rows.csv'),
];

describe.runIf(hasData)('peacebell on ClickHouse', () => {
  it('migrate creates the schema (and prints cluster DDL); import and stats work through --store and PEACEBELL_STORE', async () => {
    const migrated = await run(['migrate', '--store', url('cli'), '--format', 'json']);
    expect(migrated).toMatchObject({ code: 0 });
    expect(JSON.parse(migrated.out)).toEqual([
      { version: 1, name: expect.any(String) },
      { version: 2, name: expect.any(String) },
      { version: 3, name: expect.any(String) },
      { version: 4, name: expect.any(String) },
      { version: 5, name: expect.any(String) },
    ]);
    const printed = await run(['migrate', '--store', url('cli'), '--cluster', 'pb', '--print']);
    expect(printed.out).toContain('ENGINE = Distributed("pb", "cli", "events_data_local", cityHash64(id))');

    const imported = await run(['import', '--json', ...FILES], { PEACEBELL_STORE: url('cli') });
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ imported: 2, rows_in: 839, refused: 0 });
    const again = await run(['import', '--json', '--store', url('cli'), ...FILES]);
    expect(JSON.parse(again.out)).toMatchObject({ imported: 0, already_imported: 2, rows_in: 0 });

    const duck = join(dir, 'cli.duckdb');
    await run(['import', '--db', duck, ...FILES]);
    const stats = await Promise.all(
      [url('cli'), duck].map((store) => run(['stats', '--store', store, '--format', 'json'])),
    );
    expect(stats[0]?.out).toBe(stats[1]?.out);
    expect(await run(['events', '--store', url('cli'), '--country', 'USA', '--format', 'csv'])).toEqual(
      await run(['events', '--db', duck, '--country', 'USA', '--format', 'csv']),
    );
  });

  it('copy moves a DuckDB store across, batch by batch, and a second copy adds nothing', async () => {
    const duck = join(dir, 'copy.duckdb');
    await run(['import', '--db', duck, ...FILES, join(DATA_DIR, 'ucdp/ged191-myanmar-bangladesh.csv')]);
    const first = await run([
      'copy',
      '--from',
      `duckdb://${duck}`,
      '--to',
      url('copied'),
      '--format',
      'json',
    ]);
    expect(first.code).toBe(0);
    const rows = JSON.parse(first.out) as { status: string; events: number }[];
    expect(rows.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    expect(first.err).not.toContain('secret');
    const second = await run(['copy', '--from', duck, '--to', url('copied'), '--format', 'json']);
    expect((JSON.parse(second.out) as { status: string }[]).map((r) => r.status)).toEqual([
      'already imported',
      'already imported',
      'already imported',
    ]);
    const stats = await Promise.all(
      [url('copied'), duck].map((store) => run(['stats', '--store', store, '--format', 'json'])),
    );
    expect(stats[0]?.out).toBe(stats[1]?.out);
  });

  it('serve follows GDELT into ClickHouse, rings the bell after the import, and answers the API', async () => {
    const mirror = await startMirror();
    mirror.setNow('20260514083000');
    expect(
      await run([
        'alerts',
        'add',
        '--store',
        url('follow'),
        '--name',
        'usa',
        '--when',
        'indicator events > 0',
        '--countries',
        'USA',
      ]),
    ).toMatchObject({ code: 0 });
    const { proc, api, exited, log } = await startServe(
      [
        '--store',
        url('follow'),
        '--port',
        '0',
        '--base-url',
        mirror.baseUrl,
        '--feeds',
        'events',
        '--poll',
        '1',
        '--backfill-hours',
        '0',
      ],
      (stderr) => stderr.includes('837 rows in'),
    );
    try {
      const health = await fetch(`${api}/api/v1/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', store: expect.stringContaining(':***@') });
      const events = (await (await fetch(`${api}/api/v1/events?country=USA&limit=5`)).json()) as {
        events: unknown[];
      };
      expect(events.events).toHaveLength(5);
      let alerts: { rule: string }[] = [];
      for (let i = 0; i < 100 && alerts.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        alerts = ((await (await fetch(`${api}/api/v1/alerts`)).json()) as { alerts: typeof alerts }).alerts;
      }
      expect(alerts.map((a) => a.rule)).toEqual(['usa']);
    } finally {
      proc.kill('SIGTERM');
      await mirror.close();
    }
    expect(await exited).toBe(0);
    expect(log()).toMatch(/20260514083000\.export\.CSV\.zip \d+ KB, 837 rows in/);
  });
});
