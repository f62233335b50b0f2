import { DEFAULT_INDICATORS, INDICATORS, type IndicatorUnit } from '@peacebell/model';
import { checkGrain, checkUnit, indicatorSeries } from '../../analytics/indicators.ts';
import { CliError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';
import { WINDOW_OPTIONS, windowFromFlags } from '../window.ts';
import { parseCountry } from '../values.ts';

export const indicatorsCommand: Command = {
  name: 'indicators',
  summary: 'indicator series for a country, a region (ADM1) or a directed pair, from the rollups',
  usage:
    'peacebell indicators [--country ISO3] [--adm1 CODE | --partner ISO3] [--grain day|week|month] [--from DAY] [--to DAY] [--indicators id,id|all] [--source gdelt2,acled] [--format table|csv|json|ndjson] | indicators --list',
  options: {
    country: { type: 'string', description: 'ISO3 code or name: the place (or, with --partner, the actor)' },
    adm1: { type: 'string', description: 'a first-level region of the country (the source’s ADM1 code)' },
    partner: { type: 'string', description: 'the target country of a directed pair (country → partner)' },
    unit: {
      type: 'string',
      description: 'world, country, adm1 or pair (default: from the options given; world without --country)',
    },
    grain: { type: 'string', description: 'day, week (ISO, from Monday) or month (default week)' },
    indicators: { type: 'string', description: 'indicator ids, comma-separated, or all (see --list)' },
    list: { type: 'boolean', description: 'print the indicator catalog' },
    ...WINDOW_OPTIONS,
  },
  async run(ctx, { values, db }) {
    const str = (k: string) => values[k] as string | undefined;
    const format = outputFormat(ctx, str('format'));
    if (values.list) {
      const rows = INDICATORS.map((i) => ({ ...i, definition: JSON.stringify(i.definition) }));
      const columns =
        format === 'table'
          ? ['id', 'title', 'unit', 'group']
          : ['id', 'title', 'description', 'unit', 'kind', 'group', 'definition'];
      await writeRows(ctx, format, columns, [rows]);
      return 0;
    }
    const country = parseCountry(str('country'));
    const partner = parseCountry(str('partner'), '--partner');
    const adm1 = str('adm1');
    const unit: IndicatorUnit = checkUnit(
      str('unit') ?? (partner ? 'pair' : adm1 ? 'adm1' : country ? 'country' : 'world'),
    );
    if (unit !== 'world' && !country) {
      throw new CliError(`indicators for a ${unit} need --country ISO3 (--unit world for the whole store)`);
    }
    const grain = checkGrain(str('grain') ?? 'week');
    const asked = str('indicators');
    const ids =
      asked === 'all'
        ? INDICATORS.map((i) => i.id)
        : asked
          ? asked.split(',').map((s) => s.trim())
          : DEFAULT_INDICATORS;
    return withStore(ctx, db, async (store) => {
      const window = await windowFromFlags(ctx, store, grain, values);
      const series = await indicatorSeries(store, {
        unit,
        key: { ...(country ? { country } : {}), ...(adm1 ? { adm1 } : {}), ...(partner ? { partner } : {}) },
        grain,
        ...window,
        indicators: ids,
      });
      if (format === 'json') {
        ctx.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
        return 0;
      }
      const label = partner ? `${country} → ${partner}` : adm1 ? `${country} ${adm1}` : (country ?? 'world');
      if (format === 'table')
        ctx.stderr.write(`${label}, per ${grain}, ${window.from} .. ${window.to} (UTC)\n`);
      await writeRows(ctx, format, ['period', ...series.indicators.map((i) => i.id)], [series.rows]);
      return 0;
    });
  },
};
