import { AsyncLocalStorage } from 'node:async_hooks';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { QueryError } from '../../errors.ts';
import { migrate } from '../migrate.ts';
import { ident, join, render, sql, type Sql } from '../sql.ts';
import type { ReadReject, Row, Store } from '../store.ts';
import { duckdbDialect } from './dialect.ts';
import { DUCKDB_MIGRATIONS } from './migrations.ts';

export interface DuckDbOptions {
  /** Memory DuckDB may use before it spills to disk, e.g. '1GB'. */
  memoryLimit?: string;
  threads?: number;
}

/** Opens (creating if needed) a DuckDB file and brings its schema up to date. */
export async function openDuckDbStore(path: string, options: DuckDbOptions = {}): Promise<Store> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, {
      memory_limit: options.memoryLimit ?? '1GB',
      threads: String(options.threads ?? 2),
      preserve_insertion_order: 'false',
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new QueryError(`cannot open the store ${path}: ${message}`, '', { cause: error });
  }
  const store = new DuckDbStore(instance, await instance.connect(), path);
  await migrate(store, DUCKDB_MIGRATIONS);
  return store;
}

const toParam = (value: unknown): DuckDBValue => {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value as DuckDBValue;
};

class DuckDbStore implements Store {
  readonly dialect = duckdbDialect;
  /** Set inside a transaction's own async flow: nested calls join it, concurrent ones queue. */
  private readonly inTransaction = new AsyncLocalStorage<true>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly location: string,
    private readonly ownsInstance = true,
  ) {}

  private prepare(query: Sql) {
    const { text, params } = render(query, (i) => `$${i}`);
    return { text, params: params.map(toParam) };
  }

  private async run<T>(query: Sql, fn: (text: string, params: DuckDBValue[]) => Promise<T>): Promise<T> {
    const { text, params } = this.prepare(query);
    try {
      return await fn(text, params);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new QueryError(message, text, { cause: error });
    }
  }

  async query<T extends object = Row>(query: Sql): Promise<T[]> {
    return this.run(query, async (text, params) => {
      const reader = await this.connection.runAndReadAll(text, params);
      return reader.getRowObjectsJson() as T[];
    });
  }

  async exec(query: Sql): Promise<void> {
    await this.run(query, (text, params) => this.connection.run(text, params));
  }

  async *stream<T extends object = Row>(query: Sql): AsyncIterable<T[]> {
    const result = await this.run(query, (text, params) => this.connection.stream(text, params));
    for await (const rows of result.yieldRowObjectJson()) yield rows as T[];
  }

  async insert(table: string, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0] as Row);
    const chunk = 500;
    for (let i = 0; i < rows.length; i += chunk) {
      const values = rows
        .slice(i, i + chunk)
        .map((row) => sql`(${join(columns.map((c) => sql`${row[c] ?? null}`))})`);
      await this.exec(sql`INSERT INTO ${ident(table)} (${join(columns.map(ident))}) VALUES ${join(values)}`);
    }
  }

  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return fn(this);
    const run = () =>
      this.inTransaction.run(true, async () => {
        await this.exec(sql`BEGIN TRANSACTION`);
        try {
          const result = await fn(this);
          await this.exec(sql`COMMIT`);
          return result;
        } catch (error) {
          await this.exec(sql`ROLLBACK`).catch(() => undefined);
          throw error;
        }
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async takeReadRejects(rejectsTable: string): Promise<ReadReject[]> {
    const table = ident(rejectsTable);
    const exists = await this.query<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = ${rejectsTable} AND temporary`,
    );
    if (!exists[0]?.n) return [];
    const rows = await this.query<{ line: string; field: string | null; reason: string; text: string }>(sql`
      SELECT line::BIGINT AS line,
             arg_min(column_name, column_idx) AS field,
             string_agg(DISTINCT error_type || ': ' || error_message, '; ') AS reason,
             any_value(csv_line) AS text
      FROM ${table} GROUP BY line ORDER BY line`);
    await this.exec(sql`DROP TABLE IF EXISTS ${table}`);
    await this.exec(sql`DROP TABLE IF EXISTS ${ident(`${rejectsTable}_scan`)}`);
    return rows.map((r) => ({ line: Number(r.line), field: r.field, reason: r.reason, text: r.text }));
  }

  async reader(): Promise<Store> {
    return new DuckDbStore(this.instance, await this.instance.connect(), this.location, false);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}
