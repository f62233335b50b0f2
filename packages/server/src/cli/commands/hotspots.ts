import { countryByIso3, SOURCES, THREAT_DOMAIN_IDS, type ThreatDomain } from '@peacebell/model';
import { lastDay } from '../../analytics/window.ts';
import { explainHotspot } from '../../analytics/hotspots/explain.ts';
import { listRuns, saveRun } from '../../analytics/hotspots/runs.ts';
import { listHotspots } from '../../analytics/hotspots/list.ts';
import { LEVELS, type Level } from '../../analytics/hotspots/types.ts';
import { hotspotRange } from '../../analytics/hotspots/weeks.ts';
import { CliError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';
import { parseCountry, parseDay } from '../values.ts';

const COLUMNS = [
  'day',
  'country',
  'name',
  'adm1',
  'region',
  'source',
  'level',
  'phase',
  'score',
  'count',
  'expected',
  'deaths',
  'confidence',
  'sources_agreeing',
  'sources',
  'region_name',
];

export const hotspotsCommand: Command = {
  name: 'hotspots',
  summary:
    'where conflict is escalating, how sure, and why (`hotspots explain ISO3`); `hotspots runs` lists stored runs',
  usage:
    'peacebell hotspots [--date DAY | --from DAY --to DAY] [--country ISO3] [--unit country|adm1] [--grain day|week] [--source all|acled|...] [--level watch|warning|alert] [--threat DOMAIN] [--save] [--format] | hotspots explain ISO3 [--adm1 REGION] --date DAY | hotspots runs',
  options: {
    date: { type: 'string', description: 'one UTC day (default: the last day with data)' },
    from: { type: 'string', description: 'first UTC day of a range' },
    to: { type: 'string', description: 'last UTC day of a range' },
    country: { type: 'string', description: 'only this country (ISO3 or name)' },
    unit: { type: 'string', description: 'country (default) or adm1 (first-level regions)' },
    grain: {
      type: 'string',
      description:
        'day (default): a test every day over the 7 days to it; week: one per ISO week, dated on its Sunday',
    },
    adm1: { type: 'string', description: 'with explain: a region of the country' },
    source: {
      type: 'string',
      description: `all (default: every source together) or one of ${SOURCES.join(', ')}, or any`,
    },
    level: { type: 'string', description: 'lowest level shown: watch (default), warning, alert' },
    ended: { type: 'boolean', description: 'also list hotspots on the day they ended' },
    threat: {
      type: 'string',
      description: `scan GKG articles of a threat domain instead of conflict events: ${THREAT_DOMAIN_IDS.join(', ')}`,
    },
    regions: {
      type: 'boolean',
      description: 'for countries: weigh their regions (ADM1) too, so a local escalation lifts its country',
    },
    save: { type: 'boolean', description: 'store the run (method, version, parameters, results) for replay' },
    format: { type: 'string', description: 'table, csv, json or ndjson' },
  },
  async run(ctx, { values, positionals, db }) {
    const str = (k: string) => values[k] as string | undefined;
    const format = outputFormat(ctx, str('format'));
    const level = (str('level') ?? 'watch') as Level;
    if (!LEVELS.includes(level)) throw new CliError(`unknown --level ${level}; valid: ${LEVELS.join(', ')}`);
    const unit = str('unit') ?? 'country';
    if (unit !== 'country' && unit !== 'adm1')
      throw new CliError(`unknown --unit ${unit}; valid: country, adm1`);
    const grain = str('grain') ?? 'day';
    if (grain !== 'day' && grain !== 'week') throw new CliError(`unknown --grain ${grain}; valid: day, week`);
    const source = str('source') ?? 'all';
    if (source !== 'all' && source !== 'any' && !(SOURCES as readonly string[]).includes(source))
      throw new CliError(`unknown --source ${source}; valid: all, any, ${SOURCES.join(', ')}`);
    const [sub, ...rest] = positionals;
    return withStore(ctx, db, async (store) => {
      const last = await lastDay(store, ctx.clock);
      if (sub === 'runs') {
        await writeRows(
          ctx,
          format,
          [
            'run_id',
            'method',
            'version',
            'unit',
            'grain',
            'from_day',
            'to_day',
            'country',
            'last_batch',
            'hotspots',
            'created_at',
          ],
          [await listRuns(store)],
        );
        return 0;
      }
      if (sub === 'explain') {
        const country = parseCountry(rest[0], 'country');
        if (!country)
          throw new CliError(
            'hotspots explain needs a country, e.g. `hotspots explain MMR --date 2017-08-27`',
          );
        const date = parseDay(str('date'), '--date') ?? last;
        const explanation = await explainHotspot(store, country, date, str('adm1') ?? '');
        if (format !== 'table') {
          ctx.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
          return 0;
        }
        const name = countryByIso3(country)?.name ?? country;
        const { adm1, adm1_name } = explanation;
        const region = adm1 === '' ? '' : adm1_name === adm1 ? `, ${adm1}` : `, ${adm1_name} (${adm1})`;
        ctx.stdout.write(`${name}${region} on ${date} (UTC)\n\n`);
        if (explanation.hotspots.length === 0) ctx.stdout.write('Not a hotspot on this day.\n');
        else
          await writeRows(
            ctx,
            format,
            COLUMNS.filter((c) => c !== 'name' && c !== 'day'),
            [explanation.hotspots],
          );
        for (const s of explanation.series) {
          ctx.stdout.write(
            `\n${s.source}: conflict events in the 7 days to each day, against the baseline\n`,
          );
          await writeRows(
            ctx,
            format,
            ['day', 'count', 'expected', 'watch_at', 'warning_at', 'score', 'deaths'],
            [s.points.slice(-21)],
          );
        }
        ctx.stdout.write('\nDrivers (last 7 days against the baseline week)\n');
        await writeRows(ctx, format, ['category', 'recent', 'baseline_weekly'], [explanation.drivers]);
        ctx.stdout.write('\nActors\n');
        await writeRows(ctx, format, ['actor', 'events'], [explanation.actors]);
        ctx.stdout.write('\nTop events\n');
        await writeRows(
          ctx,
          format,
          [
            'event_date',
            'source',
            'category',
            'fatalities_best',
            'num_sources',
            'action_geo_name',
            'source_url',
          ],
          [explanation.top_events],
        );
        return 0;
      }
      if (sub !== undefined) throw new CliError(`unknown hotspots subcommand ${sub}; valid: explain, runs`);
      if (str('date') && (str('from') || str('to')))
        throw new CliError('give either --date, or --from and --to');
      const { from, to } = hotspotRange(
        {
          date: parseDay(str('date'), '--date'),
          from: parseDay(str('from'), '--from'),
          to: parseDay(str('to'), '--to'),
        },
        last,
        grain,
      );
      if (from > to) throw new CliError('--from is after --to');
      const country = parseCountry(str('country'));
      const threat = str('threat');
      if (threat !== undefined && !(THREAT_DOMAIN_IDS as readonly string[]).includes(threat))
        throw new CliError(`unknown --threat ${threat}; valid: ${THREAT_DOMAIN_IDS.join(', ')}`);
      const request = {
        unit,
        from,
        to,
        grain,
        regions: values.regions === true,
        ...(country ? { country } : {}),
        ...(threat ? { threat: threat as ThreatDomain } : {}),
      } as const;
      const { rows: shown, all } = await listHotspots(store, request, {
        source,
        level,
        ended: values.ended === true,
      });
      if (values.save) {
        const runId = await saveRun(store, request, all, ctx.clock());
        ctx.stderr.write(`stored as run ${runId} (${all.length} rows)\n`);
      }
      await writeRows(ctx, format, COLUMNS, [shown]);
      if (format === 'table' && shown.length === 0) ctx.stdout.write(`No hotspots from ${from} to ${to}.\n`);
      return 0;
    });
  },
};
