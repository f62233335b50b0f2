import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listAlerts } from '../../alerts/records.ts';
import type { Store } from '../../store/store.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events: each alert once, in order, as `id: seq`, `event: alert`, `data: record`.
 * The store is polled, so alerts raised by any process reach the stream; a reconnecting browser
 * sends Last-Event-ID and gets what it missed.
 */
export function streamAlerts(
  req: FastifyRequest,
  reply: FastifyReply,
  store: Store,
  pollMs: number,
  open: Set<ServerResponse>,
): void {
  const header = req.headers['last-event-id'];
  const query = (req.query as { after?: number }).after;
  let last = Number(typeof header === 'string' && /^\d+$/.test(header) ? header : (query ?? NaN));
  reply.hijack();
  const res = reply.raw;
  open.add(res);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': peacebell alerts\nretry: 3000\n\n');
  let closed = false;
  let busy = false;
  const poll = async () => {
    if (closed || busy) return;
    busy = true;
    try {
      if (Number.isNaN(last)) {
        // A new follower starts from now, not from the whole history.
        last = (await listAlerts(store, { limit: 1 }))[0]?.seq ?? 0;
      }
      for (;;) {
        const batch = await listAlerts(store, { after: last, limit: 100 });
        for (const a of batch) {
          if (closed) return;
          res.write(`id: ${a.seq}\nevent: alert\ndata: ${JSON.stringify(a)}\n\n`);
          last = a.seq;
        }
        if (batch.length < 100) break;
      }
    } catch (error) {
      req.log.error({ err: error }, 'alert stream');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), pollMs);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  void poll();
  res.on('close', () => {
    closed = true;
    open.delete(res);
    clearInterval(timer);
    clearInterval(heartbeat);
  });
}
