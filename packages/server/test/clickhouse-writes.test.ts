import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { AlertService } from '../src/alerts/service.ts';
import { buildApp } from '../src/api/app.ts';
import { main } from '../src/cli/main.ts';
import { importInto } from '../src/cli/staged-import.ts';
import { openClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { startChdbServer, type ChdbServer } from './fixtures/chdb-server.ts';
import { captureContext, CLOCK, tempDir } from './helpers.ts';

/**
 * Writes through the API (key-protected: imports, alert rules, checks, acknowledgements) and the
 * CLI (`alerts ...`, `apikey ...`) on a ClickHouse store (chdb behind the loopback endpoint) answer
 * as on DuckDB, step by step, over the same real files.
 */
const dir = tempDir('peacebell-chwrites-');
const KEY = 'settings-key-0123456789';
const UCDP = dataFile('ucdp/ged191-myanmar-bangladesh.csv');
const ACLED = dataFile('acled/acled-current-layout-2-rows.csv');
let server: ChdbServer;
const chUrl = (db: string) => `${server.url.replace('http://', 'clickhouse://default:secret@')}/${db}`;

beforeAll(async () => {
  if (hasData) server = await startChdbServer(join(dir, 'chdb'));
});
afterAll(async () => server?.close());

/** The API over a store, as `serve` builds it: reads on a second handle, the bell on a third. */
async function serveLike(store: Store): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const reader = await store.reader();
  const alerts = new AlertService(await store.reader(), { baseUrl: 'http://dash.test', clock: CLOCK });
  const app = await buildApp({
    store: reader,
    writer: store,
    importer: importInto,
    alerts,
    apiKey: KEY,
    clock: CLOCK,
    version: 't',
    logger: false,
    web: false,
    cache: { entries: 0 },
  });
  return {
    app,
    close: async () => {
      await app.close();
      await alerts.idle();
      await alerts.store.close();
      await reader.close();
    },
  };
}

/** Seconds taken differ from run to run; everything else must not. */
const timeless = (body: string) => body.replace(/"(seconds|rows_per_second)": ?[0-9.e-]+/g, '"$1":0');

async function apiSteps(store: Store): Promise<string[]> {
  const { app, close } = await serveLike(store);
  const seen: string[] = [];
  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    key: string | null = KEY,
  ) => {
    const r = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    seen.push(`${method} ${url} ${r.statusCode} ${timeless(r.body)}`);
    return r;
  };
  try {
    await call('POST', '/imports', { paths: [UCDP] }, null);
    await call('POST', '/imports', { paths: [UCDP, ACLED] });
    await call('POST', '/imports', { paths: [UCDP] });
    await call('GET', '/sources');
    await call('GET', '/countries?date=2018-12-31');
    const rule = { name: 'rakhine', when: 'hotspot >= watch', scope: { countries: ['MMR', 'BGD'] } };
    await call('POST', '/alert-rules', rule, null);
    await call('POST', '/alert-rules', rule);
    await store.exec(
      sql`UPDATE alert_rules SET evaluated_through = CAST('2017-08-20' AS DATE) WHERE name = 'rakhine'`,
    );
    await call('POST', '/alert-rules/check', {});
    await call('POST', '/alert-rules/check', {});
    await call('GET', '/alerts?country=BGD&limit=100');
    const listed = await call('GET', '/alerts?limit=100');
    const first = (listed.json() as { alerts: { id: string }[] }).alerts[0]?.id ?? 'none';
    await call('POST', `/alerts/${first}/ack`, {});
    await call('POST', `/alerts/${first}/ack`, {});
    await call('GET', '/alerts?unacknowledged=true&limit=100');
    await call('POST', '/alert-rules/rakhine/mute', { until: '2026-12-01T00:00:00Z' });
    await call('GET', '/alert-rules');
    await call('DELETE', '/alert-rules/rakhine');
    await call('GET', '/alerts?limit=3');
    return seen;
  } finally {
    await close();
  }
}

async function cliSteps(store: string): Promise<string[]> {
  const seen: string[] = [];
  const run = async (...args: string[]) => {
    const io = captureContext();
    const code = await main([...args, '--store', store], io.ctx);
    seen.push(`${args.join(' ')} → ${code} ${timeless(io.stdout())}${io.stderr()}`);
    return io.stdout();
  };
  await run('import', UCDP, '--json');
  await run('alerts', 'add', '--name', 'bgd', '--when', 'hotspot >= warning', '--countries', 'BGD');
  await run('alerts', 'add', '--name', 'mmr', '--when', 'hotspot >= watch', '--countries', 'MMR');
  await run('alerts', 'mute', 'mmr', '--for', '2d');
  await run('alerts', 'list', '--format', 'json');
  await run('alerts', 'check', '--format', 'json');
  await run('alerts', 'history', '--format', 'json');
  await run('alerts', 'ack', '--all');
  await run('alerts', 'history', '--unacknowledged', '--format', 'json');
  await run('alerts', 'deliveries', '--format', 'json');
  await run('alerts', 'remove', 'bgd');
  await run('alerts', 'list', '--format', 'json');
  const made = await run('apikey', 'create', 'analyst');
  seen[seen.length - 1] = (seen.at(-1) ?? '').replace(made, '(the key)');
  await run('apikey', 'revoke', 'analyst');
  await run('apikey', 'revoke', 'analyst');
  await run('apikey', 'list', '--format', 'json');
  return seen;
}

describe.runIf(hasData)('writes on ClickHouse as on DuckDB', () => {
  it('through the API: imports, rules, checks, acknowledgements, mute, removal (with the key)', async () => {
    const answers: string[][] = [];
    for (const open of [
      () => openDuckDbStore(join(dir, 'api.duckdb')),
      () => openClickHouseStore(chUrl('api_writes')),
    ]) {
      const store = await open();
      try {
        answers.push(await apiSteps(store));
      } finally {
        await store.close();
      }
    }
    const [duck, ch] = answers as [string[], string[]];
    expect(duck.filter((line) => / 401 /.test(line))).toHaveLength(2);
    expect(duck.find((line) => line.startsWith('POST /alert-rules/check'))).toMatch(/"id":"/);
    expect(ch).toEqual(duck);
  }, 300_000);

  it('through the CLI: alerts add, mute, list, check, history, ack, remove; apikey create, revoke, list', async () => {
    const duck = await cliSteps(join(dir, 'cli.duckdb'));
    const ch = await cliSteps(chUrl('cli_writes'));
    const io = captureContext();
    expect(await main(['rebuild', '--store', chUrl('cli_writes')], io.ctx)).not.toBe(0);
    expect(io.stderr()).toContain('rebuild is not available on ClickHouse yet');
    expect(duck.find((line) => line.startsWith('alerts check'))).toMatch(/"id": "/);
    expect(ch).toEqual(duck);
  }, 300_000);
});
