import { CliError, SourceError } from '../../errors.ts';
import type { FileSummary } from '../../ingest/import-file.ts';
import { importInto } from '../staged-import.ts';
import { expandInputs } from '../../ingest/inputs.ts';
import { FORMAT_NAMES } from '../../sources/detect.ts';
import { withStore } from '../context.ts';
import type { Command } from '../command.ts';
import { writeRows } from '../output.ts';
import { Progress } from '../progress.ts';

export const importCommand: Command = {
  name: 'import',
  summary:
    'import GDELT, ACLED, UCDP and ICEWS files (files, folders, globs; plain or zipped) into the store',
  usage: 'peacebell import PATH... [--source FORMAT] [--json]',
  options: {
    source: { type: 'string', description: `force the format: ${Object.keys(FORMAT_NAMES).join(', ')}` },
    json: { type: 'boolean', description: 'print a machine-readable summary' },
  },
  async run(ctx, { values, positionals, db }) {
    if (positionals.length === 0) throw new CliError('import needs at least one file, folder or glob');
    const source = values.source as string | undefined;
    const format = source === undefined ? undefined : FORMAT_NAMES[source];
    if (source !== undefined && !format) {
      throw new CliError(`unknown --source ${source}; valid: ${Object.keys(FORMAT_NAMES).join(', ')}`);
    }
    const files = await expandInputs(positionals);
    const progress = new Progress(ctx, files.length);
    const t0 = performance.now();
    const results = await withStore(ctx, db, async (store) => {
      const done: FileSummary[] = [];
      for (const file of files) {
        progress.start(file);
        try {
          done.push(await importInto(store, file, { ...(format ? { format } : {}), clock: ctx.clock }));
        } catch (error) {
          if (!(error instanceof SourceError)) throw error;
          done.push({
            file,
            format: null,
            status: 'refused',
            rowsRead: 0,
            inserted: 0,
            rejected: 0,
            duplicates: 0,
            replaced: 0,
            seconds: 0,
            batchId: null,
            message: error.message,
          });
        }
        progress.finish(done[done.length - 1] as FileSummary);
      }
      return done;
    });
    progress.clear();
    const seconds = (performance.now() - t0) / 1000;
    const total = summarize(results, seconds);
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ ...total, details: results }, null, 2)}\n`);
    } else {
      for (const r of results) {
        if (r.status !== 'imported') ctx.stderr.write(`${r.status}: ${r.message ?? r.file}\n`);
      }
      await writeRows(ctx, 'table', Object.keys(total), [[total]]);
    }
    return total.refused > 0 ? 2 : 0;
  },
};

function summarize(results: readonly FileSummary[], seconds: number) {
  const sum = (key: 'rowsRead' | 'inserted' | 'rejected' | 'duplicates' | 'replaced') =>
    results.reduce((n, r) => n + r[key], 0);
  const rowsRead = sum('rowsRead');
  return {
    files: results.length,
    imported: results.filter((r) => r.status === 'imported').length,
    already_imported: results.filter((r) => r.status === 'already imported').length,
    refused: results.filter((r) => r.status === 'refused').length,
    rows_in: sum('inserted'),
    rows_set_aside: sum('rejected'),
    duplicates_skipped: sum('duplicates'),
    replaced: sum('replaced'),
    rows_read: rowsRead,
    seconds: Math.round(seconds * 100) / 100,
    rows_per_second: seconds > 0 ? Math.round(rowsRead / seconds) : 0,
  };
}
