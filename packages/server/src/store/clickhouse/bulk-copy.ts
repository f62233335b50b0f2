import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { Sql } from '../sql.ts';
import type { Store } from '../store.ts';
import type { ClickHouseStore } from './clickhouse-store.ts';

/** Writes the rows of `query` in the source store to a ClickHouse table through a Parquet file. */
export async function bulkCopy(
  from: Store,
  to: ClickHouseStore,
  query: Sql,
  table: string,
  columns: readonly string[],
  file: string,
): Promise<void> {
  await from.exec(from.dialect.exportParquet(query, file));
  try {
    if ((await stat(file)).size > 0) await to.insertRaw(table, createReadStream(file), columns);
  } finally {
    await rm(file, { force: true });
  }
}
