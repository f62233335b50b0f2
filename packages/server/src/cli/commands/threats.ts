import {
  THEME_MAP_VERSION,
  THEME_RULES,
  THREAT_DOMAIN_IDS,
  THREAT_DOMAINS,
  addDays,
  type ThreatDomain,
} from '@peacebell/model';
import { checkGrain } from '../../analytics/indicators.ts';
import { resolveThreatWindow, threatSeries, unmappedThemes } from '../../analytics/threats/index.ts';
import { CliError } from '../../errors.ts';
import { DEFAULT_GKG_RETENTION_DAYS, pruneGkgRecords } from '../../ingest/gkg/index.ts';
import type { Command } from '../command.ts';
import type { Context } from '../context.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows, type OutputFormat } from '../output.ts';
import { parseCountry, parseDay, parseLimit } from '../values.ts';

const ROW_COLUMNS = [
  'period',
  'domain',
  'articles',
  'share',
  'intensity',
  'tone',
  'change',
  'killed',
  'wounded',
  'arrested',
  'affected',
  'displaced',
];

function parseDomains(value: string | undefined): ThreatDomain[] {
  const asked = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = asked.filter((d) => !(THREAT_DOMAIN_IDS as readonly string[]).includes(d));
  if (unknown.length > 0) {
    throw new CliError(`unknown threat domain ${unknown.join(', ')}; valid: ${THREAT_DOMAIN_IDS.join(', ')}`);
  }
  return asked as ThreatDomain[];
}

const str = (values: Record<string, unknown>, k: string) => values[k] as string | undefined;

async function printMap(ctx: Context, format: OutputFormat): Promise<number> {
  if (format === 'json') {
    ctx.stdout.write(
      `${JSON.stringify({ version: THEME_MAP_VERSION, domains: THREAT_DOMAINS, rules: THEME_RULES }, null, 2)}\n`,
    );
    return 0;
  }
  const rules = Object.entries(THEME_RULES).map(([theme, domains]) => ({
    theme,
    domains: domains.join(',') || '(context)',
  }));
  await writeRows(ctx, format, ['theme', 'domains'], [rules]);
  return 0;
}

export const threatsCommand: Command = {
  name: 'threats',
  summary: 'non-traditional threats from GDELT’s GKG: coverage and intensity per threat domain',
  usage:
    'peacebell threats [--country ISO3 [--adm1 CODE]] [--grain day|week|month] [--from DAY] [--to DAY] [--domains a,b] [--evidence N] [--format] | threats unmapped [--from DAY] [--to DAY] [--limit N] | threats map | threats prune [--days N]',
  options: {
    country: { type: 'string', description: 'ISO3 code or name (default: every article)' },
    adm1: {
      type: 'string',
      description: 'a first-level region (FIPS ADM1 code as GKG writes it, e.g. BG81)',
    },
    grain: { type: 'string', description: 'day, week (ISO, from Monday) or month (default week)' },
    from: { type: 'string', description: 'first UTC day (default: 90 days, 52 weeks or 24 months back)' },
    to: { type: 'string', description: 'last UTC day (default: the last day with GKG data)' },
    domains: {
      type: 'string',
      description: `threat domains, comma-separated: ${THREAT_DOMAIN_IDS.join(', ')}`,
    },
    evidence: { type: 'string', description: 'evidence URLs per domain (default 3; table and json)' },
    limit: { type: 'string', description: 'with unmapped: themes listed (default 50)' },
    days: {
      type: 'string',
      description: `with prune: days of raw records kept (default ${DEFAULT_GKG_RETENTION_DAYS})`,
    },
    format: { type: 'string', description: 'table, csv, json or ndjson' },
  },
  async run(ctx, { values, positionals, db }) {
    const format = outputFormat(ctx, str(values, 'format'));
    const [sub] = positionals;
    if (sub === 'map') return printMap(ctx, format);
    if (sub !== undefined && sub !== 'unmapped' && sub !== 'prune') {
      throw new CliError(`unknown threats subcommand ${sub}; valid: unmapped, map, prune`);
    }
    return withStore(ctx, db, async (store) => {
      if (sub === 'prune') {
        const days = parseLimit(str(values, 'days'), DEFAULT_GKG_RETENTION_DAYS);
        const removed = await store.transaction((tx) => pruneGkgRecords(tx, days));
        ctx.stderr.write(`${removed} raw GKG records older than ${days} days before the newest removed\n`);
        return 0;
      }
      const grain = checkGrain(str(values, 'grain') ?? 'week');
      const from = parseDay(str(values, 'from'), '--from');
      if (sub === 'unmapped') {
        const window = await resolveThreatWindow(
          store,
          ctx.clock,
          'day',
          from,
          parseDay(str(values, 'to'), '--to'),
        );
        const start = from ?? addDays(window.to, -29);
        const result = await unmappedThemes(store, start, window.to, parseLimit(str(values, 'limit'), 50));
        if (format === 'json') ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else await writeRows(ctx, format, ['theme', 'articles', 'mentions'], [result.themes]);
        return 0;
      }
      const country = parseCountry(str(values, 'country'));
      const adm1 = str(values, 'adm1');
      if (adm1 && !country) throw new CliError('--adm1 needs --country');
      const window = await resolveThreatWindow(
        store,
        ctx.clock,
        grain,
        from,
        parseDay(str(values, 'to'), '--to'),
      );
      const series = await threatSeries(store, {
        ...(country ? { country } : {}),
        ...(adm1 ? { adm1 } : {}),
        grain,
        ...window,
        domains: parseDomains(str(values, 'domains')),
        evidence: parseLimit(str(values, 'evidence'), 3),
      });
      if (format === 'json') {
        ctx.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
        return 0;
      }
      if (format !== 'table') {
        await writeRows(ctx, format, ROW_COLUMNS, [series.rows]);
        return 0;
      }
      const active = new Set(series.rows.filter((r) => r.articles > 0).map((r) => r.domain));
      const covered = new Set(series.coverage.filter((c) => c.articles > 0).map((c) => c.period));
      ctx.stderr.write(
        `${adm1 ? `${country} ${adm1}` : (country ?? 'world')}, per ${grain}, ${window.from} .. ${window.to} (UTC); periods and domains without articles left out\n`,
      );
      await writeRows(ctx, format, ROW_COLUMNS, [
        series.rows.filter((r) => active.has(r.domain) && covered.has(r.period)),
      ]);
      if (series.evidence.length > 0) {
        ctx.stdout.write('\n');
        await writeRows(ctx, format, ['domain', 'day', 'mentions', 'url'], [series.evidence]);
      }
      return 0;
    });
  },
};
