import type { Store } from '../store/store.ts';
import { importFile, type FileSummary, type ImportOptions } from './import-file.ts';
import { deleteEvents } from './versions.ts';

/**
 * How events reach a store. DuckDB's writes are made in place, in a transaction; the composition
 * root passes ClickHouse's (read in a temporary DuckDB store, then committed as a batch:
 * cli/staged-import.ts) for a ClickHouse store.
 */
export interface EventWrites {
  importFile(store: Store, file: string, options: ImportOptions): Promise<FileSummary>;
  deleteEvents(store: Store, ids: readonly string[], reason: string, now: Date): Promise<number>;
}

export const IN_PLACE: EventWrites = { importFile, deleteEvents };

/**
 * The same writes, made one after another however many callers there are (`serve`'s follower and
 * `POST /imports`): ClickHouse's batches assume one writer at a time (docs/clickhouse.md); DuckDB's
 * transactions queue anyway.
 */
export function oneAtATime(writes: EventWrites): EventWrites {
  let queue: Promise<unknown> = Promise.resolve();
  const next = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    importFile: (store, file, options) => next(() => writes.importFile(store, file, options)),
    deleteEvents: (store, ids, reason, now) => next(() => writes.deleteEvents(store, ids, reason, now)),
  };
}
