import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../conformance.ts';
import { migrate } from '../migrate.ts';
import { sql } from '../sql.ts';
import { openDuckDbStore } from './duckdb-store.ts';
import { DUCKDB_MIGRATIONS } from './migrations.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacebell-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDB store', () => {
  storeConformance(() => openDuckDbStore(join(dir, `s${n++}.duckdb`)));

  it('applies each migration once, and again after reopening nothing', async () => {
    const path = join(dir, 'migrate.duckdb');
    const store = await openDuckDbStore(path);
    expect(await migrate(store, DUCKDB_MIGRATIONS)).toEqual([]);
    await store.close();
    const again = await openDuckDbStore(path);
    const versions = await again.query(sql`SELECT version FROM schema_migrations ORDER BY version`);
    expect(versions).toEqual(DUCKDB_MIGRATIONS.map((m) => ({ version: m.version })));
    await again.close();
  });
});
