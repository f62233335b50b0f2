import { expect, it } from 'vitest';
import { ident, sql } from './sql.ts';
import type { Store } from './store.ts';

/**
 * The behaviour every Store must have, as tests; each engine's test file runs it with a
 * factory that opens a fresh, migrated store.
 */
export function storeConformance(open: () => Promise<Store>): void {
  const withStore = async (fn: (store: Store) => Promise<void>) => {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  it('binds values as parameters, quotes and all', () =>
    withStore(async (store) => {
      const rows = await store.query<{ v: string; n: number }>(
        sql`SELECT ${"Côte d'Ivoire"} AS v, CAST(${41} AS INTEGER) + 1 AS n`,
      );
      expect(rows).toEqual([{ v: "Côte d'Ivoire", n: 42 }]);
    }));

  it('inserts rows and reads them back', () =>
    withStore(async (store) => {
      await store.exec(sql`CREATE TABLE t (a INTEGER, b VARCHAR)`);
      await store.insert('t', [
        { a: 1, b: "N'Djamena" },
        { a: 2, b: null },
      ]);
      expect(await store.query(sql`SELECT a, b FROM t ORDER BY a`)).toEqual([
        { a: 1, b: "N'Djamena" },
        { a: 2, b: null },
      ]);
    }));

  it('rolls a failed transaction back whole', () =>
    withStore(async (store) => {
      await store.exec(sql`CREATE TABLE tx_test (a INTEGER)`);
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('tx_test', [{ a: 1 }]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.query(sql`SELECT count(*)::INTEGER AS n FROM tx_test`)).toEqual([{ n: 0 }]);
      await store.transaction((tx) => tx.insert('tx_test', [{ a: 2 }]));
      expect(await store.query(sql`SELECT a FROM tx_test`)).toEqual([{ a: 2 }]);
    }));

  it('streams large results in batches', () =>
    withStore(async (store) => {
      let total = 0;
      let batches = 0;
      for await (const batch of store.stream<{ i: number }>(
        sql`SELECT i::INTEGER AS i FROM ${store.dialect.integers(sql`${10000}`)} AS t`,
      )) {
        total += batch.length;
        batches++;
      }
      expect(total).toBe(10000);
      expect(batches).toBeGreaterThan(1);
    }));

  it('reports a failing statement with its SQL', () =>
    withStore(async (store) => {
      await expect(store.query(sql`SELECT * FROM no_such_table`)).rejects.toMatchObject({
        name: 'QueryError',
        sql: 'SELECT * FROM no_such_table',
      });
    }));

  it('has the event store schema', () =>
    withStore(async (store) => {
      for (const table of ['events', 'gdelt_mentions', 'rejects', 'import_batches', 'schema_migrations']) {
        const rows = await store.query(sql`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`);
        expect(rows).toHaveLength(1);
      }
    }));
}
