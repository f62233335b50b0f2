import { compareSources, GRAINS, sideBySide, type Grain } from '../../analytics/compare.ts';
import { CliError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';
import { parseCountry, parseDay } from '../values.ts';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'events and fatalities per source and period for a country, side by side',
  usage:
    'peacebell compare --country ISO3 [--from DAY] [--to DAY] [--grain day|week|month|year] [--format table|csv|json|ndjson]',
  options: {
    country: { type: 'string', description: 'ISO3 code or name of the country (where the events happened)' },
    from: { type: 'string', description: 'first UTC day, YYYY-MM-DD' },
    to: { type: 'string', description: 'last UTC day, YYYY-MM-DD' },
    grain: { type: 'string', description: 'day, week (ISO, Monday), month (default) or year' },
    format: { type: 'string', description: 'table, csv, json or ndjson' },
  },
  async run(ctx, { values, db }) {
    const str = (k: string) => values[k] as string | undefined;
    const country = parseCountry(str('country'));
    if (!country) throw new CliError('compare needs --country ISO3');
    const grain = (str('grain') ?? 'month') as Grain;
    if (!GRAINS.includes(grain)) throw new CliError(`unknown --grain ${grain}; valid: ${GRAINS.join(', ')}`);
    const format = outputFormat(ctx, str('format'));
    const query = { country, grain, from: parseDay(str('from'), '--from'), to: parseDay(str('to'), '--to') };
    const counts = await withStore(ctx, db, (store) => compareSources(store, query));
    const { columns, rows } = sideBySide(counts);
    if (rows.length === 0 && format === 'table') {
      ctx.stdout.write(`No events located in ${country}${query.from ? ` from ${query.from}` : ''}.\n`);
      return 0;
    }
    await writeRows(ctx, format, columns, [rows]);
    return 0;
  },
};
