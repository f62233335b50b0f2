import { CliError } from '../errors.ts';
import type { Context } from './context.ts';

export const FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** The format asked for; without one, a table on a terminal and NDJSON when piped. */
export function outputFormat(ctx: Context, asked: string | undefined): OutputFormat {
  if (asked === undefined) return ctx.stdout.isTTY ? 'table' : 'ndjson';
  if (!(FORMATS as readonly string[]).includes(asked)) {
    throw new CliError(`unknown --format ${asked}; valid: ${FORMATS.join(', ')}`);
  }
  return asked as OutputFormat;
}

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const tableCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isInteger(value)) return String(Math.round(value * 1000) / 1000);
  return String(value).replace(/\s+/g, ' ');
};

/** Writes rows (possibly arriving in batches) in one format; the only way commands print data. */
export async function writeRows(
  ctx: Context,
  format: OutputFormat,
  columns: readonly string[],
  batches: AsyncIterable<readonly object[]> | Iterable<readonly object[]>,
): Promise<number> {
  const cell = (r: object, c: string) => (r as Record<string, unknown>)[c];
  const out = ctx.stdout;
  let count = 0;
  if (format === 'table') {
    const rows: string[][] = [];
    for await (const batch of batches)
      for (const r of batch) rows.push(columns.map((c) => tableCell(cell(r, c))));
    const width = columns.map((c, i) =>
      Math.min(48, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))),
    );
    const line = (cells: string[]) =>
      cells
        .map((cell, i) =>
          cell.length > (width[i] ?? 0)
            ? `${cell.slice(0, (width[i] ?? 1) - 1)}…`
            : cell.padEnd(width[i] ?? 0),
        )
        .join('  ')
        .trimEnd();
    out.write(`${line([...columns])}\n${line(width.map((w) => '-'.repeat(w)))}\n`);
    for (const r of rows) out.write(`${line(r)}\n`);
    return rows.length;
  }
  if (format === 'csv') out.write(`${columns.join(',')}\n`);
  if (format === 'json') out.write('[');
  for await (const batch of batches) {
    let text = '';
    for (const r of batch) {
      if (format === 'csv') text += `${columns.map((c) => csvCell(cell(r, c))).join(',')}\n`;
      else {
        const picked = Object.fromEntries(columns.map((c) => [c, cell(r, c) ?? null]));
        text +=
          format === 'json'
            ? `${count > 0 ? ',' : ''}\n${JSON.stringify(picked)}`
            : `${JSON.stringify(picked)}\n`;
      }
      count++;
    }
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  if (format === 'json') out.write(count > 0 ? '\n]\n' : ']\n');
  return count;
}
