import { readFileSync } from 'node:fs';
import { AlertRecord } from '@peacebell/model';
import { listAlerts } from '../../alerts/records.ts';
import { CliError } from '../../errors.ts';
import { serveInfoPath, storePath, withStore, type Context } from '../context.ts';
import { stopOnSignals } from './sync.ts';

const line = (a: AlertRecord) =>
  `${a.day}  ${a.severity.padEnd(7)}  ${a.rule}  ${a.title}${a.packet.escalation ? ' ↑' : ''}\n    ${a.packet.summary}\n    ${a.packet.link}\n`;

/** The running server's address, from the file `serve` writes beside the store. */
function serverUrl(ctx: Context, db: string | undefined): string | undefined {
  try {
    return (JSON.parse(readFileSync(serveInfoPath(storePath(ctx, db)), 'utf8')) as { url?: string }).url;
  } catch {
    return undefined;
  }
}

/** Reads an SSE stream, calling `onEvent` per `alert` event; resolves when the stream ends. */
async function readStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (id: string, data: string) => boolean,
): Promise<boolean> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .filter((l) => l.startsWith(`${name}:`))
          .map((l) => l.slice(name.length + 1).replace(/^ /, ''))
          .join('\n');
      if (field('event') === 'alert' && !onEvent(field('id'), field('data'))) return true;
    }
  }
  return false;
}

/**
 * Follows new alerts: through the server's SSE stream when one runs (or --url), else by reading
 * the store every few seconds. Reconnects with Last-Event-ID, so nothing is missed or repeated.
 */
export async function tailAlerts(
  ctx: Context,
  db: string | undefined,
  url: string | undefined,
  count?: number,
): Promise<number> {
  const stop = stopOnSignals(ctx);
  let seen = 0;
  const print = (a: AlertRecord) => {
    ctx.stdout.write(line(a));
    seen++;
    return count === undefined || seen < count;
  };
  try {
    const server = url ?? serverUrl(ctx, db);
    if (server) {
      ctx.stderr.write(`following ${server}/api/v1/alerts/stream (Ctrl-C to stop)\n`);
      let last: string | undefined;
      while (!stop.signal.aborted) {
        const response = await fetch(`${server.replace(/\/$/, '')}/api/v1/alerts/stream`, {
          headers: last ? { 'last-event-id': last } : {},
          signal: stop.signal,
        }).catch((error: Error) => {
          if (stop.signal.aborted) return null;
          throw new CliError(
            `cannot reach ${server}: ${(error.cause as Error | undefined)?.message ?? error.message}`,
            3,
          );
        });
        if (!response?.body) break;
        const done = await readStream(response.body, (id, data) => {
          last = id;
          return print(AlertRecord.parse(JSON.parse(data)));
        }).catch((error: Error) => {
          if (!stop.signal.aborted) throw error;
          return true;
        });
        if (done) break;
      }
      return 0;
    }
    return await withStore(ctx, db, async (store) => {
      ctx.stderr.write(`following the alerts of ${store.location} (Ctrl-C to stop)\n`);
      let last = (await listAlerts(store, { limit: 1 }))[0]?.seq ?? 0;
      while (!stop.signal.aborted) {
        for (const a of await listAlerts(store, { after: last, limit: 100 })) {
          last = a.seq;
          if (!print(a)) return 0;
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      return 0;
    });
  } finally {
    stop.dispose();
  }
}
