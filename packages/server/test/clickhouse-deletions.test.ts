import { describe, expect, it } from 'vitest';
import { hasData } from '../../../test/shared-data.ts';
import { storeTokens, syncAcled } from '../src/ingest/api-sync.ts';
import { ANY_STORE, deleteFrom } from '../src/cli/staged-import.ts';
import { AcledClient } from '../src/sources/acled/client.ts';
import { ROLLUPS, rollupColumns } from '../src/store/rollups.ts';
import { ident, join as joinSql, sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { acledApiRows, startAcledServer } from './fixtures/api-servers.ts';
import { pairedStores } from './fixtures/paired-stores.ts';
import { tempDir } from './helpers.ts';

/**
 * ACLED's API on ClickHouse (chdb behind the loopback endpoint) as on DuckDB, from the same
 * loopback ACLED server over real ACLED rows: pages imported, a revision replacing its event, a
 * deleted event removed as one committed batch (tombstone, history, rollups); and a deletion cut
 * after any of its writes changes nothing visible, and is made whole by the next.
 */
const dir = tempDir('peacebell-chdel-');
const USER = { username: 'analyst@example.org', password: 's3cret' };
const clock = () => new Date('2026-05-01T00:00:00Z');
const stores = pairedStores(dir);

/**
 * What readers see: events, their history, the batches, every rollup summed per key. Batch ids
 * only `byId`: a cut write on ClickHouse uses up its batch id, as a rolled-back sequence does.
 */
async function visible(store: Store, byId = true) {
  const id = (column: string) => (byId ? ident(column) : sql`0`);
  const d = store.dialect;
  const rollups: Record<string, unknown> = {};
  for (const spec of ROLLUPS) {
    const keys = joinSql(
      rollupColumns(spec)
        .filter((c) => c.key)
        .map((c) => ident(c.column)),
    );
    rollups[spec.table] = await store.query(sql`SELECT ${keys}, CAST(sum(events) AS INTEGER) AS events,
        CAST(sum(fat_best) AS INTEGER) AS fat_best
      FROM ${ident(spec.table)} GROUP BY ${keys} HAVING sum(events) <> 0 ORDER BY ${keys}`);
  }
  return {
    events: await store.query(
      sql`SELECT id, CAST(content_hash AS VARCHAR) AS hash, fatalities_best FROM events ORDER BY id`,
    ),
    versions:
      await store.query(sql`SELECT id, ${id('superseded_by_batch')} AS batch, superseded_reason AS reason,
        ${d.formatDate(sql`superseded_at`, 'time')} AS at FROM event_versions ORDER BY id, reason`),
    batches: await store.query(sql`SELECT ${id('batch_id')} AS batch_id, file_path, format,
        CAST(rows_read AS INTEGER) AS rows_read, CAST(rows_inserted AS INTEGER) AS rows_inserted,
        CAST(replaced AS INTEGER) AS replaced
      FROM import_batches ORDER BY batch_id`),
    rollups,
  };
}

describe.runIf(hasData)('ACLED sync and deletions on ClickHouse', () => {
  it('syncs pages, replaces a revision, deletes an event in one batch: as on DuckDB', async () => {
    const { duck, ch } = stores;
    const rows = acledApiRows();
    const acled = await startAcledServer(rows);
    try {
      const results: unknown[][] = [[], []];
      for (const [i, store] of [duck, ch].entries()) {
        acled.state.deleted.length = 0;
        const client = new AcledClient({
          baseUrl: acled.url,
          credentials: USER,
          tokens: storeTokens(store, clock),
          clock,
          pageSize: 1000,
        });
        const sync = (since?: number) =>
          syncAcled(store, client, {
            ...(since === undefined ? {} : { since }),
            clock,
            log: () => {},
            writes: ANY_STORE,
          });
        const first = await sync(0);
        // ACLED revises one event and deletes another.
        const revised = { ...rows[0] } as Record<string, string | number | null>;
        const saved = rows[0];
        rows[0] = { ...revised, fatalities: 5, timestamp: Number(first.cursor) + 10 };
        acled.state.deleted.push({
          event_id_cnty: String(rows[1]?.event_id_cnty),
          deleted_timestamp: Number(first.cursor) + 20,
        });
        const second = await sync();
        const third = await sync();
        if (saved) rows[0] = saved;
        results[i]?.push(first, second, third, await visible(store));
      }
      const [onDuck, onCh] = results as [unknown[], unknown[]];
      expect(onDuck[1]).toMatchObject({ replaced: 1, deleted: 1 });
      expect(onDuck[2]).toMatchObject({ deleted: 0 });
      expect(onCh).toEqual(onDuck);
    } finally {
      await acled.close();
    }
  }, 300_000);

  it('a deletion cut after any of its writes leaves nothing visible; the next one is whole', async () => {
    const { duck, ch } = stores;
    const ids = (await duck.query<{ id: string }>(sql`SELECT id FROM events ORDER BY id LIMIT 20`)).map(
      (r) => r.id,
    );
    const now = new Date('2026-05-02T00:00:00Z');
    expect(await deleteFrom(duck, ids, 'deleted upstream', now)).toBe(20);
    const expected = await visible(duck, false);
    const before = await visible(ch, false);
    for (const allowed of [0, 1, 2, 5]) {
      const exec = ch.exec.bind(ch);
      let writes = 0;
      ch.exec = async (query) => {
        if (writes++ >= allowed) throw new Error('killed');
        await exec(query);
      };
      await expect(deleteFrom(ch, ids, 'deleted upstream', now)).rejects.toThrow(/killed/);
      ch.exec = exec;
      expect(await visible(ch, false), `cut after ${allowed} writes`).toEqual(before);
    }
    expect(await deleteFrom(ch, ids, 'deleted upstream', now)).toBe(20);
    expect(await visible(ch, false)).toEqual(expected);
    // Readers take the last day from the newest batch record: the deletion's notes it.
    const [noted] = await ch.query(
      sql`SELECT toString(last_day) AS day FROM import_batches ORDER BY batch_id DESC LIMIT 1`,
    );
    expect(noted).toEqual(
      await ch.query(sql`SELECT toString(max(day)) AS day FROM rollup_country_day`).then((r) => r[0]),
    );
    expect(await deleteFrom(ch, ids, 'deleted upstream', now)).toBe(0);
  }, 300_000);
});
