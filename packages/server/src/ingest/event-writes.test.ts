import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store.ts';
import { oneAtATime, type EventWrites } from './event-writes.ts';
import type { FileSummary } from './import-file.ts';

describe('oneAtATime', () => {
  it('starts a write only when the one before has ended, failed or not', async () => {
    const log: string[] = [];
    const slow = (name: string, fail = false) =>
      new Promise<void>((resolve, reject) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve();
        }, 10);
      });
    const writes: EventWrites = {
      importFile: async (_store, file) => {
        await slow(file, file === 'bad');
        return { file } as FileSummary;
      },
      deleteEvents: async (_store, ids) => {
        await slow(ids.join());
        return ids.length;
      },
    };
    const one = oneAtATime(writes);
    const store = {} as Store;
    const results = await Promise.allSettled([
      one.importFile(store, 'a', {}),
      one.importFile(store, 'bad', {}),
      one.deleteEvents(store, ['x'], 'gone', new Date(0)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start bad', 'end bad', 'start x', 'end x']);
  });
});
