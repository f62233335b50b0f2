import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../src/store/conformance.ts';
import { openClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { clickhouseMigrations } from '../src/store/clickhouse/migrations.ts';
import { migrate } from '../src/store/migrate.ts';
import { sql } from '../src/store/sql.ts';
import { startChdbServer, type ChdbServer } from './fixtures/chdb-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacebell-ch-'));
let server: ChdbServer;
let n = 0;
const storeUrl = (db: string) => `${server.url.replace('http', 'clickhouse')}/${db}`;

beforeAll(async () => {
  server = await startChdbServer(join(dir, 'chdb'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ClickHouse store (chdb behind a loopback HTTP endpoint)', () => {
  storeConformance(() => openClickHouseStore(storeUrl(`conformance_${n++}`)));

  it('applies each migration once, and again after reopening nothing', async () => {
    const url = storeUrl('migrate_once');
    const store = await openClickHouseStore(url);
    expect(await migrate(store, clickhouseMigrations({ database: 'migrate_once' }))).toEqual([]);
    await store.close();
    const again = await openClickHouseStore(url);
    const versions = await again.query(sql`SELECT version FROM schema_migrations ORDER BY version`);
    expect(versions).toEqual(clickhouseMigrations({ database: 'x' }).map((m) => ({ version: m.version })));
    await again.close();
  });
});
