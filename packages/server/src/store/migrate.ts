import { sql, type Sql } from './sql.ts';
import type { Store } from './store.ts';

export interface Migration {
  version: number;
  name: string;
  statements: readonly Sql[];
}

const MIGRATIONS_TABLE = [
  sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`,
];

/**
 * Applies, in order and each in its own transaction, the migrations the store has not seen.
 * `table` creates `schema_migrations` if missing (an engine's own DDL; DuckDB's by default).
 */
export async function migrate(
  store: Store,
  migrations: readonly Migration[],
  table: readonly Sql[] = MIGRATIONS_TABLE,
): Promise<number[]> {
  for (const statement of table) await store.exec(statement);
  const done = new Set(
    (await store.query<{ version: number }>(sql`SELECT version FROM schema_migrations`)).map(
      (r) => r.version,
    ),
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await store.transaction(async (tx) => {
      for (const statement of m.statements) await tx.exec(statement);
      await tx.exec(
        sql`INSERT INTO schema_migrations VALUES (${m.version}, ${m.name}, CAST(now() AS TIMESTAMP))`,
      );
    });
    applied.push(m.version);
  }
  return applied;
}
