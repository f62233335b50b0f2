import { Readable } from 'node:stream';
import type { Sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export type ExportFormat = 'ndjson' | 'csv';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** RFC 4180: a value with a comma, quote or line break is quoted, quotes doubled. */
const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Every row of `query` as NDJSON or CSV (header: `columns`), streamed in the engine's batches
 * through a connection of its own: another query on a shared connection would end the stream.
 */
export function exportRows(
  store: Store,
  query: Sql,
  columns: readonly string[],
  format: ExportFormat,
): Readable {
  async function* lines() {
    const own = await store.reader();
    try {
      if (format === 'csv') yield `${columns.join(',')}\n`;
      for await (const rows of own.stream<Record<string, unknown>>(query)) {
        yield format === 'csv'
          ? rows.map((r) => `${columns.map((c) => csvCell(r[c])).join(',')}\n`).join('')
          : rows.map((r) => `${JSON.stringify(r)}\n`).join('');
      }
    } finally {
      await own.close();
    }
  }
  return Readable.from(lines());
}
