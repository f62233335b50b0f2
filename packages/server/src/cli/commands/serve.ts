import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { followUntilSignal, settingsFrom, SYNC_OPTIONS } from './sync.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the long-running peacebell: follows GDELT (and will serve the API and dashboard)',
  usage:
    'peacebell serve [--port N] [--feeds events,mentions] [--base-url URL] [--poll SECONDS] [--backfill-hours N]',
  options: {
    port: { type: 'string', description: 'HTTP port for the API, once it exists (default 8080)' },
    ...SYNC_OPTIONS,
  },
  async run(ctx, { values, db }) {
    const settings = settingsFrom(ctx, values, db);
    return withStore(ctx, settings.db, async (store) => {
      ctx.stderr.write(`peacebell serve: store ${store.location}; Ctrl-C stops after the file in hand\n`);
      await followUntilSignal(ctx, store, settings);
      return 0;
    });
  },
};
