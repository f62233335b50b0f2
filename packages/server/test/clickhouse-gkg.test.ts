import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { buildApp } from '../src/api/app.ts';
import { main } from '../src/cli/main.ts';
import { ANY_STORE, importInto } from '../src/cli/staged-import.ts';
import { Syncer } from '../src/ingest/sync/syncer.ts';
import { importFile } from '../src/ingest/import-file.ts';
import type { ClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { openClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { copyGkgBatch } from '../src/store/clickhouse/gkg-batches.ts';
import { GKG_TABLES } from '../src/store/clickhouse/gkg-tables.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { startChdbServer, type ChdbServer } from './fixtures/chdb-server.ts';
import { startMirror } from './fixtures/gdelt-mirror.ts';
import { mirrorSyncOptions } from './fixtures/sync-options.ts';
import { zipSingle } from './fixtures/zip.ts';
import { captureContext, tempDir } from './helpers.ts';

/**
 * GKG files on ClickHouse (chdb behind the loopback endpoint) against the same files in DuckDB:
 * the same threat rows, the same answers from every threat endpoint; the same file twice adds
 * nothing; an import cut after each write step leaves nothing visible and the re-run is whole.
 */
const dir = tempDir('peacebell-chgkg-');
const CLOCK = () => new Date('2015-02-20T12:00:00Z');
const FILES = ['gkg/gkg.csv', 'gkg/gkgT.csv', 'gkg/gkg1.csv'];

let server: ChdbServer;
let duck: Store;
let ch: Store;
let apps: FastifyInstance[];
const url = (db: string) => `${server.url.replace('http', 'clickhouse')}/${db}`;

beforeAll(async () => {
  if (!hasData) return;
  server = await startChdbServer(join(dir, 'chdb'));
  duck = await openDuckDbStore(join(dir, 'ref.duckdb'));
  ch = await openClickHouseStore(url('gkg'));
  for (const file of FILES) {
    const a = await importInto(duck, dataFile(file), { clock: CLOCK });
    const b = await importInto(ch, dataFile(file), { clock: CLOCK });
    expect({ ...b, seconds: 0, batchId: 0 }, file).toEqual({ ...a, seconds: 0, batchId: 0 });
  }
  apps = await Promise.all(
    [duck, ch].map((store) =>
      buildApp({ store, clock: CLOCK, version: 't', logger: false, web: false, cache: { entries: 0 } }),
    ),
  );
}, 300_000);
afterAll(async () => {
  for (const open of [...(apps ?? []), duck, ch, server]) await open?.close();
});

/** The threat tables as readers see them: sums per key (a row per key and batch on ClickHouse). */
const VIEWS = {
  threat_day: sql`SELECT country, adm1, CAST(day AS VARCHAR) AS day, domain,
    sum(articles)::DOUBLE AS articles, sum(mentions)::DOUBLE AS mentions, sum(tone_n)::DOUBLE AS tone_n,
    round(sum(tone_sum), 6) AS tone_sum, sum(killed)::DOUBLE AS killed, sum(wounded)::DOUBLE AS wounded,
    sum(arrested)::DOUBLE AS arrested, sum(affected)::DOUBLE AS affected, sum(displaced)::DOUBLE AS displaced
    FROM threat_day GROUP BY country, adm1, day, domain ORDER BY country, adm1, day, domain`,
  threat_evidence: sql`SELECT country, adm1, CAST(day AS VARCHAR) AS day, domain, url, source, record_id,
    tone, mentions FROM threat_evidence ORDER BY country, adm1, day, domain, record_id, url`,
  gkg_unmapped_themes: sql`SELECT CAST(day AS VARCHAR) AS day, theme, sum(articles)::DOUBLE AS articles,
    sum(mentions)::DOUBLE AS mentions FROM gkg_unmapped_themes GROUP BY day, theme ORDER BY day, theme`,
  gkg_records: sql`SELECT record_id, CAST(day AS VARCHAR) AS day, source_file, themes, tone, domains
    FROM gkg_records ORDER BY record_id`,
  gkg_batches: sql`SELECT map_version, records::DOUBLE AS records, CAST(first_day AS VARCHAR) AS first_day,
    CAST(last_day AS VARCHAR) AS last_day FROM gkg_batches ORDER BY batch_id`,
  import_batches: sql`SELECT file_name, content_sha256, format, rows_read::DOUBLE AS rows_read,
    rows_inserted::DOUBLE AS rows_inserted, rows_rejected::DOUBLE AS rows_rejected FROM import_batches ORDER BY batch_id`,
  rejects: sql`SELECT line::DOUBLE AS line, field, reason FROM rejects ORDER BY line`,
};

async function snapshot(store: Store) {
  const out: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries(VIEWS)) out[name] = await store.query(query);
  return out;
}

const ENDPOINTS = [
  '/threats?grain=week&from=2015-02-09&to=2015-02-22',
  '/threats?grain=day&from=2015-02-16&to=2015-02-20&evidence=10',
  '/threats?country=RUS&grain=week&from=2015-02-16&to=2015-02-22',
  '/countries/RUS/threats?grain=day&from=2015-02-16&to=2015-02-22&evidence=5',
  '/countries/USA/threats?grain=month&from=2015-01-01&to=2020-07-31',
  '/countries/USA/threats',
  '/threats/countries?domain=armed_conflict&to=2015-02-22&days=7',
  '/threats/countries?domain=terrorism&to=2020-07-05&days=30',
  '/threats/unmapped?limit=5',
  '/threats/unmapped?from=2015-02-01&to=2015-02-28&limit=50',
  '/threats/map',
  '/indicators',
  '/indicators/threat_armed_conflict_share/countries?from=2015-02-16&to=2015-02-22',
  '/indicators/threat_terrorism_share/countries?from=2020-07-01&to=2020-07-05',
  '/hotspots?date=2015-02-18&threat=armed_conflict',
  '/hotspots?date=2015-02-18&threat=terrorism&unit=adm1',
];

describe.runIf(hasData)('GKG files on ClickHouse', () => {
  it('give the same threat rows, evidence, unmapped themes, raw records and batches as DuckDB', async () => {
    const a = await snapshot(duck);
    expect(a.threat_day?.length).toBeGreaterThan(100);
    expect(a.threat_evidence?.length).toBeGreaterThan(100);
    expect(await snapshot(ch)).toEqual(a);
  });

  it.each(ENDPOINTS)('GET %s answers as on DuckDB', async (path) => {
    const [a, b] = await Promise.all(apps.map((app) => app.inject({ url: `/api/v1${path}` })));
    expect(a?.statusCode, a?.body).toBe(200);
    expect(b?.statusCode, b?.body).toBe(200);
    expect(b?.body).toBe(a?.body);
  });

  it('peacebell threats prints the same from either store', async () => {
    const args = 'threats --country Russia --grain week --from 2015-02-16 --to 2015-02-22'.split(' ');
    const outputs: string[] = [];
    for (const store of [join(dir, 'ref.duckdb'), url('gkg')]) {
      const out = captureContext();
      expect(await main([...args, '--store', store, '--format', 'ndjson'], out.ctx)).toBe(0);
      outputs.push(out.stdout());
    }
    expect(outputs[0]).toContain('armed_conflict');
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('adds nothing when a file comes again', async () => {
    const before = await snapshot(ch);
    const again = await importInto(ch, dataFile(FILES[0] as string), { clock: CLOCK });
    expect(again.status).toBe('already imported');
    expect(await snapshot(ch)).toEqual(before);
  });

  it('sync --feeds events,gkg imports the GKG file into ClickHouse as into DuckDB; a rerun adds nothing', async () => {
    const gkg = '20260514083000.gkg.csv.zip';
    const mirror = await startMirror([
      { name: gkg, body: zipSingle('20260514083000.gkg.csv', readFileSync(dataFile('gkg/gkg.csv'))) },
    ]);
    const stores = [await openDuckDbStore(join(dir, 'sync.duckdb')), await openClickHouseStore(url('sync'))];
    try {
      const pictures = [];
      for (const store of stores) {
        const o = mirrorSyncOptions(
          mirror,
          { now: new Date('2026-05-15T00:00:00Z') },
          { feeds: ['export', 'gkg'], gkgRetentionDays: 100_000, writes: ANY_STORE },
        );
        const syncer = new Syncer(store, o);
        await syncer.listRange(new Date('2026-05-14T08:00:00Z'), new Date('2026-05-14T08:59:59Z'));
        expect(await syncer.runDue()).toMatchObject({ failed: 0 });
        expect(await syncer.runDue()).toMatchObject({ imported: 0, alreadyImported: 0 });
        const [file] = await store.query<{ state: string; rows_in: number }>(
          sql`SELECT state, rows_in::INTEGER AS rows_in FROM gdelt_files WHERE name = ${gkg}`,
        );
        expect(file).toEqual({ state: 'imported', rows_in: 100 });
        pictures.push(await snapshot(store));
      }
      expect(pictures[0]?.threat_day?.length).toBeGreaterThan(100);
      expect(pictures[1]).toEqual(pictures[0]);
    } finally {
      for (const store of stores) await store.close();
      await mirror.close();
    }
  }, 120_000);

  it('copy takes the GKG threat rows across as one batch; again adds nothing; a new GKG file, then copy: equal again', async () => {
    const src = join(dir, 'copy-src.duckdb');
    const importAll = async (files: string[]) => {
      const source = await openDuckDbStore(src);
      for (const file of files) await importInto(source, dataFile(file), { clock: CLOCK });
      await source.close();
    };
    const copy = async () => {
      const out = captureContext();
      expect(
        await main(['copy', '--from', src, '--to', url('copy'), '--format', 'json'], out.ctx),
        out.stderr(),
      ).toBe(0);
      return (JSON.parse(out.stdout()) as { file: string; status: string }[]).map(
        (r) => `${r.file}: ${r.status}`,
      );
    };
    // Both stores answer every threat endpoint alike; returns ClickHouse's threat tables.
    const same = async () => {
      const stores = [await openDuckDbStore(src), await openClickHouseStore(url('copy'))];
      try {
        const both = await Promise.all(
          stores.map((store) =>
            buildApp({ store, clock: CLOCK, version: 't', logger: false, web: false, cache: { entries: 0 } }),
          ),
        );
        for (const path of ENDPOINTS) {
          const [a, b] = await Promise.all(both.map((app) => app.inject({ url: `/api/v1${path}` })));
          expect(a?.statusCode, path).toBe(200);
          expect(b?.body, path).toBe(a?.body);
        }
        for (const app of both) await app.close();
        const [a, b] = await Promise.all(stores.map((store) => snapshot(store)));
        const sorted = (rows: unknown[] = []) => rows.map((r) => JSON.stringify(r)).sort();
        expect(sorted(b?.gkg_batches)).toEqual(sorted(a?.gkg_batches));
        for (const table of [
          'threat_day',
          'threat_evidence',
          'gkg_unmapped_themes',
          'gkg_records',
          'rejects',
        ])
          expect(b?.[table], table).toEqual(a?.[table]);
        return b;
      } finally {
        for (const store of stores) await store.close();
      }
    };
    await importAll(['gdelt2/export/20260514083000.export.CSV', 'gkg/gkg.csv', 'gkg/gkgT.csv']);
    expect(await copy()).toEqual([
      '20260514083000.export.CSV: imported',
      'gkg.csv: imported',
      'gkgT.csv: imported',
      'gkg-copy: imported',
    ]);
    const first = await same();
    expect(first?.threat_day?.length).toBeGreaterThan(100);
    expect(await copy()).toEqual([
      '20260514083000.export.CSV: already imported',
      'gkg.csv: already imported',
      'gkgT.csv: already imported',
    ]);
    expect(await same()).toEqual(first);
    await importAll(['gkg/gkg1.csv']);
    expect((await copy()).slice(-2)).toEqual(['gkg1.csv: imported', 'gkg-copy: imported']);
    await same();
    expect((await copy()).slice(-1)).toEqual(['gkg1.csv: already imported']);
  }, 300_000);

  it('leaves nothing visible when an import is cut after any write step; the re-run is whole', async () => {
    const cut = (await openClickHouseStore(url('cut'))) as ClickHouseStore;
    const stage = await openDuckDbStore(join(dir, 'stage.duckdb'));
    try {
      await importInto(cut, dataFile('gkg/gkgT.csv'), { clock: CLOCK });
      const before = await snapshot(cut);
      const read = await importFile(stage, dataFile('gkg/gkg.csv'), { clock: CLOCK, tmpDir: dir });
      const copy = (onStep?: () => void) =>
        copyGkgBatch(stage, cut, read.batchId ?? 0, { tmpDir: dir, now: CLOCK(), retentionDays: 7, onStep });
      // Five tables, then the rejects: each step is cut in turn.
      for (let k = 1; k <= GKG_TABLES.length + 1; k++) {
        let seen = 0;
        const interrupt = () => {
          if (++seen === k) throw new Error(`killed after step ${k}`);
        };
        await expect(copy(interrupt)).rejects.toThrow(`killed after step ${k}`);
        expect(await snapshot(cut), `cut after step ${k}`).toEqual(before);
      }
      expect((await copy()).status).toBe('imported');
      const whole = await openDuckDbStore(join(dir, 'whole.duckdb'));
      for (const file of ['gkg/gkgT.csv', 'gkg/gkg.csv'])
        await importInto(whole, dataFile(file), { clock: CLOCK });
      const expected = await snapshot(whole);
      await whole.close();
      expect(await snapshot(cut)).toEqual(expected);
      expect((await copy()).status).toBe('already imported');
    } finally {
      await stage.close();
      await cut.close();
    }
  }, 120_000);
});
