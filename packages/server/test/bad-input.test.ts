import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const dir = tempDir();

const counts = async (store: Store) =>
  (
    await store.query<{ events: number; batches: number; rejects: number }>(sql`
      SELECT (SELECT count(*) FROM events)::INTEGER AS events, (SELECT count(*) FROM import_batches)::INTEGER AS batches,
             (SELECT count(*) FROM rejects)::INTEGER AS rejects`)
  )[0];

describe.runIf(hasData)('a corrupted copy of a real export', () => {
  it('loads the good rows and sets each bad one aside with line, field and reason', async () => {
    const lines = readFileSync(dataFile('gdelt2/export/20260514083000.export.CSV'), 'utf8')
      .trimEnd()
      .split('\n');
    const edit = (i: number, fn: (cols: string[]) => string[] | string) => {
      const out = fn((lines[i] as string).split('\t'));
      lines[i] = typeof out === 'string' ? out : out.join('\t');
    };
    edit(9, (c) => c.slice(0, 40)); // line 10: cut short
    edit(19, (c) => [...c.slice(0, 10), '', ...c.slice(10)]); // line 20: an extra tab
    edit(29, (c) => [c[0] as string, '20261345', ...c.slice(2)]); // line 30: impossible date
    edit(39, (c) => [...c.slice(0, 30), 'high', ...c.slice(31)]); // line 40: Goldstein not a number
    edit(49, (c) => [...c.slice(0, 26), '999', ...c.slice(27)]); // line 50: unknown CAMEO code
    edit(59, (c) => [...c.slice(0, 53), 'QQ', ...c.slice(54)]); // line 60: unknown FIPS country
    edit(69, (c) => [...c.slice(0, 7), 'ZZZ', ...c.slice(8)]); // line 70: unknown CAMEO country
    edit(79, (c) => [c[0] as string, '', ...c.slice(2)]); // line 80: missing event date
    const text = Buffer.concat([
      Buffer.from(`${lines.slice(0, 89).join('\n')}\n`),
      Buffer.from((lines[89] as string).replace('https', 'h\xff\xfeps'), 'latin1'), // line 90: garbage bytes
      Buffer.from(`\n${lines.slice(90).join('\n')}\n`),
    ]);
    const file = join(dir, '20260514083000.export.CSV');
    writeFileSync(file, text);

    const store = await freshStore(dir);
    const result = await importFile(store, file, { clock: CLOCK });
    const expected = [10, 20, 30, 40, 50, 60, 70, 80, 90];
    expect(result).toMatchObject({ status: 'imported', rowsRead: 837, rejected: expected.length });
    expect(result.inserted).toBe(837 - expected.length);
    const rejects = await store.query<{
      line: number;
      field: string | null;
      reason: string;
      file_name: string;
    }>(sql`SELECT line::INTEGER AS line, field, reason, file_name FROM rejects ORDER BY line`);
    expect(rejects.map((r) => r.line)).toEqual(expected);
    expect(rejects.every((r) => r.file_name === file)).toBe(true);
    const by = new Map(rejects.map((r) => [r.line, r]));
    expect(by.get(10)?.reason).toMatch(/MISSING COLUMNS/);
    expect(by.get(20)?.reason).toMatch(/TOO MANY COLUMNS/);
    expect(by.get(30)).toMatchObject({ field: 'SQLDATE' });
    expect(by.get(30)?.reason).toMatch(/20261345/);
    expect(by.get(40)).toMatchObject({ field: 'GoldsteinScale' });
    expect(by.get(50)).toMatchObject({ field: 'EventCode' });
    expect(by.get(50)?.reason).toMatch(/999/);
    expect(by.get(60)).toMatchObject({ field: 'ActionGeo_CountryCode' });
    expect(by.get(70)).toMatchObject({ field: 'Actor1CountryCode' });
    expect(by.get(80)).toMatchObject({ field: 'SQLDATE' });
    expect(by.get(90)?.reason).toMatch(/UNICODE|unicode|UTF/);
    await store.close();
  });
});

describe.runIf(hasData)('files that are not what they claim are refused whole', () => {
  const refused = async (name: string, bytes: Buffer, message: RegExp) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const store = await freshStore(dir);
    const before = await counts(store);
    await expect(importFile(store, file, { clock: CLOCK })).rejects.toThrow(message);
    expect(await counts(store)).toEqual(before);
    await store.close();
  };
  const zip = () => readFileSync(dataFile('gdelt2/export/20260514090000.export.CSV.zip'));

  it('a truncated zip', () => refused('t.export.CSV.zip', zip().subarray(0, 40_000), /zip/));
  it('a binary file', () => refused('b.export.CSV', Buffer.from([0, 1, 2, 3, 0, 255, 10, 0]), /binary/));
  it('an empty file', () => refused('e.export.CSV', Buffer.alloc(0), /empty/));
  it('a file in another encoding', () =>
    refused(
      'l.export.CSV',
      Buffer.from(
        readFileSync(dataFile('gdelt2/export/20260514083000.export.CSV'), 'utf8')
          .split('\n')
          .slice(0, 40)
          .map((l) => `${l}\tCôte d'Ivoire é`)
          .join('\n'),
        'latin1',
      ),
      /not UTF-8/,
    ));
  it('a text file of another kind', () =>
    refused(
      'notes.csv',
      Buffer.from('a,b,c\n1,2,3\n'),
      /is not a known file: no ACLED, UCDP or ICEWS header/,
    ));
});
