import { isClickHouseUrl, redactUrl } from '../../store/clickhouse/url.ts';
import { rmSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.ts';
import { firstViewWarmer, type Warmer } from '../../api/warm.ts';
import { generationCounter } from '../../api/deps.ts';
import { CliError } from '../../errors.ts';
import { rebuildRollups } from '../../store/rollups.ts';
import { startBell } from '../bell.ts';
import { oneAtATime } from '../../ingest/event-writes.ts';
import { ANY_STORE } from '../staged-import.ts';
import type { Command } from '../command.ts';
import { serveInfoPath, withStore, type Context } from '../context.ts';
import type { Settings } from '../settings.ts';
import { followFeed, settingsFrom, stopOnSignals, SYNC_OPTIONS } from './sync.ts';

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
      const stop = stopOnSignals(ctx);
      const generation = generationCounter();
      const reader = await store.reader();
      const bell = await startBell(ctx, store, settings, stop.signal);
      let warmer: Warmer | undefined;
      const warm = () =>
        void warmer?.warm().catch((error: Error) => ctx.stderr.write(`warming failed: ${error.message}\n`));
      const onImported = () => {
        generation.onImported();
        bell.check();
        warm();
      };
      let app: FastifyInstance | undefined;
      const writes = oneAtATime(ANY_STORE);
      try {
        // Writes (the follower's imports, API imports, rebuilds) share the follower's connection,
        // whose transactions run one at a time: two writers would conflict on the same rollup rows.
        app = await buildApp({
          ...apiOptions(ctx, settings, {
            store: reader,
            writer: store,
            generation: { generation: generation.generation, onImported },
          }),
          // ClickHouse's rollups are kept per batch: POST /rebuild answers 501 there (docs/clickhouse.md).
          ...(isClickHouseUrl(store.location) ? {} : { rebuild: () => rebuildRollups(store) }),
          importer: writes.importFile,
          alerts: bell.service,
        });
        const url = await listen(app, host, port);
        if (!settings.publicUrl) bell.service.options.baseUrl = url;
        bell.check();
        warmer = firstViewWarmer(app, (line) => ctx.stderr.write(`${line}\n`));
        warm();
        // A DuckDB file is held by one process: say which, and where its API is.
        const local = !isClickHouseUrl(store.location);
        if (local) writeFileSync(serveInfoPath(store.location), JSON.stringify({ url, pid: process.pid }));
        ctx.stderr.write(
          `peacebell serve: API at ${url}/api/v1 (docs ${url}/docs); store ${redactUrl(store.location)}\n`,
        );
        if (values['no-follow'])
          await new Promise((resolve) => stop.signal.addEventListener('abort', resolve));
        else await followFeed(ctx, store, settings, stop.signal, onImported, writes);
      } finally {
        stop.dispose();
        await warmer?.idle();
        await app?.close();
        await bell.stop();
        if (!isClickHouseUrl(store.location)) rmSync(serveInfoPath(store.location), { force: true });
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
