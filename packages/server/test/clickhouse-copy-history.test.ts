import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { main } from '../src/cli/main.ts';
import { deleteFrom } from '../src/cli/staged-import.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { openClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { startChdbServer, type ChdbServer } from './fixtures/chdb-server.ts';
import { revisedExport } from './fixtures/revised-export.ts';
import { captureContext, CLOCK, tempDir } from './helpers.ts';

/**
 * `peacebell copy` takes the version history along: a DuckDB store where a real GDELT event was
 * revised and real ACLED events deleted, copied into ClickHouse (chdb behind the loopback
 * endpoint), has the same old versions, each under the batch that replaced it and the batch it
 * came from; a second copy adds nothing.
 */
const dir = tempDir('peacebell-chhistory-');
let server: ChdbServer;

beforeAll(async () => {
  if (hasData) server = await startChdbServer(join(dir, 'chdb'));
});
afterAll(async () => server?.close());

/** The history, named by files rather than batch ids (which differ between the stores). */
const history = (store: Store) =>
  store.query(sql`SELECT v.id, CAST(v.content_hash AS VARCHAR) AS hash, v.superseded_reason AS reason,
      ${store.dialect.formatDate(sql`v.superseded_at`, 'time')} AS at, b.file_name AS by_file, o.file_name AS from_file
    FROM event_versions v LEFT JOIN import_batches b ON b.batch_id = v.superseded_by_batch
      LEFT JOIN import_batches o ON o.batch_id = v.batch_id
    ORDER BY v.id, reason`);

describe.runIf(hasData)('copy with the version history', () => {
  it('copies old versions of revised and deleted events under the batches that replaced them', async () => {
    const db = join(dir, 'source.duckdb');
    const duck = await openDuckDbStore(db);
    let expected: unknown[];
    try {
      const { first, second } = revisedExport(dir);
      await importFile(duck, first, { clock: CLOCK });
      expect(await importFile(duck, second, { clock: CLOCK })).toMatchObject({ replaced: 1 });
      await importFile(duck, dataFile('acled/acled-current-layout-2-rows.csv'), { clock: CLOCK });
      const acled = await duck.query<{ id: string }>(sql`SELECT id FROM events WHERE source = 'acled'`);
      const ids = acled.map((r) => r.id);
      expect(await deleteFrom(duck, ids, 'deleted upstream', CLOCK())).toBe(2);
      expected = await history(duck);
      expect(expected).toHaveLength(3);
    } finally {
      await duck.close();
    }
    const url = `${server.url.replace('http', 'clickhouse')}/history`;
    for (const round of [1, 2]) {
      const io = captureContext();
      expect(await main(['copy', '--from', db, '--to', url, '--format', 'json'], io.ctx), io.stderr()).toBe(
        0,
      );
      const ch = await openClickHouseStore(url);
      try {
        expect(await history(ch), `copy ${round}`).toEqual(expected);
      } finally {
        await ch.close();
      }
    }
  }, 300_000);
});
