import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { threatSeries } from '../src/analytics/threats/index.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { recordThemes } from '../src/ingest/gkg/themes.ts';
import { parseGkg21 } from '../src/sources/gkg/index.ts';
import { ident, sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';
import { zipSingle } from './fixtures/zip.ts';

const dir = tempDir();
const n = async (store: Store, query: ReturnType<typeof sql>) =>
  (await store.query<{ n: number }>(query))[0]?.n ?? 0;
const count = (store: Store, table: string) =>
  n(store, sql`SELECT count(*)::INTEGER AS n FROM ${ident(table)}`);
const gkgLines = () =>
  readFileSync(dataFile('gkg/gkg.csv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

describe.runIf(hasData)('GKG import', () => {
  it('imports GKG 2.1, translingual and 1.0 graph files; raw records and rollups', async () => {
    const store = await freshStore(dir);
    const keep = { clock: CLOCK, gkgRetentionDays: 100_000 };
    const plain = await importFile(store, dataFile('gkg/gkg.csv'), keep);
    expect(plain).toMatchObject({ format: 'gdelt2-gkg', status: 'imported', inserted: 100, rejected: 0 });
    const translated = await importFile(store, dataFile('gkg/gkgT.csv'), keep);
    expect(translated).toMatchObject({ format: 'gdelt2-gkg', inserted: 100 });
    expect(
      await n(
        store,
        sql`SELECT count(*)::INTEGER AS n FROM gkg_records WHERE translation_info LIKE 'srclc:%'`,
      ),
    ).toBe(100);
    const graph = await importFile(store, dataFile('gkg/gkg1.csv'), keep);
    expect(await count(store, 'gkg_records')).toBe(295);
    expect(graph).toMatchObject({ format: 'gdelt1-gkg', inserted: 95 });
    // World coverage: every record once per day, whatever its places.
    const [world] = await store.query<{ articles: number }>(
      sql`SELECT sum(articles)::INTEGER AS articles FROM threat_day WHERE country = '' AND domain = ''`,
    );
    const numarts = readFileSync(dataFile('gkg/gkg1.csv'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .reduce((sum, l) => sum + Number(l.split('\t')[1]), 0);
    expect(world?.articles).toBe(200 + numarts);
    await store.close();
  });

  it('per-domain article counts equal the records whose themes map to the domain', async () => {
    const store = await freshStore(dir);
    await importFile(store, dataFile('gkg/gkg.csv'), { clock: CLOCK });
    // The file holds two days (50 records each): each day's counts against its own records.
    const expected = new Map<string, number>();
    for (const line of gkgLines()) {
      const record = parseGkg21(line);
      for (const d of ['', ...recordThemes(record).domains.keys()]) {
        const key = `${record.date.slice(0, 10)} ${d}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
    for (const day of ['2015-02-18', '2020-03-18']) {
      const s = await threatSeries(store, { grain: 'day', from: day, to: day });
      expect(s.coverage).toEqual([{ period: day, articles: expected.get(`${day} `) }]);
      for (const row of s.rows)
        expect([row.domain, row.articles]).toEqual([row.domain, expected.get(`${day} ${row.domain}`) ?? 0]);
    }
    const series = await threatSeries(store, { grain: 'day', from: '2015-02-18', to: '2015-02-18' });
    const terror = series.rows.find((r) => r.domain === 'terrorism');
    expect(terror?.share).toBeCloseTo((expected.get('2015-02-18 terrorism') ?? 0) / 50, 9);
    // Russia: the ARREST count of 400 in Orenburg (RS55) is Russia's, whatever country code the record wrote.
    const rus = await threatSeries(store, {
      country: 'RUS',
      grain: 'day',
      from: '2015-02-18',
      to: '2015-02-18',
    });
    expect(rus.rows.find((r) => r.domain === 'terrorism')?.arrested).toBeGreaterThanOrEqual(400);
    const region = await threatSeries(store, {
      country: 'RUS',
      adm1: 'RS55',
      grain: 'day',
      from: '2015-02-18',
      to: '2015-02-18',
    });
    expect(region.coverage[0]?.articles).toBeGreaterThanOrEqual(1);
    const perKey = await n(
      store,
      sql`SELECT max(c)::INTEGER AS n FROM (SELECT count(*) AS c FROM threat_evidence GROUP BY country, adm1, day, domain)`,
    );
    expect(perKey).toBeLessThanOrEqual(10);
    expect(
      await n(store, sql`SELECT count(DISTINCT theme)::INTEGER AS n FROM gkg_unmapped_themes`),
    ).toBeGreaterThan(0);
    await store.close();
  });

  it('sets bad records aside with file, line, field and reason; the rest goes in', async () => {
    const good = gkgLines().slice(0, 5);
    const f = (i: number) => (good[i] ?? '').split('\t');
    const badDate = f(1)
      .map((v, i) => (i === 1 ? '20150231230000' : v))
      .join('\t');
    const badLocation = f(2)
      .map((v, i) => (i === 9 ? '4#Paris#FR#FR00#48.8' : v))
      .join('\t');
    const badLatitude = f(3)
      .map((v, i) => (i === 10 ? '1#France#FR#FR##north#2#FR#10' : v))
      .join('\t');
    const file = join(dir, 'bad.gkg.csv');
    writeFileSync(
      file,
      [good[0], badDate, badLocation, 'too\tfew\tcolumns', badLatitude, good[4]].join('\n') + '\n',
    );
    const store = await freshStore(dir);
    const result = await importFile(store, file, { clock: CLOCK });
    expect(result).toMatchObject({ inserted: 2, rejected: 4, rowsRead: 6 });
    const rejects = await store.query<{
      line: number;
      field: string | null;
      reason: string;
      file_name: string;
    }>(sql`SELECT line::INTEGER AS line, field, reason, file_name FROM rejects ORDER BY line`);
    expect(rejects.map((r) => [r.line, r.field])).toEqual([
      [2, 'V2.1DATE'],
      [3, 'V1LOCATIONS'],
      [4, null],
      [5, 'V2ENHANCEDLOCATIONS'],
    ]);
    expect(rejects[0]?.reason).toMatch(/not a date/);
    expect(rejects[1]?.reason).toMatch(/5 '#' fields, expected 7/);
    expect(rejects[2]?.reason).toMatch(/3 tab-separated columns, expected 27/);
    expect(rejects[3]?.reason).toMatch(/latitude "north"/);
    expect(rejects.every((r) => r.file_name === file)).toBe(true);
    await store.close();
  });

  it('the same content again, plain or zipped, adds nothing', async () => {
    const store = await freshStore(dir);
    await importFile(store, dataFile('gkg/gkg.csv'), { clock: CLOCK, gkgRetentionDays: 100_000 });
    const before = await store.query(sql`SELECT * FROM threat_day ORDER BY ALL`);
    const zip = join(dir, '20150218230000.gkg.csv.zip');
    writeFileSync(zip, zipSingle('20150218230000.gkg.csv', readFileSync(dataFile('gkg/gkg.csv'))));
    for (const file of [dataFile('gkg/gkg.csv'), zip]) {
      const again = await importFile(store, file, { clock: CLOCK });
      expect(again.status).toBe('already imported');
    }
    expect(await store.query(sql`SELECT * FROM threat_day ORDER BY ALL`)).toEqual(before);
    expect(await count(store, 'gkg_records')).toBe(100);
    await store.close();
  });

  it('a failure inside the import leaves nothing behind', async () => {
    const store = await freshStore(dir);
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'insert') {
          return async (table: string, rows: readonly Record<string, unknown>[]) => {
            if (table === 'gkg_batches') throw new Error('disk full');
            return target.insert(table, rows);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    await expect(importFile(failing, dataFile('gkg/gkg.csv'), { clock: CLOCK })).rejects.toThrow(/disk full/);
    for (const table of [
      'gkg_records',
      'threat_day',
      'threat_evidence',
      'gkg_unmapped_themes',
      'import_batches',
    ]) {
      expect([table, await count(store, table)]).toEqual([table, 0]);
    }
    const retry = await importFile(store, dataFile('gkg/gkg.csv'), { clock: CLOCK });
    expect(retry).toMatchObject({ status: 'imported', inserted: 100 });
    await store.close();
  });

  it('keeps raw records only for the retention window; the rollups stay', async () => {
    const store = await freshStore(dir);
    await importFile(store, dataFile('gkg/gkg.csv'), { clock: CLOCK, gkgRetentionDays: 7 });
    // Seven days back from the newest record (2020-03-18), not from the clock.
    expect(await count(store, 'gkg_records')).toBe(50);
    expect(
      await n(store, sql`SELECT count(*)::INTEGER AS n FROM gkg_records WHERE day = DATE '2020-03-18'`),
    ).toBe(50);
    expect(
      await n(store, sql`SELECT count(*)::INTEGER AS n FROM threat_day WHERE day = DATE '2015-02-18'`),
    ).toBeGreaterThan(0);
    await store.close();
  });
});
