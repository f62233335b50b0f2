import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { completeness } from './completeness.ts';
import type { Syncer, SyncOptions } from './syncer.ts';

export interface FollowOptions {
  pollMs: number;
  /** On a store that has never synced, first fetch this many hours back. */
  backfillHours: number;
  /** How often, at most, the master list is read again to fill gaps that upstream has since filled. */
  gapScanMs: number;
  /** Waits ms, or less if the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const HOUR = 3_600_000;

/** True when a wanted slot of the retry window (but the last half hour) is not imported yet. */
async function hasGaps(store: Store, o: SyncOptions, now: Date): Promise<boolean> {
  const from = new Date(now.getTime() - o.missingRetryHours * HOUR);
  const until = new Date(now.getTime() - HOUR / 2).toISOString().slice(11, 16);
  const days = await completeness(
    store,
    from.toISOString().slice(0, 10),
    now.toISOString().slice(0, 10),
    o.feeds,
    false,
  );
  const first = from.toISOString().slice(11, 16);
  const today = now.toISOString().slice(0, 10);
  const firstDay = from.toISOString().slice(0, 10);
  return days.some((d) =>
    d.gaps.some((hhmm) => (d.day !== firstDay || hhmm >= first) && (d.day !== today || hhmm <= until)),
  );
}

/**
 * Follows GDELT: every poll reads lastupdate.txt and imports what is new or due again; from
 * time to time, while slots are missing, reads the master list again for files published late.
 * Returns when the signal aborts, after the file in hand is finished.
 */
export async function follow(store: Store, syncer: Syncer, o: SyncOptions & FollowOptions): Promise<void> {
  const [known] = await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM gdelt_files`);
  let lastGapScan = o.clock().getTime();
  if (!known?.n && o.backfillHours > 0) {
    const now = o.clock();
    o.log(`first start: backfilling the last ${o.backfillHours} h`);
    await guard(o, () => syncer.listRange(new Date(now.getTime() - o.backfillHours * HOUR), now));
  }
  while (!o.signal?.aborted) {
    await guard(o, async () => {
      await syncer.listLatest();
      const now = o.clock();
      if (now.getTime() - lastGapScan >= o.gapScanMs && (await hasGaps(store, o, now))) {
        lastGapScan = now.getTime();
        await syncer.listRange(new Date(now.getTime() - o.missingRetryHours * HOUR), now);
      }
      await syncer.runDue();
    });
    if (!o.signal?.aborted) await o.sleep(o.pollMs, o.signal);
  }
}

/** A network or upstream failure is logged and the loop goes on; a store failure ends it. */
async function guard(o: SyncOptions, fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    if ((error as Error).name === 'QueryError') throw error;
    o.log(`sync: ${(error as Error).message}`);
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
