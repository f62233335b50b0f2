import { describe, expect, it } from 'vitest';
import { hasData } from '../../../test/shared-data.ts';
import { storeTokens, syncAcled, syncUcdp } from '../src/ingest/api-sync.ts';
import {
  AcledAuthError,
  AcledClient,
  type AcledTokens,
  type TokenStore,
} from '../src/sources/acled/client.ts';
import { isUcdpVersion, UcdpClient } from '../src/sources/ucdp/client.ts';
import { sql } from '../src/store/sql.ts';
import { acledApiRows, startAcledServer, startUcdpServer, ucdpApiRows } from './fixtures/api-servers.ts';
import { freshStore, tempDir } from './helpers.ts';

const dir = tempDir();
const USER = { username: 'analyst@example.org', password: 's3cret' };

const memoryTokens = (): TokenStore & { value?: AcledTokens } => ({
  async load() {
    return this.value;
  },
  async save(t) {
    this.value = t;
  },
});

describe.runIf(hasData)('ACLED API', () => {
  it('grants, reuses, refreshes without the password, and falls back to the password grant', async () => {
    const server = await startAcledServer(acledApiRows());
    const clock = { now: new Date('2026-05-01T00:00:00Z') };
    const tokens = memoryTokens();
    const client = new AcledClient({
      baseUrl: server.url,
      credentials: USER,
      tokens,
      clock: () => clock.now,
    });
    try {
      const first = await client.accessToken();
      expect(await client.accessToken()).toBe(first);
      expect(server.state.grants).toEqual(['password']);

      clock.now = new Date('2026-05-02T01:00:00Z'); // the 24 h access token has expired
      const noPassword = new AcledClient({ baseUrl: server.url, tokens, clock: () => clock.now });
      const refreshed = await noPassword.accessToken();
      expect(refreshed).not.toBe(first);
      expect(server.state.grants).toEqual(['password', 'refresh_token']);

      clock.now = new Date('2026-05-20T00:00:00Z'); // the 14-day refresh token too
      expect(await client.accessToken()).not.toBe(refreshed);
      expect(server.state.grants).toEqual(['password', 'refresh_token', 'password']);
      await expect(
        new AcledClient({ baseUrl: server.url, tokens: memoryTokens() }).accessToken(),
      ).rejects.toThrow(/PEACEBELL_ACLED_USERNAME/);
      const wrong = new AcledClient({
        baseUrl: server.url,
        tokens: memoryTokens(),
        credentials: { ...USER, password: 'x' },
      });
      await expect(wrong.accessToken()).rejects.toBeInstanceOf(AcledAuthError);
    } finally {
      await server.close();
    }
  });

  it('syncs every page into the store, revisions replace, deletions remove, the cursor moves on', async () => {
    const rows = acledApiRows();
    const server = await startAcledServer(rows);
    const store = await freshStore(dir);
    const waits: number[] = [];
    const clock = () => new Date('2026-05-01T00:00:00Z');
    const client = new AcledClient({
      baseUrl: server.url,
      credentials: USER,
      tokens: storeTokens(store, clock),
      clock,
      pageSize: 1000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const log: string[] = [];
    try {
      server.state.tooManyOnce = true;
      const first = await syncAcled(store, client, { since: 0, clock, log: (l) => log.push(l) });
      expect(waits).toContain(7000); // Retry-After: 7
      expect(first).toMatchObject({
        pages: Math.ceil(rows.length / 1000),
        rows: rows.length,
        rejected: 0,
        deleted: 0,
      });
      expect(first.inserted + first.duplicates).toBe(rows.length);
      const [count] = await store.query<{ n: number }>(
        sql`SELECT count(*)::INTEGER AS n FROM events WHERE source = 'acled'`,
      );
      expect(count?.n).toBe(new Set(rows.map((r) => r.event_id_cnty)).size);

      // ACLED revises one event and deletes another; a token expiry happens in between
      const revised = rows[0] as Record<string, string | number | null>;
      revised.fatalities = 5;
      revised.timestamp = Number(first.cursor) + 10;
      server.state.deleted.push({
        event_id_cnty: String(rows[1]?.event_id_cnty),
        deleted_timestamp: Number(first.cursor) + 20,
      });
      server.expireAccessTokens();
      const second = await syncAcled(store, client, { clock, log: (l) => log.push(l) });
      // the cursor's own second comes back too (>=, so an edit made in that second is not lost)
      expect(second).toMatchObject({
        rows: 2,
        replaced: 1,
        duplicates: 1,
        deleted: 1,
        cursor: String(Number(first.cursor) + 10),
      });
      const history = await store.query(
        sql`SELECT id, superseded_reason FROM event_versions ORDER BY superseded_reason`,
      );
      expect(history).toEqual([
        { id: `acled:${rows[1]?.event_id_cnty}`, superseded_reason: 'deleted upstream' },
        { id: `acled:${revised.event_id_cnty}`, superseded_reason: 'replaced' },
      ]);
      expect(server.state.grants.filter((g) => g === 'refresh_token')).toHaveLength(1);
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe.runIf(hasData)('UCDP API', () => {
  it('pages through a GED version with the token header, 1,000 events a page', async () => {
    const rows = ucdpApiRows();
    const server = await startUcdpServer(rows);
    const store = await freshStore(dir);
    try {
      const client = new UcdpClient({ baseUrl: server.url, token: 'ucdp-token' });
      const result = await syncUcdp(store, client, {
        version: '19.1',
        clock: () => new Date(),
        log: () => undefined,
      });
      expect(result).toMatchObject({ pages: Math.ceil(rows.length / 1000), rows: rows.length, rejected: 0 });
      expect(server.requests.every((r) => r.includes('pagesize=1000'))).toBe(true);
      const [sum] = await store.query<{ n: number; best: number }>(
        sql`SELECT count(*)::INTEGER AS n, sum(fatalities_best)::INTEGER AS best FROM events WHERE source = 'ucdp'`,
      );
      expect(sum?.n).toBe(rows.length);
      expect(sum?.best).toBe(rows.reduce((n, r) => n + Number(r.best), 0));
      await expect(async () => {
        for await (const page of new UcdpClient({ baseUrl: server.url }).events('19.1')) void page;
      }).rejects.toThrow(/PEACEBELL_UCDP_TOKEN/);
      expect(isUcdpVersion('25.1')).toBe(true);
      expect(isUcdpVersion('25.0.9')).toBe(true);
      expect(isUcdpVersion('latest')).toBe(false);
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe.runIf(hasData)('UCDP paging links', () => {
  it('are followed on our own host, so the token never goes elsewhere', async () => {
    const rows = ucdpApiRows().slice(0, 2500);
    const server = await startUcdpServer(rows, 'ucdp-token', 'http://elsewhere.invalid');
    try {
      let n = 0;
      for await (const page of new UcdpClient({ baseUrl: server.url, token: 'ucdp-token' }).events('25.1'))
        n += page.length;
      expect(n).toBe(2500);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(hasData)('peacebell sync --source acled|ucdp', () => {
  it('takes credentials from the environment and keeps the tokens and cursor in the store', async () => {
    const { main } = await import('../src/cli/main.ts');
    const { captureContext } = await import('./helpers.ts');
    const { join } = await import('node:path');
    const rows = acledApiRows();
    const acled = await startAcledServer(rows);
    const ucdp = await startUcdpServer(ucdpApiRows());
    const db = join(dir, 'cli-api.duckdb');
    const env = {
      PEACEBELL_ACLED_URL: acled.url,
      PEACEBELL_ACLED_USERNAME: USER.username,
      PEACEBELL_ACLED_PASSWORD: USER.password,
      PEACEBELL_UCDP_URL: ucdp.url,
      PEACEBELL_UCDP_TOKEN: 'ucdp-token',
    };
    try {
      const first = captureContext(env);
      expect(await main(['sync', '--source', 'acled', '--db', db], first.ctx)).toBe(2);
      expect(first.stderr()).toMatch(/needs --since/);
      const run = captureContext(env);
      expect(
        await main(['sync', '--source', 'acled', '--since', '2016-01-01', '--db', db, '--json'], run.ctx),
      ).toBe(0);
      expect(JSON.parse(run.stdout())).toMatchObject({ rows: expect.any(Number), rejected: 0 });
      // the next run needs neither --since nor the password: cursor and tokens are in the store
      const again = captureContext({ PEACEBELL_ACLED_URL: acled.url });
      expect(await main(['sync', '--source', 'acled', '--db', db, '--json'], again.ctx)).toBe(0);
      expect(acled.state.grants).toEqual(['password']);

      const u = captureContext(env);
      expect(await main(['sync', '--source', 'ucdp', '--version', '19.1', '--db', db, '--json'], u.ctx)).toBe(
        0,
      );
      expect(JSON.parse(u.stdout())).toMatchObject({ rows: 3194, rejected: 0 });
      const noVersion = captureContext(env);
      expect(await main(['sync', '--source', 'ucdp', '--db', db], noVersion.ctx)).toBe(1);
    } finally {
      await acled.close();
      await ucdp.close();
    }
  });
});
