import { abortableSleep, follow } from '../../ingest/sync/follow.ts';
import { Syncer, type SyncOptions } from '../../ingest/sync/syncer.ts';
import type { GdeltFeed } from '../../sources/gdelt/file-list.ts';
import type { EventWrites } from '../../ingest/event-writes.ts';
import type { Store } from '../../store/store.ts';
import { CliError } from '../../errors.ts';
import { startBell } from '../bell.ts';
import type { Command, OptionSpec } from '../command.ts';
import { withStore, type Context } from '../context.ts';
import { writeRows } from '../output.ts';
import { ANY_STORE } from '../staged-import.ts';
import { loadSettings, type Settings } from '../settings.ts';
import { syncApi } from './sync-api.ts';
import { status } from './sync-status.ts';
import { parseDay } from '../values.ts';

export const SYNC_OPTIONS: Record<string, OptionSpec> = {
  feeds: {
    type: 'string',
    description: 'events, mentions, gkg, translation (comma-separated; default events)',
  },
  'base-url': { type: 'string', description: "GDELT 2.0's folder or a mirror (default GDELT's own)" },
  concurrency: { type: 'string', description: 'downloads at once (default 4)' },
  cache: { type: 'string', description: 'keep downloaded zips in DIR (default: delete after import)' },
  config: { type: 'string', description: 'settings file (default ./peacebell.config.json)' },
  poll: {
    type: 'string',
    description: 'with --follow: seconds between polls of lastupdate.txt (default 15)',
  },
  'backfill-hours': {
    type: 'string',
    description: 'with --follow on a new store: hours to fetch first (default 24)',
  },
};

export const syncCommand: Command = {
  name: 'sync',
  summary:
    'download and import GDELT 2.0: a range, or follow the 15-minute feed; `sync status` for completeness',
  usage:
    'peacebell sync --from DAY --to DAY | sync --follow | sync status [--from DAY] [--to DAY] [--json]  [--feeds events,mentions,gkg,translation] [--base-url URL] [--concurrency N] [--cache DIR] | sync --source acled [--since DAY] | sync --source ucdp --version 25.1',
  options: {
    from: { type: 'string', description: 'first UTC day, YYYY-MM-DD' },
    to: { type: 'string', description: 'last UTC day, YYYY-MM-DD (default: today)' },
    follow: { type: 'boolean', description: 'keep following the feed until interrupted' },
    source: { type: 'string', description: 'gdelt (default), acled (with --since) or ucdp (with --version)' },
    since: {
      type: 'string',
      description: 'with --source acled: events modified since this UTC day (default: the last sync)',
    },
    version: {
      type: 'string',
      description: 'with --source ucdp: the GED version, e.g. 25.1 (Candidate: 25.0.9)',
    },
    json: { type: 'boolean', description: 'print results as JSON' },
    ...SYNC_OPTIONS,
  },
  async run(ctx, { values, positionals, db }) {
    const str = (k: string) => values[k] as string | undefined;
    const settings = settingsFrom(ctx, values, db);
    const from = parseDay(str('from'), '--from');
    const to = parseDay(str('to'), '--to');
    if (positionals[0] === 'status') {
      return status(ctx, settings, syncOptions(ctx, settings).feeds, from, to, values.json === true);
    }
    const source = str('source') ?? 'gdelt';
    if (source === 'acled' || source === 'ucdp') return syncApi(ctx, settings, source, values);
    if (source !== 'gdelt') throw new CliError(`unknown --source ${source}; valid: gdelt, acled, ucdp`);
    if (positionals.length > 0)
      throw new CliError(`unknown sync subcommand ${positionals[0]}; try \`sync status\``);
    if (values.follow) {
      return withStore(ctx, settings.db, async (store) => {
        await followUntilSignal(ctx, store, settings);
        return 0;
      });
    }
    if (!from) throw new CliError('sync needs --from DAY (and optionally --to DAY), or --follow');
    const last = to ?? ctx.clock().toISOString().slice(0, 10);
    if (from > last) throw new CliError('--from is after --to');
    return withStore(ctx, settings.db, async (store) => {
      const syncer = new Syncer(store, syncOptions(ctx, settings));
      const listed = await syncer.listRange(new Date(`${from}T00:00:00Z`), new Date(`${last}T23:59:59Z`));
      ctx.stderr.write(`listed ${listed} new files for ${from} .. ${last}\n`);
      const result = await syncer.runDue();
      if (values.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else await writeRows(ctx, 'table', Object.keys(result), [[result]]);
      return result.failed > 0 ? 2 : 0;
    });
  },
};

export function settingsFrom(
  ctx: Context,
  values: Record<string, unknown>,
  db: string | undefined,
): Settings {
  return loadSettings(ctx, {
    db,
    config: values.config,
    feeds: values.feeds,
    baseUrl: values['base-url'],
    concurrency: values.concurrency,
    cache: values.cache,
    pollSeconds: values.poll,
    backfillHours: values['backfill-hours'],
    port: values.port,
  });
}

export function syncOptions(ctx: Context, s: Settings, signal?: AbortSignal): SyncOptions {
  const feeds: GdeltFeed[] = s.feeds.flatMap((f) =>
    f === 'events' ? ['export'] : f === 'mentions' ? ['mentions'] : f === 'gkg' ? ['gkg'] : [],
  );
  if (feeds.length === 0)
    throw new CliError('--feeds needs events, mentions or gkg (translation adds the translingual feed)');
  const log = (line: string) => ctx.stderr.write(`${ctx.clock().toISOString()} ${line}\n`);
  return {
    baseUrl: s.baseUrl.replace(/\/+$/, ''),
    feeds,
    translingual: s.feeds.includes('translation'),
    gkgRetentionDays: s.gkgRetentionDays,
    concurrency: s.concurrency,
    cacheDir: s.cache ?? null,
    missingRetryHours: s.missingRetryHours,
    download: { log, ...(signal ? { signal } : {}) },
    clock: ctx.clock,
    log,
    writes: ANY_STORE,
    ...(signal ? { signal } : {}),
  };
}

/** Aborts on the first SIGINT/SIGTERM (finish the file in hand), exits on the second. */
export function stopOnSignals(ctx: Context): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    ctx.stderr.write('stopping after the file in hand (again to force)...\n');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Follows the feed until `signal` aborts; `onImported` hears of every file that added rows. */
export async function followFeed(
  ctx: Context,
  store: Store,
  settings: Settings,
  signal: AbortSignal,
  onImported?: () => void,
  writes: EventWrites = ANY_STORE,
): Promise<void> {
  const options = { ...syncOptions(ctx, settings, signal), writes, ...(onImported ? { onImported } : {}) };
  options.log(`following ${options.baseUrl} every ${settings.pollSeconds} s (${settings.feeds.join(', ')})`);
  await follow(store, new Syncer(store, options), {
    ...options,
    pollMs: settings.pollSeconds * 1000,
    backfillHours: settings.backfillHours,
    gapScanMs: 3_600_000,
    sleep: abortableSleep,
  });
}

/** Follows the feed (ringing the bell after each import) until SIGINT/SIGTERM, then finishes the file in hand. */
export async function followUntilSignal(ctx: Context, store: Store, settings: Settings): Promise<void> {
  const stop = stopOnSignals(ctx);
  const bell = await startBell(ctx, store, settings, stop.signal);
  try {
    bell.check();
    await followFeed(ctx, store, settings, stop.signal, bell.check);
  } finally {
    stop.dispose();
    await bell.stop();
  }
}
