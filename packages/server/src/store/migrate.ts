import { sql, type Sql } from './sql.ts';
import type { Store } from './store.ts';

export interface Migration {
  version: number;
  name: string;
  statements: readonly Sql[];
}

/** Applies, in order and each in its own transaction, the migrations the store has not seen. */
export async function migrate(store: Store, migrations: readonly Migration[]): Promise<number[]> {
  await store.exec(sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`);
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
