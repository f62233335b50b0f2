import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../../test/shared-data.ts';
import { countryByGw, countryByIso3, countryByIsoNumeric, countryByName } from './index.ts';

/** RFC 4180 records (quoted fields may hold commas, quotes and newlines), as objects keyed by header. */
function csvRecords(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.replace(/\r$/, ''));
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') field += text[++i];
    else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== ',' && ch !== '\n')) field += ch;
    else if (ch === ',') endField();
    else endRow();
  }
  if (field !== '' || row.length > 0) endRow();
  const [header = [], ...records] = rows.filter((r) => r.some((f) => f !== ''));
  return records.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

const distinct = (values: string[][]) => [...new Map(values.map((v) => [v.join('\t'), v])).values()];

describe.runIf(hasData)('names and numbers in real source files', () => {
  it('ACLED 2016: every COUNTRY resolves to a country with that GWNO', () => {
    const bytes = readFileSync(dataFile('acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv'));
    const records = csvRecords(new TextDecoder('windows-1252').decode(bytes));
    expect(records.length).toBeGreaterThan(5000);
    const pairs = distinct(records.map((r) => [r.COUNTRY ?? '', r.GWNO ?? '']));
    const mismatched = pairs.filter(([name = '', gw]) => String(countryByName(name)?.gw) !== gw);
    // One ACLED row gives a Republic of Congo event the GWNO of the DR Congo (490); its own is 484.
    expect(mismatched).toEqual([['Republic of Congo', '490']]);
    expect(countryByGw(484)?.iso3).toBe('COG');
  });

  it('ACLED current layout: iso (numeric) and country name agree', () => {
    const text = readFileSync(dataFile('acled/acled-current-layout-2-rows.csv'), 'utf8');
    const records = csvRecords(text.slice(text.indexOf('event_id_cnty')));
    expect(records).toHaveLength(2);
    for (const r of records) {
      expect(countryByIsoNumeric(r.iso ?? '')?.iso3, r.country).toBe(countryByName(r.country ?? '')?.iso3);
    }
  });

  it('UCDP GED: country names and ISO3 resolve to the country with that GW number', () => {
    const ged = csvRecords(readFileSync(dataFile('ucdp/ged191-myanmar-bangladesh.csv'), 'utf8'));
    expect(ged.length).toBeGreaterThan(3000);
    for (const [name = '', gw] of distinct(ged.map((r) => [r.country ?? '', r.country_id ?? '']))) {
      expect(String(countryByName(name)?.gw), name).toBe(gw);
    }
    for (const gw of new Set(
      ged.flatMap((r) => [r.gwnoa, r.gwnob]).filter((g) => g !== '' && g !== undefined),
    )) {
      expect(countryByGw(Number(gw)), gw).toBeDefined();
    }
    const hdx = csvRecords(readFileSync(dataFile('ucdp/hdx-processed-conflict_data_BGD.csv'), 'utf8'));
    for (const [iso3 = '', gw] of distinct(hdx.map((r) => [r.iso3 ?? '', r.country_id ?? '']))) {
      if (iso3.startsWith('#')) continue; // the HXL hashtag row
      expect(String(countryByIso3(iso3)?.gw), iso3).toBe(gw);
    }
  });

  it('ICEWS: every source, target and location country name resolves', () => {
    const [header = '', ...lines] = readFileSync(dataFile('icews/icews-brazil-2013-except-june.tab'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line !== '');
    const columns = ['Source Country', 'Target Country', 'Country'].map((c) => header.split('\t').indexOf(c));
    const names = new Set(lines.flatMap((line) => columns.map((i) => line.split('\t')[i] ?? '')));
    names.delete('');
    expect(names.size).toBeGreaterThan(100);
    expect([...names].filter((name) => countryByName(name) === undefined)).toEqual([]);
  });
});
