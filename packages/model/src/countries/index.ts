export type { CodeNote, Country, Region, Subregion } from './types.ts';
export { SUBREGIONS } from './types.ts';
export { COUNTRIES } from './table.ts';
export { CAMEO_NON_COUNTRY_CODES, FIPS_NON_COUNTRY_CODES } from './code-notes.ts';
export { normalizeName } from './names.ts';
export {
  SHARED_CODE_OWNERS,
  cameoCountryCodes,
  cameoToIso3,
  countryByCameo,
  countryByFips,
  countryByGw,
  countryByIso2,
  countryByIso3,
  countryByIsoNumeric,
  countryByName,
  fipsCodes,
  fipsToIso3,
} from './crosswalk.ts';
