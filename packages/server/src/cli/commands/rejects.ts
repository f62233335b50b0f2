import { listRejects } from '../../analytics/rejects.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';
import { parseLimit } from '../values.ts';

export const rejectsCommand: Command = {
  name: 'rejects',
  summary: 'rows set aside at import, with file, line, field and reason',
  usage: 'peacebell rejects [--file TEXT] [--limit N] [--format table|csv|json|ndjson]',
  options: {
    file: { type: 'string', description: 'only files whose path contains TEXT' },
    limit: { type: 'string', description: 'at most N rows (default 1000; 0 for all)' },
    format: { type: 'string', description: 'table, csv, json or ndjson' },
  },
  async run(ctx, { values, db }) {
    const format = outputFormat(ctx, values.format as string | undefined);
    const limit = parseLimit(values.limit as string | undefined);
    const file = values.file as string | undefined;
    const rows = await withStore(ctx, db, (store) => listRejects(store, file, limit));
    const columns =
      format === 'table' ? ['file', 'line', 'field', 'reason'] : ['file', 'line', 'field', 'reason', 'raw'];
    await writeRows(ctx, format, columns, [rows]);
    if (format === 'table' && rows.length === 0) ctx.stdout.write('No rows were set aside.\n');
    return 0;
  },
};
