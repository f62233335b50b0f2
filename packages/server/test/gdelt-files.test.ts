import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, hasData } from '../../../test/shared-data.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { unzipSingle } from '../src/sources/util/unzip.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const dir = tempDir();
const list = (sub: string, pattern: RegExp) =>
  readdirSync(join(DATA_DIR, sub))
    .filter((f) => pattern.test(f))
    .map((f) => join(DATA_DIR, sub, f));

async function dataLines(file: string): Promise<string[]> {
  let path = file;
  if (file.endsWith('.zip')) {
    path = join(dir, `lines-${Math.random().toString(36).slice(2)}.csv`);
    await unzipSingle(file, path);
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.length > 0);
}

async function importAll(store: Store, files: string[]) {
  for (const file of files) {
    const lines = await dataLines(file);
    const result = await importFile(store, file, { clock: CLOCK });
    expect(result, file).toMatchObject({ status: 'imported', rowsRead: lines.length, rejected: 0 });
    expect(result.inserted + result.duplicates, file).toBe(lines.length);
  }
}

describe.runIf(hasData)('every real GDELT file imports whole', () => {
  it('GDELT 2.0 exports and excerpts, plain', async () => {
    const store = await freshStore(dir);
    await importAll(store, [
      ...list('gdelt2/export', /\.CSV$/),
      ...list('gdelt2/excerpts', /^events/),
      ...list('gdelt2/excerpts', /^mentions/),
    ]);
    await store.close();
  });

  it('GDELT 2.0 exports as GDELT ships them (zip), and all 96 mentions files of a day', async () => {
    const store = await freshStore(dir);
    const mentions = list('gdelt2/mentions', /\.zip$/);
    expect(mentions).toHaveLength(96);
    await importAll(store, [...list('gdelt2/export', /\.zip$/), ...mentions]);
    const distinct = new Set<string>();
    let total = 0;
    for (const file of mentions) {
      for (const line of await dataLines(file)) {
        distinct.add(line);
        total++;
      }
    }
    expect(total).toBe(346_952);
    const [m] = await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM gdelt_mentions`);
    // GDELT repeats a few mention rows verbatim; the store keeps each once
    expect(m?.n).toBe(distinct.size);
    expect(distinct.size).toBeLessThan(total);
    await store.close();
  });

  it('GDELT 1.0 files with 57 and 58 columns, both in one file', async () => {
    const store = await freshStore(dir);
    await importAll(store, list('gdelt1', /\.csv$/));
    const urls = await store.query<{ layout: string; n: number }>(sql`
      SELECT CASE WHEN source_url IS NULL THEN '57' ELSE '58' END AS layout, count(*)::INTEGER AS n
      FROM events GROUP BY 1 ORDER BY 1`);
    expect(urls.map((r) => r.layout)).toEqual(['57', '58']);
    await store.close();
  });
});

describe.runIf(hasData)('field values match the raw text', () => {
  it('for every row of a real export', async () => {
    const file = join(DATA_DIR, 'gdelt2/export/20260514083000.export.CSV');
    const store = await freshStore(dir);
    await importFile(store, file, { clock: CLOCK });
    const rows = await store.query<Record<string, string | number | null>>(sql`
      SELECT source_record_id, strftime(event_date, '%Y%m%d') AS sqldate, event_code, event_base_code,
             event_root_code, quad_class, goldstein, num_mentions, avg_tone, action_geo_type,
             action_geo_lat, action_geo_lon, action_geo_adm1, action_geo_country, source_url,
             strftime(date_added, '%Y%m%d%H%M%S') AS dateadded, fatalities_best, notes
      FROM events`);
    const raw = new Map((await dataLines(file)).map((l) => [l.split('\t')[0], l.split('\t')]));
    expect(rows).toHaveLength(raw.size);
    const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
    for (const row of rows) {
      const c = raw.get(String(row.source_record_id)) as string[];
      const at = (i: number) => c[i - 1];
      expect(row.sqldate).toBe(at(2));
      expect(row.event_code).toBe(at(27));
      expect(row.event_base_code).toBe(at(28));
      expect(row.event_root_code).toBe(at(29));
      expect(row.event_code).toMatch(/^\d{3,4}$/);
      expect(row.quad_class).toBe(num(at(30)));
      expect(row.goldstein).toBe(num(at(31)));
      expect(row.num_mentions).toBe(num(at(32)));
      expect(row.avg_tone).toBeCloseTo(num(at(35)) as number, 10);
      expect(row.action_geo_type).toBe(num(at(52)));
      const hasGeo = Number(at(52)) > 0;
      expect(row.action_geo_lat).toBe(hasGeo ? num(at(57)) : null);
      expect(row.action_geo_lon).toBe(hasGeo ? num(at(58)) : null);
      expect(row.action_geo_adm1).toBe(at(55) || null);
      expect(row.source_url).toBe(at(61));
      expect(row.dateadded).toBe(at(60));
      expect(row.fatalities_best).toBeNull();
      expect(row.notes).toBeNull();
    }
    const noGeo = rows.filter((r) => r.action_geo_type === 0);
    expect(noGeo.length).toBeGreaterThan(0);
    expect(noGeo.every((r) => r.action_geo_lat === null && r.action_geo_lon === null)).toBe(true);
    const irish = rows.find((r) => r.source_record_id === '1304031007');
    expect(irish).toMatchObject({ event_code: '043', action_geo_country: 'IRL', action_geo_lat: 53.3667 });
    await store.close();
  });
});
