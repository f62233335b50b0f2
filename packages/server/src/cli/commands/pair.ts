import { TRACKS } from '@peacebell/model';
import { checkGrain } from '../../analytics/indicators.ts';
import { pairRelations, type Direction } from '../../analytics/relations.ts';
import { CliError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';
import { WINDOW_OPTIONS, windowFromFlags } from '../window.ts';
import { parseCountry, parseDay, parseLimit } from '../values.ts';

const band = (p: { score: number | null; low: number | null; high: number | null }) =>
  p.score === null ? '' : `${p.score.toFixed(2)} [${p.low?.toFixed(2)}, ${p.high?.toFixed(2)}]`;

export const pairCommand: Command = {
  name: 'pair',
  summary: 'relations between two countries, both ways: the index per period, its tracks and top events',
  usage:
    'peacebell pair ISO3 ISO3 [--grain day|week|month] [--from DAY] [--to DAY] [--events N] [--events-period DAY] [--source gdelt2] [--format table|csv|json|ndjson]',
  options: {
    grain: { type: 'string', description: 'day, week or month (default month)' },
    events: { type: 'string', description: 'top events to show (default 10)' },
    'events-period': {
      type: 'string',
      description: 'a day in the period whose top events to show (default: the last period)',
    },
    ...WINDOW_OPTIONS,
  },
  async run(ctx, { values, positionals, db }) {
    const str = (k: string) => values[k] as string | undefined;
    const format = outputFormat(ctx, str('format'));
    if (positionals.length !== 2)
      throw new CliError('pair needs two countries, e.g. `peacebell pair CHN KAZ`');
    const a = parseCountry(positionals[0], 'country') as string;
    const b = parseCountry(positionals[1], 'country') as string;
    const grain = checkGrain(str('grain') ?? 'month');
    return withStore(ctx, db, async (store) => {
      const window = await windowFromFlags(ctx, store, grain, values);
      const relations = await pairRelations(
        store,
        a,
        b,
        grain,
        window,
        parseLimit(str('events'), 10),
        parseDay(str('events-period'), '--events-period'),
      );
      if (format === 'json') {
        ctx.stdout.write(`${JSON.stringify(relations, null, 2)}\n`);
        return 0;
      }
      const [ab, ba] = relations.directions;
      const rows = ab.series.map((p, i) => {
        const q = ba.series[i] as Direction['series'][number];
        return {
          period: p.period,
          [`${a}→${b}`]: band(p),
          [`events ${a}→${b}`]: p.events,
          [`${b}→${a}`]: band(q),
          [`events ${b}→${a}`]: q.events,
          ...Object.fromEntries(TRACKS.map((t) => [t.id, p.tracks[t.id] + q.tracks[t.id]])),
        };
      });
      const columns = [
        'period',
        `${a}→${b}`,
        `events ${a}→${b}`,
        `${b}→${a}`,
        `events ${b}→${a}`,
        ...TRACKS.map((t) => t.id),
      ];
      if (format !== 'table') {
        await writeRows(ctx, format, columns, [rows]);
        return 0;
      }
      ctx.stdout.write(
        `${a}→${b}: ${band(ab.total) || 'no signal'} (${ab.total.events} events); ${b}→${a}: ${band(ba.total) || 'no signal'} (${ba.total.events} events), ${window.from} .. ${window.to} UTC\n` +
          'score: −1 all conflict … +1 all cooperation, [95% band]; tracks: events both ways\n\n',
      );
      await writeRows(ctx, format, columns, [rows]);
      if (relations.top_events.length > 0) {
        ctx.stdout.write(
          `\nTop events of the ${grain} from ${relations.events_period} (most sources first)\n`,
        );
        await writeRows(
          ctx,
          format,
          ['event_date', 'from', 'to', 'category', 'event_code', 'goldstein', 'num_sources', 'source_url'],
          [relations.top_events],
        );
      }
      return 0;
    });
  },
};
