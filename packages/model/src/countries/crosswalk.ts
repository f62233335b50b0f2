import { CAMEO_NON_COUNTRY_CODES, FIPS_NON_COUNTRY_CODES } from './code-notes.ts';
import { nameKeys, normalizeName } from './names.ts';
import { COUNTRIES } from './table.ts';
import type { CodeNote, Country } from './types.ts';

/**
 * Codes two entries share because one state continues the other (or ISO reused an alpha-2 code);
 * lookups return the entry named here. Every other code belongs to exactly one entry.
 */
export const SHARED_CODE_OWNERS: {
  readonly iso2: Readonly<Record<string, string>>;
  readonly gw: Readonly<Record<number, string>>;
} = {
  iso2: { CS: 'SCG' },
  gw: { 260: 'DEU', 345: 'YUG', 365: 'RUS', 678: 'YEM' },
};

function index<K>(keysOf: (country: Country) => readonly K[], owners: Readonly<Record<string, string>> = {}) {
  const map = new Map<K, Country>();
  for (const country of COUNTRIES) {
    for (const key of keysOf(country)) {
      const owner = owners[String(key)];
      if (!map.has(key) || owner === country.iso3) map.set(key, country);
    }
  }
  return map;
}

const nonEmpty = (code: string) => (code === '' ? [] : [code]);
const byIso3 = index((c) => [c.iso3]);
const byIso2 = index((c) => nonEmpty(c.iso2), SHARED_CODE_OWNERS.iso2);
const byNumeric = index((c) => nonEmpty(c.isoNumeric));
const byFips = index((c) => c.fips);
const byCameo = index((c) => c.cameo);
const byGw = index((c) => (c.gw === null ? [] : [c.gw]), SHARED_CODE_OWNERS.gw);
const byName = index((c) => [c.name, ...c.aliases].map(normalizeName));

function codeTable(codesOf: (country: Country) => readonly string[], notes: readonly CodeNote[]) {
  const table = new Map<string, string | null>();
  for (const country of COUNTRIES) for (const code of codesOf(country)) table.set(code, country.iso3);
  for (const note of notes) if (note.iso3 === null) table.set(note.code, null);
  return table;
}

const fipsTable = codeTable((c) => c.fips, FIPS_NON_COUNTRY_CODES);
const cameoTable = codeTable((c) => c.cameo, CAMEO_NON_COUNTRY_CODES);
const sortedEntries = (table: Map<string, string | null>) =>
  Object.freeze(
    [...table].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, iso3]) => Object.freeze({ code, iso3 })),
  );
const fipsList = sortedEntries(fipsTable);
const cameoList = sortedEntries(cameoTable);

const code = (value: string) => value.trim().toUpperCase();

export const countryByIso3 = (value: string): Country | undefined => byIso3.get(code(value));
export const countryByIso2 = (value: string): Country | undefined => byIso2.get(code(value));
export const countryByFips = (value: string): Country | undefined => byFips.get(code(value));
export const countryByCameo = (value: string): Country | undefined => byCameo.get(code(value));
export const countryByGw = (value: number): Country | undefined => byGw.get(value);

/** '4', 4 and '004' all find Afghanistan. */
export function countryByIsoNumeric(value: string | number): Country | undefined {
  const text = typeof value === 'number' ? String(value) : value.trim();
  return /^\d{1,3}$/.test(text) ? byNumeric.get(text.padStart(3, '0')) : undefined;
}

/** By English name or alias, ignoring case, accents, punctuation and "the". */
export function countryByName(name: string): Country | undefined {
  for (const key of nameKeys(name)) {
    const country = byName.get(key);
    if (country) return country;
  }
  return undefined;
}

/** undefined: the code is unknown; null: a known code that has no ISO3 (a region or an area without one). */
export const fipsToIso3 = (value: string): string | null | undefined => fipsTable.get(code(value));
export const cameoToIso3 = (value: string): string | null | undefined => cameoTable.get(code(value));

/** Every known FIPS code / CAMEO country code with its ISO3 (or null), for seeding a database table. */
export const fipsCodes = (): readonly { code: string; iso3: string | null }[] => fipsList;
export const cameoCountryCodes = (): readonly { code: string; iso3: string | null }[] => cameoList;
