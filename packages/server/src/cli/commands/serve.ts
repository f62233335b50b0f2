import { rmSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.ts';
import { generationCounter } from '../../api/deps.ts';
import { CliError } from '../../errors.ts';
import { abortableSleep, follow } from '../../ingest/sync/follow.ts';
import { Syncer } from '../../ingest/sync/syncer.ts';
import type { Store } from '../../store/store.ts';
import type { Command } from '../command.ts';
import { serveInfoPath, withStore, type Context } from '../context.ts';
import type { Settings } from '../settings.ts';
import { settingsFrom, SYNC_OPTIONS, syncOptions } from './sync.ts';

const VERSION = '0.1.0';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the long-running peacebell: serves the HTTP API and follows GDELT, in one process',
  usage:
    'peacebell serve [--host 127.0.0.1] [--port 8080] [--no-follow] [--feeds events,mentions] [--base-url URL] [--poll SECONDS] [--backfill-hours N]',
  options: {
    host: {
      type: 'string',
      description: 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)',
    },
    port: { type: 'string', description: 'HTTP port of the API (default 8080; 0 picks a free one)' },
    'no-follow': { type: 'boolean', description: 'serve the API only; do not follow GDELT' },
    ...SYNC_OPTIONS,
  },
  async run(ctx, { values, db }) {
    const settings = settingsFrom(
      ctx,
      { ...values, port: values.port === '0' ? undefined : values.port },
      db,
    );
    const host = (values.host as string | undefined) ?? settings.host;
    const port = values.port === '0' ? 0 : settings.port;
    return withStore(ctx, settings.db, async (store) => {
      const controller = new AbortController();
      const stop = () => {
        if (controller.signal.aborted) process.exit(130);
        ctx.stderr.write('stopping after the file in hand (again to force)...\n');
        controller.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const generation = generationCounter();
      const reader = await store.reader();
      const importer = await store.reader();
      let app: FastifyInstance | undefined;
      try {
        app = await buildApp(apiOptions(ctx, settings, { store: reader, writer: importer, generation }));
        const url = await listen(app, host, port);
        writeFileSync(serveInfoPath(store.location), JSON.stringify({ url, pid: process.pid }));
        ctx.stderr.write(
          `peacebell serve: API at ${url}/api/v1 (docs ${url}/docs); store ${store.location}\n`,
        );
        if (values['no-follow'])
          await new Promise((resolve) => controller.signal.addEventListener('abort', resolve));
        else await followFeed(ctx, store, settings, controller.signal, generation.onImported);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await app?.close();
        rmSync(serveInfoPath(store.location), { force: true });
        await importer.close();
        await reader.close();
      }
      return 0;
    });
  },
};

function apiOptions(
  ctx: Context,
  s: Settings,
  handles: Pick<Parameters<typeof buildApp>[0], 'store' | 'writer' | 'generation'>,
): Parameters<typeof buildApp>[0] {
  return {
    ...handles,
    clock: ctx.clock,
    version: VERSION,
    ...(s.apiKey ? { apiKey: s.apiKey } : {}),
    cors: s.corsOrigins,
    rateLimit: s.rateLimit > 0 ? { max: s.rateLimit, windowMs: 60_000 } : false,
    logger:
      ctx.env.PEACEBELL_LOG === 'off'
        ? false
        : { level: ctx.env.PEACEBELL_LOG ?? 'info', stream: ctx.stderr },
  };
}

async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  try {
    await app.listen({ host, port });
  } catch (error) {
    throw new CliError(`cannot listen on ${host}:${port}: ${(error as Error).message}`, 1);
  }
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
}

/** Follows the feed until the signal aborts, bumping the API's generation after each imported file. */
async function followFeed(
  ctx: Context,
  store: Store,
  settings: Settings,
  signal: AbortSignal,
  onImported: () => void,
) {
  const options = { ...syncOptions(ctx, settings, signal), onImported };
  options.log(`following ${options.baseUrl} every ${settings.pollSeconds} s (${settings.feeds.join(', ')})`);
  await follow(store, new Syncer(store, options), {
    ...options,
    pollMs: settings.pollSeconds * 1000,
    backfillHours: settings.backfillHours,
    gapScanMs: 3_600_000,
    sleep: abortableSleep,
  });
}
