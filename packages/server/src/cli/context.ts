import { readFileSync } from 'node:fs';
import { CliError, QueryError } from '../errors.ts';
import { openClickHouseStore } from '../store/clickhouse/clickhouse-store.ts';
import { isClickHouseUrl } from '../store/clickhouse/url.ts';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.ts';
import type { Store } from '../store/store.ts';

/** Everything a command touches outside itself, passed in so tests can supply their own. */
export interface Context {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  clock: () => Date;
}

const DEFAULT_DB = './peacebell.duckdb';

/**
 * --store (or --db) wins over PEACEBELL_STORE, then PEACEBELL_DB, then ./peacebell.duckdb (sync
 * and serve also read the config file). A store is a DuckDB file (`duckdb://` optional) or a
 * `clickhouse://user:pass@host:8123/db` URL.
 */
export function storePath(ctx: Context, db: string | undefined): string {
  return (db ?? ctx.env.PEACEBELL_STORE ?? ctx.env.PEACEBELL_DB ?? DEFAULT_DB).replace(/^duckdb:\/\//i, '');
}

/** Where `peacebell serve` says, while it runs, which process holds the store and its API's URL. */
export const serveInfoPath = (db: string) => `${db}.serve.json`;

/** Which process holds the store (DuckDB's lock error names its PID) and what to do about it. */
function lockMessage(path: string, error: QueryError): string {
  const pid = /PID (\d+)/.exec(error.message)?.[1];
  let serve: { url?: string; pid?: number } = {};
  try {
    serve = JSON.parse(readFileSync(serveInfoPath(path), 'utf8')) as typeof serve;
  } catch {
    // no server has said where it is
  }
  const holder = pid ? `process ${pid}` : 'another process';
  if (serve.url && (pid === undefined || String(serve.pid) === pid)) {
    return `the store ${path} is held by peacebell serve (${holder}); stop it, or use its API at ${serve.url}/api/v1 (events, sources, health; POST /imports with an API key)`;
  }
  return `the store ${path} is in use by ${holder} (DuckDB allows one process per file); stop it and try again`;
}

export async function openStore(
  ctx: Context,
  db: string | undefined,
  options: { cluster?: string } = {},
): Promise<Store> {
  const path = storePath(ctx, db);
  if (isClickHouseUrl(path)) return openClickHouseStore(path, options);
  if (options.cluster) throw new CliError('--cluster applies to ClickHouse stores only');
  try {
    return await openDuckDbStore(path);
  } catch (error) {
    if (error instanceof QueryError && /lock/i.test(error.message))
      throw new CliError(lockMessage(path, error), 3);
    throw error;
  }
}

export async function withStore<T>(ctx: Context, db: string | undefined, fn: (store: Store) => Promise<T>) {
  const store = await openStore(ctx, db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
