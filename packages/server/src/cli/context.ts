import { CliError, QueryError } from '../errors.ts';
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

/** --db wins over PEACEBELL_DB, which wins over ./peacebell.duckdb (sync and serve also read the config file). */
function storePath(ctx: Context, db: string | undefined): string {
  return db ?? ctx.env.PEACEBELL_DB ?? DEFAULT_DB;
}

export async function openStore(ctx: Context, db: string | undefined): Promise<Store> {
  const path = storePath(ctx, db);
  try {
    return await openDuckDbStore(path);
  } catch (error) {
    if (error instanceof QueryError && /lock/i.test(error.message)) {
      throw new CliError(`the store ${path} is in use by another peacebell process`, 3);
    }
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
