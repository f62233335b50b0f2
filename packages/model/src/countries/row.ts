import type { Subregion } from './types.ts';

export interface RowExtra {
  /** CAMEO codes after the ISO3 one: legacy codes (ROM, TMP) and codes of parts (WSB, GZS, BAG). */
  cameo?: readonly string[];
  until?: number;
  nonIso?: true;
}

/**
 * One table row: iso3, iso2, ISO numeric, FIPS 10-4 codes (space-separated, first = main), Gleditsch-Ward
 * number, English short name, UN M49 subregion, extras. Rows keep the tables one line per country.
 */
export type Row = readonly [
  iso3: string,
  iso2: string,
  isoNumeric: string,
  fips: string,
  gw: number | null,
  name: string,
  subregion: Subregion,
  extra?: RowExtra,
];
