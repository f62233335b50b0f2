import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listAlerts } from '../../alerts/records.ts';
import type { Store } from '../../store/store.ts';

const HEARTBEAT_MS = 15_000;
const BATCH = 100;

interface Follower {
  res: ServerResponse;
  /** The last seq this follower has been sent. */
  last: number;
}

/**
 * Server-Sent Events: each alert once, in order, as `id: seq`, `event: alert`, `data: record`.
 * One poll of the store serves every open stream (from the oldest follower's last seq), so alerts
 * raised by any process reach them; a reconnecting browser sends Last-Event-ID and gets what it
 * missed. Polling runs only while a stream is open.
 */
export class AlertStreams {
  private readonly followers = new Set<Follower>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly store: Store,
    private readonly pollMs: number,
    private readonly log: (error: unknown) => void,
  ) {}

  async open(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = req.headers['last-event-id'];
    const query = (req.query as { after?: number }).after;
    const given = Number(typeof header === 'string' && /^\d+$/.test(header) ? header : (query ?? NaN));
    // A new follower starts from now, not from the whole history.
    const last = Number.isNaN(given) ? ((await listAlerts(this.store, { limit: 1 }))[0]?.seq ?? 0) : given;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': peacebell alerts\nretry: 3000\n\n');
    const follower = { res, last };
    this.followers.add(follower);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      this.followers.delete(follower);
      if (this.followers.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    });
    this.timer ??= setInterval(() => void this.poll(), this.pollMs);
    void this.poll();
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    for (const f of this.followers) f.res.end();
  }

  private async poll(): Promise<void> {
    if (this.busy || this.followers.size === 0) return;
    this.busy = true;
    try {
      let after = Math.min(...[...this.followers].map((f) => f.last));
      for (;;) {
        const batch = await listAlerts(this.store, { after, limit: BATCH });
        for (const a of batch) {
          const event = `id: ${a.seq}\nevent: alert\ndata: ${JSON.stringify(a)}\n\n`;
          for (const f of this.followers) {
            if (a.seq <= f.last) continue;
            f.res.write(event);
            f.last = a.seq;
          }
          after = a.seq;
        }
        if (batch.length < BATCH) break;
      }
    } catch (error) {
      this.log(error);
    } finally {
      this.busy = false;
    }
  }
}
