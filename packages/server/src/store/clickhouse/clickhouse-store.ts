import type { Readable } from 'node:stream';
import {
  ClickHouseLogLevel,
  createClient,
  type ClickHouseClient,
  type ClickHouseSettings,
} from '@clickhouse/client';
import { QueryError } from '../../errors.ts';
import { migrate } from '../migrate.ts';
import { ident, render, type Sql } from '../sql.ts';
import type { ReadReject, Row, Store } from '../store.ts';
import { clickhouseDialect } from './dialect.ts';
import { BATCH_TABLES, clickhouseMigrations, migrationsTableDdl } from './migrations.ts';
import { parseClickHouseUrl, redactUrl } from './url.ts';

export interface ClickHouseOptions {
  /** Cluster name: DDL runs ON CLUSTER, tables are replicated and Distributed (docs/clickhouse.md). */
  cluster?: string;
  /** Leave the schema as it is (default: bring it up to date). */
  migrate?: boolean;
}

/**
 * Settings every request carries, so that ClickHouse answers as DuckDB does where peacebell's SQL
 * relies on it: NULLs from outer joins, casts that keep NULL, decimals as JSON strings (as
 * DuckDB's JSON rows have them), UTC. 64-bit integers come as JSON numbers: ClickHouse widens
 * `INTEGER + 1` to 64 bits where DuckDB does not, and peacebell's counts stay far below 2^53.
 */
const SETTINGS: ClickHouseSettings = {
  join_use_nulls: 1,
  cast_keep_nullable: 1,
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_decimals: 1,
  output_format_decimal_trailing_zeros: 1,
  date_time_input_format: 'best_effort',
  session_timezone: 'UTC',
  // Plain SQL DDL (scratch tables in tests) means what it means on DuckDB: nullable columns, a
  // MergeTree without a sort key.
  data_type_default_nullable: 1,
  // Names mean columns before aliases (`sum(events) AS events, sum(events) / n`), and joined
  // subqueries need no alias: as in DuckDB.
  prefer_column_name_to_alias: 1,
  joined_subquery_requires_alias: 0,
  // Batches are de-duplicated before they are written (batches.ts): folding the rows of an
  // insert into a ReplacingMergeTree would find nothing, and cost 5× the insert.
  optimize_on_insert: 0,
  default_table_engine: 'MergeTree',
  create_table_empty_primary_key_by_default: 1,
};

/** The ClickHouse type of a bound value (`{p1:Type}`); text compared with a DATE converts itself. */
export function paramType(value: unknown): string {
  if (value === null || value === undefined) return 'Nullable(String)';
  if (typeof value === 'boolean') return 'Bool';
  if (typeof value === 'bigint') return 'Int64';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Int64' : 'Float64';
  if (value instanceof Date) return "DateTime64(3, 'UTC')";
  if (Array.isArray(value)) {
    const inner = value.find((v) => v !== null && v !== undefined);
    return `Array(${inner === undefined ? 'String' : paramType(inner)})`;
  }
  return 'String';
}

const toJson = (value: unknown): unknown => {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
};

/** Opens a ClickHouse store at a `clickhouse://` URL and brings its schema up to date. */
export async function openClickHouseStore(location: string, options: ClickHouseOptions = {}): Promise<Store> {
  const where = parseClickHouseUrl(location);
  const client = createClient({
    url: where.url,
    username: where.username,
    password: where.password,
    database: where.database,
    // On a cluster: inserts into Distributed tables return once every shard has the rows (so
    // a batch record never overtakes its rows), and IN subqueries over Distributed tables run
    // once, as GLOBAL IN.
    clickhouse_settings: options.cluster
      ? { ...SETTINGS, distributed_foreground_insert: 1, distributed_product_mode: 'global' }
      : SETTINGS,
    request_timeout: 3_600_000,
    // Failures reach the caller as QueryError (with the SQL); the client need not log them too.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const store = new ClickHouseStore(client, location, where.database, options.cluster);
  try {
    const admin = createClient({
      url: where.url,
      username: where.username,
      password: where.password,
      log: { level: ClickHouseLogLevel.OFF },
    });
    const onCluster = options.cluster ? ` ON CLUSTER ${JSON.stringify(options.cluster)}` : '';
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS "${where.database}"${onCluster}` });
    await admin.close();
    if (options.migrate !== false) {
      const topology = { database: where.database, ...(options.cluster ? { cluster: options.cluster } : {}) };
      await migrate(store, clickhouseMigrations(topology), migrationsTableDdl(topology));
    }
  } catch (error) {
    await client.close();
    if (error instanceof QueryError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new QueryError(`cannot open the store ${redactUrl(location)}: ${message}`, '', { cause: error });
  }
  return store;
}

/** Writes made inside `transaction`, held until it ends. */
type Pending = ({ table: string; rows: readonly Row[] } | { statement: Sql })[];

export class ClickHouseStore implements Store {
  readonly dialect = clickhouseDialect;
  /** The URL without its password (shown by /health, logs and messages). */
  get location(): string {
    return redactUrl(this.url);
  }

  constructor(
    readonly client: ClickHouseClient,
    /** The store's URL as given (with its password, for `reader()`). */
    private readonly url: string,
    readonly database: string,
    readonly cluster: string | undefined,
    private readonly pending: Pending | null = null,
  ) {}

  /** Renders the query with `{pN:Type}` placeholders and the values by name. */
  prepare(query: Sql): { text: string; params: Record<string, unknown> } {
    const { text, params } = render(query, (i, value) => `{p${i}:${paramType(value)}}`);
    const named: Record<string, unknown> = {};
    params.forEach((value, i) => {
      named[`p${i + 1}`] =
        value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
    });
    return { text, params: named };
  }

  private async run<T>(query: Sql, fn: (text: string, params: Record<string, unknown>) => Promise<T>) {
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
      const result = await this.client.query({
        query: text,
        query_params: params,
        format: 'JSONEachRow',
      });
      return result.json<T>();
    });
  }

  async exec(query: Sql): Promise<void> {
    if (this.pending) {
      this.pending.push({ statement: query });
      return;
    }
    await this.run(query, async (text, params) => {
      await this.client.command({
        query: text,
        query_params: params,
      });
    });
  }

  async *stream<T extends object = Row>(query: Sql, batchSize = 2048): AsyncIterable<T[]> {
    const result = await this.run(query, (text, params) =>
      this.client.query({
        query: text,
        query_params: params,
        format: 'JSONEachRow',
      }),
    );
    let batch: T[] = [];
    for await (const rows of result.stream<T>()) {
      for (const row of rows) {
        batch.push(row.json());
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length) yield batch;
  }

  /** The table rows go to: a batch-tagged view's data table (migrations.ts). */
  private target(table: string): string {
    ident(table);
    return BATCH_TABLES.find((t) => t.view === table)?.data ?? table;
  }

  async insert(table: string, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.pending) {
      this.pending.push({ table, rows });
      return;
    }
    const values = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJson(v)])));
    await this.insertRaw(this.target(table), values);
  }

  /** Bulk insert of rows (JSON), or of a stream of Parquet bytes sent as they are. */
  async insertRaw(
    table: string,
    values: readonly unknown[] | Readable,
    columns?: readonly string[],
  ): Promise<void> {
    const format = Array.isArray(values) ? 'JSONEachRow' : 'Parquet';
    try {
      await this.client.insert({
        table,
        values: values as unknown[],
        format,
        ...(columns ? { columns: columns as [string, ...string[]] } : {}),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new QueryError(message, `INSERT INTO ${table} FORMAT ${format}`, { cause: error });
    }
  }

  /**
   * ClickHouse has no multi-statement transactions. Inside `transaction`, writes (`exec`,
   * `insert`) are held and made in order when `fn` succeeds (dropped if it throws); reads run at
   * once and do not see them. Callers order their writes so that a prefix is harmless
   * (docs/clickhouse.md); imports keep atomicity with a commit marker instead (batches.ts).
   */
  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (this.pending) return fn(this);
    const pending: Pending = [];
    const tx = new ClickHouseStore(this.client, this.url, this.database, this.cluster, pending);
    const result = await fn(tx);
    for (const write of pending) {
      if ('statement' in write) await this.exec(write.statement);
      else await this.insert(write.table, write.rows);
    }
    return result;
  }

  async takeReadRejects(): Promise<ReadReject[]> {
    return [];
  }

  async reader(): Promise<Store> {
    return openClickHouseStore(this.url, {
      migrate: false,
      ...(this.cluster ? { cluster: this.cluster } : {}),
    });
  }

  async close(): Promise<void> {
    if (!this.pending) await this.client.close();
  }
}
