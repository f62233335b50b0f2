import { EVENT_FIELDS, SOURCES } from '@peacebell/model';
import { eventsQuery, type EventFilter } from '../../analytics/events.ts';
import { CliError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';
import {
  parseCodes,
  parseCountry,
  parseDay,
  parseLimit,
  parseQuads,
  parseRoots,
  parseSources,
} from '../values.ts';

const TABLE_COLUMNS = [
  'event_date',
  'source_record_id',
  'actor1_name',
  'event_code',
  'category',
  'actor2_name',
  'action_geo_country',
  'action_geo_name',
  'goldstein',
  'num_sources',
];

export const eventsCommand: Command = {
  name: 'events',
  summary: 'list canonical events with filters',
  usage:
    'peacebell events [--country ISO3] [--actor CODE] [--from DAY] [--to DAY] [--root 14,18] [--code 0211] [--quad 3,4] [--source gdelt2] [--limit N] [--format table|csv|json|ndjson]',
  options: {
    country: { type: 'string', description: 'ISO3 code (or name) of the action location or either actor' },
    actor: { type: 'string', description: 'CAMEO actor code or its prefix (KAZ, KAZGOV), either actor' },
    from: { type: 'string', description: 'first event day, YYYY-MM-DD (UTC)' },
    to: { type: 'string', description: 'last event day, YYYY-MM-DD (UTC), inclusive' },
    root: { type: 'string', description: 'CAMEO root codes, comma-separated (14 protest, 18 assault ...)' },
    code: { type: 'string', description: 'CAMEO event codes, comma-separated, with leading zeros' },
    quad: { type: 'string', description: 'quad classes 1-4, comma-separated' },
    source: { type: 'string', description: `sources, comma-separated: ${SOURCES.join(', ')}` },
    limit: { type: 'string', description: 'at most N events (default 1000; 0 for all)' },
    format: {
      type: 'string',
      description: 'table, csv, json or ndjson (CSV headers are the canonical field names)',
    },
  },
  async run(ctx, { values, db }) {
    const str = (k: string) => values[k] as string | undefined;
    const format = outputFormat(ctx, str('format'));
    const sources = parseSources(str('source'));
    const filter: EventFilter = {
      country: parseCountry(str('country')),
      actor: str('actor')?.toUpperCase(),
      from: parseDay(str('from'), '--from'),
      to: parseDay(str('to'), '--to'),
      roots: parseRoots(str('root')),
      codes: parseCodes(str('code')),
      quads: parseQuads(str('quad')),
      sources,
      limit: parseLimit(str('limit')),
    };
    if (filter.from && filter.to && filter.from > filter.to) throw new CliError('--from is after --to');
    const columns = format === 'table' ? TABLE_COLUMNS : EVENT_FIELDS;
    const count = await withStore(ctx, db, (store) =>
      writeRows(ctx, format, columns, store.stream(eventsQuery(filter, store.dialect))),
    );
    if (filter.limit && count === filter.limit) {
      ctx.stderr.write(`showing the first ${count} events; --limit 0 shows all\n`);
    }
    if (format === 'table' && count === 0) ctx.stdout.write('No events match.\n');
    return 0;
  },
};
