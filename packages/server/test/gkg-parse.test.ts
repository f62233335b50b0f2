import { readFileSync } from 'node:fs';
import { THEME_RULES, threatDomainsOfTheme } from '@peacebell/model';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { parseGkg1, parseGkg21, type GkgLocation } from '../src/sources/gkg/index.ts';
import { recordThemes } from '../src/ingest/gkg/themes.ts';
import { expectGolden } from './golden-file.ts';

const lines = (file: string) =>
  readFileSync(dataFile(file), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

/** The raw text split the plain way: list items, then their parts. */
const items = (text: string, sep = ';') => text.split(sep).filter((s) => s !== '');
const num = (s: string) => (s === '' ? null : Number(s));

function expectLocation(loc: GkgLocation, raw: string, v2: boolean) {
  const p = raw.split('#');
  expect(p).toHaveLength(v2 ? 9 : 7);
  expect(loc.type).toBe(Number(p[0]));
  expect(loc.name).toBe(p[1]);
  expect(loc.countryCode).toBe(p[2]);
  expect(loc.adm1).toBe(p[3]);
  const rest = v2 ? p.slice(5) : p.slice(4);
  expect(loc.adm2).toBe(v2 ? p[4] : null);
  expect(loc.lat).toBe(num(rest[0] ?? ''));
  expect(loc.lon).toBe(num(rest[1] ?? ''));
  expect(loc.featureId).toBe(rest[2]);
  expect(loc.offset).toBe(v2 ? num(rest[3] ?? '') : null);
}

describe.runIf(hasData)('GKG 2.1 records parse to exactly what they say', () => {
  for (const file of ['gkg/gkg.csv', 'gkg/gkgT.csv']) {
    it(`${file}: every field of every record, against the raw text`, () => {
      const all = lines(file);
      expect(all).toHaveLength(100);
      for (const line of all) {
        const f = line.split('\t');
        const r = parseGkg21(line);
        expect(r.id).toBe(f[0]);
        expect(r.date.replace(/\D/g, '')).toBe(f[1]);
        expect(r.collection).toBe(Number(f[2]));
        expect([r.sourceName, r.documentId]).toEqual([f[3], f[4]]);
        expect(r.v1Themes).toEqual(items(f[7] ?? ''));
        expect(r.v2Themes.map((t) => `${t.theme},${t.offset}`)).toEqual(items(f[8] ?? ''));
        const v1 = items(f[9] ?? '');
        expect(r.v1Locations).toHaveLength(v1.length);
        r.v1Locations.forEach((loc, i) => expectLocation(loc, v1[i] ?? '', false));
        const v2 = items(f[10] ?? '');
        expect(r.v2Locations).toHaveLength(v2.length);
        r.v2Locations.forEach((loc, i) => expectLocation(loc, v2[i] ?? '', true));
        for (const [counts, raw, width] of [
          [r.v1Counts, f[5] ?? '', 10],
          [r.v21Counts, f[6] ?? '', 11],
        ] as const) {
          const expected = items(raw);
          expect(counts).toHaveLength(expected.length);
          counts.forEach((c, i) => {
            const p = (expected[i] ?? '').split('#');
            expect(p).toHaveLength(width);
            expect([c.type, c.count, c.objectType]).toEqual([p[0], Number(p[1]), p[2]]);
            if (c.location) expectLocation(c.location, p.slice(3, 10).join('#'), false);
            else expect(['', '0']).toContain(p[3]);
            expect(c.offset).toBe(width === 11 ? num(p[10] ?? '') : null);
          });
        }
        const tone = (f[15] ?? '').split(',').map(Number);
        expect(r.tone && Object.values(r.tone)).toEqual(tone);
        expect(r.translationInfo).toBe(f[25]);
      }
    });
  }

  it('the first record, by hand: an ARREST count of 400 political prisoners in Orenburg', () => {
    const r = parseGkg21(lines('gkg/gkg.csv')[0] ?? '');
    expect(r.id).toBe('20150218230000-0');
    expect(r.date).toBe('2015-02-18T23:00:00Z');
    expect(r.v1Counts).toEqual([
      {
        type: 'ARREST',
        count: 400,
        objectType: 'political',
        location: {
          type: 4,
          name: "Rossiya, Orenburgskaya Oblast', Russia",
          countryCode: 'RS',
          adm1: 'RS55',
          adm2: null,
          lat: 52.4,
          lon: 54.9833,
          featureId: '-2993111',
          offset: null,
        },
        offset: null,
      },
    ]);
    expect(r.v21Counts[0]?.offset).toBe(4387);
    expect(r.v1Themes.slice(0, 3)).toEqual(['TERROR', 'REBELS', 'TAX_ETHNICITY']);
    expect(r.v2Themes[3]).toEqual({ theme: 'TERROR', offset: 26 });
    expect(r.tone?.wordCount).toBe(693);
  });

  it('translingual records keep their translation info', () => {
    const r = parseGkg21(lines('gkg/gkgT.csv')[0] ?? '');
    expect(r.id).toBe('20150218224500-T0');
    expect(r.translationInfo).toBe('srclc:ces;eng:Moses 2.1.1 / MosesCore Europarl cs-en / GT-CES 1.0');
  });

  it('GKG 1.0 graph rows: NUMARTS articles, V1 themes and locations, the first source URL', () => {
    const all = lines('gkg/gkg1.csv');
    const r = parseGkg1(all[2] ?? '', 3);
    expect(r).toMatchObject({ id: '20200705-L3', date: '2020-07-05T00:00:00Z', articles: 1 });
    expect(r.documentId).toMatch(/^https:\/\/www\.firstpost\.com\//);
    expect(r.v1Locations.map((l) => l.adm1)).toEqual(['IS00', 'IS']);
    expect(all.map((l, i) => parseGkg1(l, i + 1).v1Themes.length).reduce((a, b) => a + b)).toBeGreaterThan(0);
  });
});

describe('the theme map', () => {
  it('exact beats prefix, longer prefix beats shorter, unknown themes are null', () => {
    expect(threatDomainsOfTheme('TAX_TERROR_GROUP_ISLAMIC_STATE')).toEqual(['terrorism']);
    expect(threatDomainsOfTheme('TAX_TERROR_GROUP_BHARATIYA_JANATA_PARTY')).toEqual([]);
    expect(threatDomainsOfTheme('TAX_WEAPONS_NUCLEAR_WARHEAD')).toEqual(['wmd']);
    expect(threatDomainsOfTheme('TAX_WEAPONS_GUNS')).toEqual(['armed_conflict']);
    expect(threatDomainsOfTheme('WB_2467_TERRORISM')).toEqual(['terrorism']);
    expect(threatDomainsOfTheme('WB_470_EDUCATION')).toEqual([]);
    expect(threatDomainsOfTheme('CRISISLEX_T09_DISPLACEDRELOCATEDEVACUATED')).toEqual(['displacement']);
    expect(threatDomainsOfTheme('NO_SUCH_THEME')).toBeNull();
  });

  it('every rule names known domains and is upper case', () => {
    for (const [theme, domains] of Object.entries(THEME_RULES)) {
      expect(theme).toMatch(/^[A-Z0-9_]+\*?$/);
      expect(new Set(domains).size).toBe(domains.length);
    }
  });
});

/** Each real record's threat domains (with theme mentions) and unmapped themes; UPDATE=1 rewrites. */
describe.runIf(hasData)('golden threat domains', () => {
  it('gkg.csv and gkgT.csv → gkg-threat-domains.ndjson', () => {
    const actual = ['gkg/gkg.csv', 'gkg/gkgT.csv']
      .flatMap((file) => lines(file))
      .map((line) => {
        const r = parseGkg21(line);
        const { domains, unmapped } = recordThemes(r);
        return JSON.stringify({
          id: r.id,
          domains: Object.fromEntries([...domains].sort(([a], [b]) => a.localeCompare(b))),
          unmapped: [...unmapped.keys()].sort(),
        });
      })
      .join('\n')
      .concat('\n');
    expectGolden('gkg-threat-domains.ndjson', actual);
  });
});
