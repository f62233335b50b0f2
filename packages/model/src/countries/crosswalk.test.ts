import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../../test/shared-data.ts';
import {
  CAMEO_NON_COUNTRY_CODES,
  cameoToIso3,
  countryByCameo,
  countryByFips,
  countryByGw,
  countryByIso2,
  countryByIso3,
  countryByIsoNumeric,
  countryByName,
  fipsToIso3,
} from './index.ts';

const tsvRows = (relative: string): string[][] =>
  readFileSync(dataFile(relative), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));

/** GeoNames countryInfo.txt: ISO, ISO3, ISO-Numeric, fips, Country, ... ('#' comments, header 'ISO\t...'). */
const geonames = () =>
  tsvRows('cameo/countryInfo.txt')
    .filter(([iso2 = '']) => !iso2.startsWith('#') && iso2 !== 'ISO')
    .map(([iso2 = '', iso3 = '', numeric = '', fips = '', name = '']) => ({
      iso2,
      iso3,
      numeric,
      fips,
      name,
    }));

/** GeoNames writes 0 for Kosovo, which has no ISO numeric code: our table leaves it ''. */
const GEONAMES_NUMERIC_EXCEPTIONS: Record<string, string> = { XKX: '0' };

/** Labels in GDELT's cameoCountry.txt that are misspelt there; the country they mean. */
const CAMEO_LABEL_ERRATA: Record<string, string> = {
  COL: 'Colombia', // the file says "Columbia"
  REU: 'Réunion', // the file says "Runion": the é was lost
};

describe.runIf(hasData)('crosswalk against GeoNames countryInfo.txt', () => {
  it('covers every GeoNames entry, and GeoNames covers every current entry but Kosovo', () => {
    const rows = geonames();
    expect(rows.length).toBeGreaterThan(250);
    for (const row of rows) expect(countryByIso3(row.iso3), row.iso3).toBeDefined();
  });

  it('resolves every FIPS code to the ISO3 GeoNames gives', () => {
    for (const { fips, iso3 } of geonames().filter((row) => row.fips !== '')) {
      expect(fipsToIso3(fips), fips).toBe(iso3);
      expect(countryByFips(fips)?.iso3, fips).toBe(iso3);
    }
  });

  it('resolves every ISO2, ISO3, numeric code and name to the same country', () => {
    for (const { iso2, iso3, numeric, name } of geonames()) {
      expect(countryByIso2(iso2)?.iso3, iso2).toBe(iso3);
      expect(countryByIso3(iso3)?.iso2, iso3).toBe(iso2);
      expect(countryByName(name)?.iso3, name).toBe(iso3);
      const exception = GEONAMES_NUMERIC_EXCEPTIONS[iso3];
      if (exception === undefined) expect(countryByIsoNumeric(numeric)?.iso3, numeric).toBe(iso3);
      else expect([numeric, countryByIso3(iso3)?.isoNumeric]).toEqual([exception, '']);
    }
  });
});

describe.runIf(hasData)('crosswalk against GDELT cameoCountry.txt', () => {
  it('resolves every code to the country its label names, or to its documented note', () => {
    const rows = tsvRows('cameo/cameoCountry.txt').filter(([code]) => code !== 'CODE');
    expect(rows.length).toBeGreaterThan(250);
    for (const [code = '', label = ''] of rows) {
      const note = CAMEO_NON_COUNTRY_CODES.find((n) => n.code === code);
      if (note) {
        expect([note.label, cameoToIso3(code)], code).toEqual([label, note.iso3]);
      } else {
        const country = countryByName(CAMEO_LABEL_ERRATA[code] ?? label);
        expect(country?.iso3, `${code} ${label}`).toBeDefined();
        expect(cameoToIso3(code), `${code} ${label}`).toBe(country?.iso3);
      }
    }
  });
});

/** 1-based columns of country codes: [FIPS geo columns, CAMEO actor columns]. */
const GDELT_LAYOUTS = {
  'gdelt2/export': { geo: [38, 46, 54], actor: [8, 18] },
  gdelt1: { geo: [38, 45, 52], actor: [8, 18] },
} as const;

describe.runIf(hasData)('crosswalk against real GDELT events', () => {
  it.each(Object.entries(GDELT_LAYOUTS))('knows every country code in %s', (folder, columns) => {
    const files = readdirSync(dataFile(folder)).filter((f) => /\.(export\.CSV|csv)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const unknown = new Set<string>();
    let checked = 0;
    for (const file of files) {
      for (const fields of tsvRows(join(folder, file))) {
        for (const [cols, lookup] of [
          [columns.geo, fipsToIso3],
          [columns.actor, cameoToIso3],
        ] as const) {
          for (const col of cols) {
            const value = fields[col - 1] ?? '';
            if (value === '') continue;
            checked += 1;
            if (lookup(value) === undefined) unknown.add(`${file}:${col}:${value}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...unknown]).toEqual([]);
  });
});

// FIPS 10-4 codes that differ from ISO alpha-2, or equal another country's alpha-2.
const FIPS_TRAPS = `UK GBR, GM DEU, GA GMB, RS RUS, CH CHN, SU SDN, OD SSD, KV XKX, IS ISR, WE PSE, GZ PSE,
  RP PHL, NI NGA, NG NER, SF ZAF, AS AUS, AU AUT, SZ CHE, SW SWE, EZ CZE, LO SVK, BU BGR, BK BIH, RI SRB,
  RB SRB, MJ MNE, YM YEM, IZ IRQ, TU TUR, TX TKM, TI TJK, KZ KAZ, KG KGZ, UZ UZB, BM MMR, BG BGD, CE LKA,
  EI IRL, JA JPN, KS KOR, KN PRK, VM VNM, CB KHM, BX BRN, UP UKR, BO BLR, AJ AZE, AM ARM, GG GEO, CG COD,
  CF COG, IV CIV, TO TGO, TN TON, TS TUN, SG SEN, SN SGP, MO MAR, MU OMN, MP MUS, MA MDG, MI MWI, ZA ZMB,
  ZI ZWE, WZ SWZ, UV BFA, CD TCD, CT CAF, LE LBN, LI LBR, LY LBY, LG LVA, LH LTU, BA BHR, DA DNK, DR DOM,
  HA HTI, HO HND, ES SLV, PM PAN, PO PRT, PP PNG, RQ PRI, VQ VIR, BD BMU, BH BLZ, CJ CYM, AY ATA, TW TWN,
  PS PLW, MC MAC, TT TLS, TP STP, WI ESH, SV SJM, JN SJM, IP FRA, WQ UMI, YI SCG, NT ANT, UR SUN`
  .split(',')
  .map((pair) => pair.trim().split(' ') as [string, string]);

describe('FIPS traps', () => {
  it.each(FIPS_TRAPS)('FIPS %s is %s', (fips, iso3) => {
    expect(fipsToIso3(fips)).toBe(iso3);
    expect(countryByFips(fips.toLowerCase())?.iso3).toBe(iso3);
  });

  it.each(['OS', 'PF', 'PG'])('FIPS %s is known but has no ISO3', (fips) => {
    expect(fipsToIso3(fips)).toBeNull();
    expect(countryByFips(fips)).toBeUndefined();
  });

  it('tells unknown codes apart from codes without an ISO3', () => {
    expect(fipsToIso3('ZZ')).toBeUndefined();
    expect(fipsToIso3('')).toBeUndefined();
    expect(cameoToIso3('XYZ')).toBeUndefined();
  });
});

describe('CAMEO codes', () => {
  it.each([
    ['ROM', 'ROU'],
    ['TMP', 'TLS'],
    ['MTN', 'MNE'],
    ['IMY', 'IMN'],
    ['KSV', 'XKX'],
    ['USR', 'SUN'],
    ['SSD', 'SSD'],
    ['ANT', 'ANT'],
    ['WSB', 'PSE'],
    ['GZS', 'PSE'],
    ['BAG', 'IRQ'],
  ])('%s is %s', (cameo, iso3) => {
    expect(cameoToIso3(cameo)).toBe(iso3);
    expect(countryByCameo(cameo)?.iso3).toBe(iso3);
  });

  it.each(['AFR', 'EUR', 'MEA', 'WST', 'SAS'])('%s is a region without an ISO3', (cameo) => {
    expect(cameoToIso3(cameo)).toBeNull();
  });
});

describe('Gleditsch-Ward numbers', () => {
  it.each([
    [2, 'USA'],
    [200, 'GBR'],
    [260, 'DEU'],
    [265, 'DDR'],
    [345, 'YUG'],
    [347, 'XKX'],
    [365, 'RUS'],
    [511, 'ZAN'],
    [626, 'SSD'],
    [678, 'YEM'],
    [680, 'YMD'],
    [713, 'TWN'],
    [771, 'BGD'],
    [775, 'MMR'],
    [816, 'VNM'],
    [817, 'RVN'],
  ])('GW %i is %s', (gw, iso3) => {
    expect(countryByGw(gw)?.iso3).toBe(iso3);
  });
});

describe('codes and names', () => {
  it('lists Taiwan as ISO does', () => {
    expect(countryByIso3('TWN')).toMatchObject({ iso2: 'TW', isoNumeric: '158', gw: 713, fips: ['TW'] });
  });

  it('reads ISO numeric codes as strings or numbers', () => {
    for (const code of ['4', 4, '004', ' 004 ']) expect(countryByIsoNumeric(code)?.iso3).toBe('AFG');
    for (const code of ['', '0', 0, '1000', 4.5, 'abc']) expect(countryByIsoNumeric(code)).toBeUndefined();
  });

  it('ignores case and spaces around codes', () => {
    expect(countryByIso3(' deu ')?.name).toBe('Germany');
    expect(countryByIso2('de')?.name).toBe('Germany');
    expect(countryByIso2('')).toBeUndefined();
  });

  it.each([
    ['Ivory Coast', 'CIV'],
    ["Côte d'Ivoire", 'CIV'],
    ["Cote d'Ivoire", 'CIV'],
    ["COTE D'IVOIRE", 'CIV'],
    ['Democratic Republic of Congo', 'COD'],
    ['Democratic Republic of the Congo', 'COD'],
    ['DR Congo', 'COD'],
    ['Congo, Democratic Republic of the', 'COD'],
    ['Congo (Kinshasa)', 'COD'],
    ['Congo', 'COG'],
    ['Republic of Congo', 'COG'],
    ['Burma', 'MMR'],
    ['Myanmar (Burma)', 'MMR'],
    ['Türkiye', 'TUR'],
    ['Republic of Korea', 'KOR'],
    ['Korea, South', 'KOR'],
    ['Korea (North)', 'PRK'],
    ['The Gambia', 'GMB'],
    ['Gambia, The', 'GMB'],
    ['Czech Republic', 'CZE'],
    ['Swaziland', 'SWZ'],
    ['East Timor', 'TLS'],
    ['Russian Federation', 'RUS'],
    ['Russia (Soviet Union)', 'RUS'],
    ['Serbia (Yugoslavia)', 'SRB'],
    ['DR Congo (Zaire)', 'COD'],
    ['Yemen (North Yemen)', 'YEM'],
    ['Kingdom of eSwatini (Swaziland)', 'SWZ'],
    ['Macedonia (Former Yugoslav Republic of)', 'MKD'],
    ['Holy See', 'VAT'],
    ['Occupied Palestinian Territory', 'PSE'],
    ['St. Lucia', 'LCA'],
    ['Virgin Islands (U.S.)', 'VIR'],
    ['United States of America', 'USA'],
    ['USSR', 'SUN'],
    ['German Democratic Republic', 'DDR'],
  ])('%s is %s', (name, iso3) => {
    expect(countryByName(name)?.iso3).toBe(iso3);
  });

  it.each(['', 'Atlantis', 'Korea', 'Columbia'])('%s is no country', (name) => {
    expect(countryByName(name)).toBeUndefined();
  });
});
