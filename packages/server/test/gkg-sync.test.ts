import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { completeness } from '../src/ingest/sync/completeness.ts';
import { Syncer, type SyncOptions } from '../src/ingest/sync/syncer.ts';
import { sql } from '../src/store/sql.ts';
import { startMirror, type Mirror } from './fixtures/gdelt-mirror.ts';
import { mirrorSyncOptions } from './fixtures/sync-options.ts';
import { zipSingle } from './fixtures/zip.ts';
import { freshStore, tempDir } from './helpers.ts';

const dir = tempDir();
const GKG = '20260514083000.gkg.csv.zip';

const options = (mirror: Mirror, extra: Partial<SyncOptions> = {}) =>
  mirrorSyncOptions(
    mirror,
    { now: new Date('2026-05-15T00:00:00Z') },
    {
      feeds: ['export', 'gkg'],
      concurrency: 2,
      gkgRetentionDays: 100_000,
      ...extra,
    },
  );

describe.runIf(hasData)('GKG through the GDELT sync (sync --feeds events,gkg)', () => {
  let mirror: Mirror;
  beforeAll(async () => {
    const body = zipSingle('20260514083000.gkg.csv', readFileSync(dataFile('gkg/gkg.csv')));
    mirror = await startMirror([{ name: GKG, body }]);
  });
  afterAll(() => mirror.close());

  it('lists, verifies and imports the gkg file beside the exports; a rerun and a crash-resume add nothing', async () => {
    const store = await freshStore(dir);
    const o = options(mirror);
    const syncer = new Syncer(store, o);
    await syncer.listRange(new Date('2026-05-14T00:00:00Z'), new Date('2026-05-14T23:59:59Z'));
    const first = await syncer.runDue();
    expect(first).toMatchObject({ imported: 3, failed: 0, missing: 0 });
    expect(o.lines.some((l) => l.startsWith(`${GKG} `) && / 100 rows /.test(l))).toBe(true);
    const [state] = await store.query<{ state: string; feed: string; rows_in: number }>(
      sql`SELECT state, feed, rows_in::INTEGER AS rows_in FROM gdelt_files WHERE name = ${GKG}`,
    );
    expect(state).toEqual({ state: 'imported', feed: 'gkg', rows_in: 100 });
    const [records] = await store.query<{ n: number; file: string }>(
      sql`SELECT count(*)::INTEGER AS n, any_value(source_file) AS file FROM gkg_records`,
    );
    expect(records).toEqual({ n: 100, file: '20260514083000.gkg.csv.zip' });
    const [day] = await completeness(store, '2026-05-14', '2026-05-14', ['gkg']);
    expect(day).toMatchObject({ feed: 'gkg', imported: 1 });

    expect(await syncer.runDue()).toMatchObject({ imported: 0, alreadyImported: 0 });
    // A crash after the import's commit but before the state update: the rerun finds the content.
    await store.exec(sql`UPDATE gdelt_files SET state = 'listed' WHERE name = ${GKG}`);
    const resumed = await syncer.runDue();
    expect(resumed).toMatchObject({ imported: 0, alreadyImported: 1 });
    expect(
      (await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM gkg_records`))[0]?.n,
    ).toBe(100);
    await store.close();
  });

  it('a corrupt gkg download is retried, never imported', async () => {
    const store = await freshStore(dir);
    const syncer = new Syncer(store, options(mirror, { feeds: ['gkg'] }));
    mirror.fault(GKG, { corrupt: true });
    await syncer.listRange(new Date('2026-05-14T00:00:00Z'), new Date('2026-05-14T23:59:59Z'));
    expect(await syncer.runDue()).toMatchObject({ imported: 0, failed: 1 });
    expect(
      (await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM gkg_records`))[0]?.n,
    ).toBe(0);
    mirror.fault(GKG, {});
    await store.close();
  });
});
