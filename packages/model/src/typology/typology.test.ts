import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../../test/shared-data.ts';
import { CAMEO_CODES, cameoCode } from '../cameo/taxonomy.ts';
import { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, acledCategory, acledEventTypeOf } from './acled.ts';
import { canonicalCategoryOfCameo } from './cameo.ts';
import { CANONICAL_CATEGORIES, CanonicalCategory, SECURITY_DOMAINS, SecurityDomain } from './categories.ts';
import { UCDP_VIOLENCE_TYPES, ucdpCategory } from './ucdp.ts';

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      records.push([...record, field]);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** UTF-8 if it is valid, else Windows-1252 (read as Latin-1: the fields checked here are ASCII). */
function readText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** The records after the header row (the first that has `column`, in any case), keyed by lower-case name. */
function table(path: string, column: string): Record<string, string>[] {
  const records = parseCsv(readText(path));
  const at = records.findIndex((r) => r.some((c) => c.toLowerCase() === column));
  expect(at).toBeGreaterThan(-1);
  const header = (records[at] as string[]).map((c) => c.toLowerCase());
  const isData = (r: string[]) => r.some((c) => c !== '') && !r.every((c) => c === '' || c.startsWith('#'));
  return records
    .slice(at + 1)
    .filter(isData) // blank lines, HDX's HXL hashtag row
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

const docs = readFileSync(resolve(import.meta.dirname, '../../../../docs/typology.md'), 'utf8');

describe('canonical typology', () => {
  it('declares each category and domain once, in enum order; only other has no quad', () => {
    expect(CANONICAL_CATEGORIES.map((c) => c.id)).toEqual(CanonicalCategory.options);
    expect(SECURITY_DOMAINS.map((d) => d.id)).toEqual(SecurityDomain.options);
    expect(CANONICAL_CATEGORIES.filter((c) => c.quad === null).map((c) => c.id)).toEqual(['other']);
  });

  it('uses only declared ids in every mapping', () => {
    const used = [
      ...CAMEO_CODES,
      ...ACLED_EVENT_TYPES.map((type) => acledCategory(type)),
      ...ACLED_SUB_EVENT_TYPES.map((sub) => acledCategory(acledEventTypeOf(sub) ?? '', sub)),
      ...UCDP_VIOLENCE_TYPES,
    ];
    for (const entry of used) {
      expect(CanonicalCategory.options).toContain(entry?.category);
      expect(SecurityDomain.options).toContain(entry?.domain);
    }
  });

  it('gives every CAMEO code a category other than other, and uses every other category', () => {
    expect(CAMEO_CODES.filter((c) => c.category === 'other')).toEqual([]);
    expect(new Set(CAMEO_CODES.map((c) => c.category))).toEqual(
      new Set(CanonicalCategory.options.filter((c) => c !== 'other')),
    );
  });

  it.each([
    ['190', 'armed_clash'],
    ['193', 'armed_clash'],
    ['192', 'armed_clash'],
    ['194', 'remote_violence'],
    ['195', 'remote_violence'],
    ['1951', 'remote_violence'], // in CAMEO, not in GDELT's table
    ['183', 'remote_violence'],
    ['1832', 'remote_violence'],
    ['186', 'violence_against_civilians'],
    ['202', 'violence_against_civilians'],
    ['145', 'riot'],
    ['1451', 'riot'],
    ['141', 'protest'],
    ['163', 'sanctions'],
    ['161', 'sanctions'],
    ['1663', 'sanctions'],
    ['164', 'demand_accuse'],
    ['0233', 'demand_accuse'],
    ['026', 'demand_accuse'],
    ['1213', 'demand_accuse'], // in CAMEO, not in GDELT's table
    ['1384', 'threat'],
    ['154', 'military_posture'],
    ['173', 'repression'],
    ['175', 'repression'],
    ['043', 'consult'],
    ['036', 'consult'],
    ['030', 'agreement'],
    ['057', 'agreement'],
    ['0871', 'agreement'],
    ['073', 'aid'],
    ['051', 'cooperation'],
    ['061', 'cooperation'],
    ['010', 'statement'],
    ['01', 'statement'],
  ])('CAMEO %s is %s', (code, category) => {
    expect(canonicalCategoryOfCameo(code)).toBe(category);
    if (cameoCode(code) !== undefined) expect(cameoCode(code)?.category).toBe(category);
  });

  it.each(['', '21', '211', '00', 'x19', '19500'])('%j is no CAMEO code', (code) => {
    expect(canonicalCategoryOfCameo(code)).toBeUndefined();
  });

  it('maps ACLED by sub-event type first, then by event type, and knows nothing else', () => {
    expect(acledCategory('Explosions/Remote violence', 'Suicide bomb')).toEqual({
      category: 'remote_violence',
      domain: 'terrorism',
    });
    expect(acledCategory('Protests', 'Excessive force against protesters')).toEqual({
      category: 'repression',
      domain: 'repression',
    });
    expect(acledCategory('Strategic developments', 'Arrests')?.category).toBe('repression');
    expect(acledCategory('Strategic developments')?.category).toBe('other');
    expect(acledCategory('Riots/Protests', null)?.category).toBe('protest');
    expect(acledCategory('Headquarters or base established')?.category).toBe('military_posture');
    expect(acledCategory('Picnic')).toBeUndefined();
    expect(acledCategory('Protests', 'Picnic')).toBeUndefined();
    expect(acledCategory('battles')).toBeUndefined(); // spellings are exact
  });

  it('puts every ACLED sub-event type under one current event type', () => {
    expect(ACLED_SUB_EVENT_TYPES).toHaveLength(25);
    for (const sub of ACLED_SUB_EVENT_TYPES) expect(ACLED_EVENT_TYPES).toContain(acledEventTypeOf(sub));
    expect(acledEventTypeOf('Arrests')).toBe('Strategic developments');
    expect(new Set(ACLED_EVENT_TYPES).size).toBe(ACLED_EVENT_TYPES.length);
  });

  it('maps the three UCDP violence types and no other', () => {
    expect(UCDP_VIOLENCE_TYPES.map((v) => [v.id, ucdpCategory(v.id)?.category])).toEqual([
      [1, 'armed_clash'],
      [2, 'armed_clash'],
      [3, 'violence_against_civilians'],
    ]);
    expect(ucdpCategory(0)).toBeUndefined();
    expect(ucdpCategory(4)).toBeUndefined();
  });

  it('docs/typology.md names every category, ACLED type and UCDP type', () => {
    const names = [
      ...CanonicalCategory.options.map((c) => `\`${c}\``),
      ...ACLED_EVENT_TYPES,
      ...ACLED_SUB_EVENT_TYPES,
      ...UCDP_VIOLENCE_TYPES.map((v) => v.title),
    ];
    expect(names.filter((name) => !docs.includes(name))).toEqual([]);
  });
});

describe.runIf(hasData)('real files', () => {
  it.each([
    ['acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv', 5557, 9],
    ['acled/acled-current-layout-2-rows.csv', 2, 2],
  ])('every ACLED event and sub-event type in %s maps', (file, records, types) => {
    const rows = table(dataFile(file), 'event_type');
    const pairs = new Set(rows.map((r) => `${r.event_type}\t${r.sub_event_type ?? ''}`));
    const unknown = [...pairs].filter((pair) => {
      const [type = '', sub = ''] = pair.split('\t');
      return acledCategory(type, sub) === undefined || (sub !== '' && acledEventTypeOf(sub) !== type);
    });
    expect(rows).toHaveLength(records);
    expect(new Set(rows.map((r) => r.event_type)).size).toBe(types);
    expect(unknown).toEqual([]);
  });

  it.each([
    ['ucdp/ged191-myanmar-bangladesh.csv', 3194],
    ['ucdp/hdx-processed-conflict_data_BGD.csv', 601],
  ])('every UCDP type_of_violence in %s maps', (file, records) => {
    const rows = table(dataFile(file), 'type_of_violence');
    const types = new Set(rows.map((r) => r.type_of_violence));
    expect(rows).toHaveLength(records);
    expect([...types].sort()).toEqual(['1', '2', '3']);
    expect([...types].filter((t) => ucdpCategory(Number(t)) === undefined)).toEqual([]);
  });

  it('every ICEWS CAMEO code is known', () => {
    const lines = readText(dataFile('icews/icews-brazil-2013-except-june.tab'))
      .split(/\r?\n/)
      .filter((line) => line !== '');
    const header = (lines[0] as string).split('\t');
    const at = header.indexOf('CAMEO Code');
    expect(at).toBeGreaterThan(-1);
    const codes = new Set(lines.slice(1).map((line) => line.split('\t')[at] ?? ''));
    expect(codes.size).toBeGreaterThan(100);
    expect([...codes].filter((code) => cameoCode(code) === undefined)).toEqual([]);
  });
});
