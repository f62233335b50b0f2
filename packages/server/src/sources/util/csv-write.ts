/**
 * RFC 4180 CSV: a header line, then one record per row in `columns` order. A field holding a
 * comma, a double quote, CR or LF is quoted, its quotes doubled; null and undefined are empty.
 * Records end with CRLF as the RFC says (`eol: '\n'` when a reader wants LF); a line break
 * inside a quoted field is kept as it is.
 */
export function* toCsv(
  columns: readonly string[],
  rows: Iterable<Record<string, unknown>>,
  options: { eol?: '\r\n' | '\n' } = {},
): Generator<string> {
  const eol = options.eol ?? '\r\n';
  if (columns.length === 0) throw new Error('toCsv needs at least one column');
  yield columns.map(field).join(',') + eol;
  for (const row of rows) yield columns.map((c) => field(row[c])).join(',') + eol;
}

function field(value: unknown): string {
  const text = render(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function render(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}
