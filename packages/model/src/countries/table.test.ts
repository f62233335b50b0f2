import { describe, expect, it } from 'vitest';
import { ALIASES } from './aliases.ts';
import {
  CAMEO_NON_COUNTRY_CODES,
  COUNTRIES,
  FIPS_NON_COUNTRY_CODES,
  SHARED_CODE_OWNERS,
  SUBREGIONS,
  cameoCountryCodes,
  countryByGw,
  countryByIso2,
  countryByIso3,
  fipsCodes,
  normalizeName,
  type CodeNote,
  type Country,
} from './index.ts';

/** Codes that more than one entry has, with the entries (iso3) that have them. */
function shared(keysOf: (country: Country) => readonly (string | number)[]): Record<string, string[]> {
  const owners = new Map<string, Set<string>>();
  for (const country of COUNTRIES) {
    for (const key of keysOf(country)) {
      const set = owners.get(String(key)) ?? new Set<string>();
      owners.set(String(key), set.add(country.iso3));
    }
  }
  return Object.fromEntries([...owners].filter(([, set]) => set.size > 1).map(([k, set]) => [k, [...set]]));
}

const current = COUNTRIES.filter((c) => !c.historical);

describe('country table', () => {
  it('holds the 249 ISO 3166-1 entries, Kosovo and the historical states', () => {
    expect(current).toHaveLength(250);
    expect(COUNTRIES.filter((c) => c.historical).map((c) => c.iso3)).toEqual([
      'SUN',
      'YUG',
      'SCG',
      'CSK',
      'DDR',
      'GFR',
      'YAR',
      'YMD',
      'RVN',
      'ZAN',
      'ANT',
    ]);
  });

  it('has well-formed codes', () => {
    for (const c of COUNTRIES) {
      expect(c.iso3, c.name).toMatch(/^[A-Z]{3}$/);
      expect(c.iso2, c.iso3).toMatch(c.nonIso ? /^$/ : /^[A-Z]{2}$/);
      expect(c.isoNumeric, c.iso3).toMatch(c.nonIso || c.iso3 === 'XKX' ? /^(\d{3})?$/ : /^\d{3}$/);
      for (const fips of c.fips) expect(fips, c.iso3).toMatch(/^[A-Z]{2}$/);
      for (const cameo of c.cameo) expect(cameo, c.iso3).toMatch(/^[A-Z]{3}$/);
      if (c.gw !== null) expect(Number.isInteger(c.gw) && c.gw > 0, c.iso3).toBe(true);
      expect(c.historical === true, c.iso3).toBe(c.until !== undefined);
    }
  });

  it('makes every ISO3 a CAMEO code too (GDELT writes SSD as an actor country)', () => {
    for (const c of COUNTRIES.filter((c) => !c.nonIso)) expect(c.cameo[0], c.name).toBe(c.iso3);
    expect(COUNTRIES.filter((c) => c.nonIso).map((c) => c.iso3)).toEqual(['GFR', 'YAR', 'RVN', 'ZAN']);
  });

  it('puts each subregion in its UN M49 region', () => {
    for (const c of COUNTRIES) expect(c.region, c.iso3).toBe(SUBREGIONS[c.subregion]);
    expect(countryByIso3('ATA')).toMatchObject({ region: 'Antarctica', subregion: 'Antarctica' });
    expect(countryByIso3('KAZ')?.subregion).toBe('Central Asia');
    expect(countryByIso3('MEX')?.subregion).toBe('Central America');
    expect(countryByIso3('SDN')?.subregion).toBe('Northern Africa');
  });

  it('gives no two entries the same ISO3, numeric, FIPS or CAMEO code', () => {
    expect(shared((c) => [c.iso3])).toEqual({});
    expect(shared((c) => (c.isoNumeric === '' ? [] : [c.isoNumeric]))).toEqual({});
    expect(shared((c) => c.fips)).toEqual({});
    expect(shared((c) => c.cameo)).toEqual({});
  });

  it('shares alpha-2 and GW codes only where documented, and lookups return the owner', () => {
    expect(shared((c) => (c.iso2 === '' ? [] : [c.iso2]))).toEqual({ CS: ['SCG', 'CSK'] });
    expect(shared((c) => (c.gw === null ? [] : [c.gw]))).toEqual({
      260: ['DEU', 'GFR'],
      345: ['YUG', 'SCG'],
      365: ['RUS', 'SUN'],
      678: ['YEM', 'YAR'],
    });
    for (const [code, owner] of Object.entries(SHARED_CODE_OWNERS.iso2)) {
      expect(countryByIso2(code)?.iso3).toBe(owner);
    }
    for (const [gw, owner] of Object.entries(SHARED_CODE_OWNERS.gw)) {
      expect(countryByGw(Number(gw))?.iso3).toBe(owner);
    }
  });

  it('gives no two entries the same name or alias', () => {
    expect(shared((c) => [...new Set([c.name, ...c.aliases].map(normalizeName))])).toEqual({});
    for (const iso3 of Object.keys(ALIASES)) expect(countryByIso3(iso3), iso3).toBeDefined();
  });
});

describe.each([
  ['FIPS', FIPS_NON_COUNTRY_CODES, (c: Country) => c.fips, fipsCodes],
  ['CAMEO', CAMEO_NON_COUNTRY_CODES, (c: Country) => c.cameo, cameoCountryCodes],
] as const)('%s code notes', (_, notes: readonly CodeNote[], codesOf, list) => {
  it('agree with the table: a part is in its country, a region or contested area in none', () => {
    expect(new Set(notes.map((n) => n.code)).size).toBe(notes.length);
    for (const note of notes) {
      const holders = COUNTRIES.filter((c) => codesOf(c).includes(note.code)).map((c) => c.iso3);
      expect(holders, note.code).toEqual(note.iso3 === null ? [] : [note.iso3]);
      expect(note.label.length > 0 && note.note.length > 0).toBe(true);
    }
  });

  it('list every code once, sorted, for seeding a table', () => {
    const codes = list().map((entry) => entry.code);
    expect(codes).toEqual([...new Set(codes)].sort());
    const expected = COUNTRIES.flatMap(codesOf).length + notes.filter((n) => n.iso3 === null).length;
    expect(codes).toHaveLength(expected);
  });
});
