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
