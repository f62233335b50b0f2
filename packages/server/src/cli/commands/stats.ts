import { storeStats } from '../../analytics/stats.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { writeRows } from '../output.ts';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'what is in the store: events by source, date range, countries, rejects',
  usage: 'peacebell stats [--json]',
  options: { json: { type: 'boolean', description: 'print the figures as JSON' } },
  async run(ctx, { values, db }) {
    const stats = await withStore(ctx, db, storeStats);
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      return 0;
    }
    ctx.stdout.write(
      `store ${stats.store}: ${stats.events.toLocaleString('en')} events, ${stats.mentions.toLocaleString('en')} mentions, ` +
        `${stats.batches} files imported, ${stats.rejects.toLocaleString('en')} rows set aside` +
        `${stats.last_import ? `, last import ${stats.last_import}` : ''}\n\n`,
    );
    if (stats.sources.length === 0) {
      ctx.stdout.write('The store is empty: run `peacebell import PATH...` to add GDELT files.\n');
      return 0;
    }
    await writeRows(
      ctx,
      'table',
      ['source', 'events', 'first_day', 'last_day', 'countries'],
      [stats.sources],
    );
    ctx.stdout.write('\n');
    await writeRows(ctx, 'table', ['country', 'events'], [stats.top_countries]);
    return 0;
  },
};
