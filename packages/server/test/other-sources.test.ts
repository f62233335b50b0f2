import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { decodeWindows1252 } from '../src/sources/util/cp1252.ts';
import { sql } from '../src/store/sql.ts';
import { parseCsv } from './csv.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const dir = tempDir();

interface Case {
  file: string;
  source: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  /** Lines before the header, and rows after it that are not records (HXL). */
  preamble: number;
  extraRows: number;
  id: string;
  fatalities?: string;
}

const CASES: Case[] = [
  {
    file: 'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
    source: 'acled',
    encoding: 'windows-1252',
    delimiter: ',',
    preamble: 0,
    extraRows: 0,
    id: 'EVENT_ID_CNTY',
    fatalities: 'FATALITIES',
  },
  {
    file: 'acled/acled-current-layout-2-rows.csv',
    source: 'acled',
    encoding: 'utf-8',
    delimiter: ',',
    preamble: 2,
    extraRows: 0,
    id: 'event_id_cnty',
    fatalities: 'fatalities',
  },
  {
    file: 'ucdp/ged191-myanmar-bangladesh.csv',
    source: 'ucdp',
    encoding: 'utf-8',
    delimiter: ',',
    preamble: 0,
    extraRows: 0,
    id: 'id',
    fatalities: 'best',
  },
  {
    file: 'ucdp/hdx-processed-conflict_data_BGD.csv',
    source: 'ucdp',
    encoding: 'utf-8',
    delimiter: ',',
    preamble: 0,
    extraRows: 1,
    id: 'id',
    fatalities: 'best',
  },
  {
    file: 'icews/icews-brazil-2013-except-june.tab',
    source: 'icews',
    encoding: 'utf-8',
    delimiter: '\t',
    preamble: 0,
    extraRows: 0,
    id: 'Event ID',
  },
];

/** The file's own records, read independently of the importer. */
function records(c: Case) {
  const text =
    c.encoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(readFileSync(dataFile(c.file)))
      : decodeWindows1252(readFileSync(dataFile(c.file)));
  const lines = text.split('\n');
  const body = lines.slice(c.preamble).join('\n');
  const rows =
    c.delimiter === '\t'
      ? body.split('\n').map((l) => l.replace(/\r$/, '').split('\t'))
      : parseCsv(body, c.delimiter);
  const [header, ...rest] = rows as [string[], ...string[][]];
  const data = rest.slice(c.extraRows).filter((r) => r.some((v) => v !== ''));
  const col = (name: string) => header.indexOf(name);
  return { header, data, col };
}

describe.runIf(hasData)('ACLED, UCDP and ICEWS files import whole', () => {
  for (const c of CASES) {
    it(c.file, async () => {
      const { data, col } = records(c);
      const store = await freshStore(dir);
      const result = await importFile(store, dataFile(c.file), { clock: CLOCK });
      expect(result).toMatchObject({
        status: 'imported',
        rowsRead: data.length,
        rejected: 0,
        inserted: data.length,
      });

      const [stats] = await store.query<{
        n: number;
        unresolved: number;
        fatalities: number | null;
        ids: number;
      }>(sql`
        SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE action_geo_country IS NULL)::INTEGER AS unresolved,
               sum(fatalities_best)::INTEGER AS fatalities, count(DISTINCT source_record_id)::INTEGER AS ids
        FROM events WHERE source = ${c.source}`);
      expect(stats?.n).toBe(data.length);
      expect(stats?.unresolved, 'every country resolved').toBe(0);
      expect(stats?.ids).toBe(new Set(data.map((r) => r[col(c.id)])).size);
      if (c.fatalities) {
        const own = data.reduce((sum, r) => sum + Number(r[col(c.fatalities as string)] || 0), 0);
        expect(stats?.fatalities).toBe(own);
      }
      const mojibake = await store.query(sql`
        SELECT id FROM events WHERE regexp_matches(coalesce(notes, '') || coalesce(actor1_name, '') || coalesce(action_geo_name, ''),
          '(â€|Ã.|\uFFFD|[\u0080-\u009F])')`);
      expect(mojibake).toEqual([]);
      const uncategorised = await store.query(
        sql`SELECT id FROM events WHERE category = 'other' AND source = 'ucdp'`,
      );
      expect(uncategorised).toEqual([]);
      await store.close();
    });
  }

  it('keeps the typographic apostrophes of the 2016 ACLED notes', async () => {
    const store = await freshStore(dir);
    await importFile(store, dataFile(CASES[0]?.file as string), { clock: CLOCK });
    const [row] = await store.query<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM events WHERE contains(notes, '’') OR contains(actor1_name, '’')`,
    );
    const raw = decodeWindows1252(readFileSync(dataFile(CASES[0]?.file as string)));
    expect(raw.includes('’')).toBe(true);
    expect(row?.n).toBeGreaterThan(0);
    await store.close();
  });

  it('maps each source to the canonical typology, keeping its own codes', async () => {
    const store = await freshStore(dir);
    for (const c of CASES.slice(0, 3)) await importFile(store, dataFile(c.file), { clock: CLOCK });
    await importFile(store, dataFile(CASES[4]?.file as string), { clock: CLOCK });
    const rows = await store.query<{ source: string; source_event_type: string; category: string }>(sql`
      SELECT DISTINCT source, source_event_type, category FROM events ORDER BY ALL`);
    const pick = (source: string, type: string) =>
      rows.find((r) => r.source === source && r.source_event_type === type)?.category;
    expect(pick('acled', 'Battle-No change of territory')).toBe('armed_clash');
    expect(pick('acled', 'Remote violence')).toBe('remote_violence');
    expect(pick('acled', 'Riots/Protests')).toBe('protest');
    expect(pick('acled', 'Protests')).toBe('protest');
    expect(pick('acled', 'Strategic developments')).toBe('violence_against_civilians'); // looting
    expect(pick('ucdp', '3')).toBe('violence_against_civilians');
    expect(pick('ucdp', '1')).toBe('armed_clash');
    expect(pick('icews', 'Make statement')).toBe('statement');
    await store.close();
  });
});

describe.runIf(hasData)('bad rows in quoted, multi-line files', () => {
  it('are set aside with the physical line a person opens, the rest go in', async () => {
    const text = readFileSync(dataFile('ucdp/ged191-myanmar-bangladesh.csv'), 'utf8');
    const rows = parseCsv(text);
    const header = rows[0] as string[];
    const best = header.indexOf('best');
    const country = header.indexOf('country_id');
    const quote = (f: string) => (/[",\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
    // records 100 and 2000 broken: a non-numeric death count and an unknown Gleditsch-Ward number
    const broken = rows.map((r, i) => {
      if (i === 100) return r.map((v, j) => (j === best ? 'many' : v));
      if (i === 2000) return r.map((v, j) => (j === country ? '999' : v));
      return r;
    });
    const lines = broken.map((r) => r.map(quote).join(','));
    const file = join(dir, 'ged-broken.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const startLine = (record: number) => lines.slice(0, record).join('\n').split('\n').length + 1;

    const store = await freshStore(dir);
    const result = await importFile(store, file, { clock: CLOCK });
    expect(result).toMatchObject({ rowsRead: rows.length - 1, rejected: 2, inserted: rows.length - 3 });
    const rejects = await store.query<{ line: number; field: string }>(
      sql`SELECT line::INTEGER AS line, field FROM rejects ORDER BY line`,
    );
    expect(startLine(2000)).toBeGreaterThan(2001); // the file has multi-line fields before record 2000
    expect(rejects).toEqual([
      { line: startLine(100), field: 'best' },
      { line: startLine(2000), field: 'country_id' },
    ]);
    await store.close();
  });
});

describe.runIf(hasData)('the same events in another layout', () => {
  it("are duplicates, not new versions (HDX's republished UCDP events)", async () => {
    const store = await freshStore(dir);
    await importFile(store, dataFile('ucdp/ged191-myanmar-bangladesh.csv'), { clock: CLOCK });
    const hdx = await importFile(store, dataFile('ucdp/hdx-processed-conflict_data_BGD.csv'), {
      clock: CLOCK,
    });
    expect(hdx.rowsRead).toBeGreaterThan(0);
    expect(hdx).toMatchObject({ inserted: 0, replaced: 0, duplicates: hdx.rowsRead });
    const [versions] = await store.query<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM event_versions`,
    );
    expect(versions?.n).toBe(0);
    await store.close();
  });
});

describe.runIf(hasData)('a revised ACLED event', () => {
  it('replaces the stored one, which is kept in the version history', async () => {
    const store = await freshStore(dir);
    const original = dataFile('acled/acled-current-layout-2-rows.csv');
    await importFile(store, original, { clock: CLOCK });
    const revised = join(dir, 'acled-revised.csv');
    writeFileSync(revised, readFileSync(original, 'utf8').replace(',0,,1730758098', ',3,,1730858098'));
    const result = await importFile(store, revised, { clock: CLOCK });
    expect(result).toMatchObject({ replaced: 1, duplicates: 1, inserted: 1 });
    const now = await store.query(
      sql`SELECT fatalities_best, date_added FROM events WHERE id = 'acled:PSE62716'`,
    );
    expect(now).toEqual([{ fatalities_best: 3, date_added: '2024-11-06 01:54:58' }]);
    const history = await store.query(
      sql`SELECT fatalities_best, superseded_reason FROM event_versions WHERE id = 'acled:PSE62716'`,
    );
    expect(history).toEqual([{ fatalities_best: 0, superseded_reason: 'replaced' }]);
    await store.close();
  });
});

describe.runIf(hasData)('a UTF-8 file with a byte-order mark', () => {
  it('imports like one without', async () => {
    const file = join(dir, 'acled-bom.csv');
    writeFileSync(file, `\uFEFF${readFileSync(dataFile('acled/acled-current-layout-2-rows.csv'), 'utf8')}`);
    const store = await freshStore(dir);
    expect(await importFile(store, file, { clock: CLOCK })).toMatchObject({ inserted: 2, rejected: 0 });
    await store.close();
  });
});
