export { CanonicalEvent, EVENT_FIELDS, SOURCES, Source } from './event.ts';
export {
  COUNTRIES,
  CAMEO_NON_COUNTRY_CODES,
  FIPS_NON_COUNTRY_CODES,
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
} from './countries/index.ts';
export type { CodeNote, Country, Region } from './countries/index.ts';
export {
  CAMEO_CODES,
  CAMEO_ROOTS,
  CANONICAL_CATEGORIES,
  SECURITY_DOMAINS,
  cameoCode,
  cameoRoot,
  quadClassOfRoot,
} from './cameo/index.ts';
export type { CameoCode, CanonicalCategory, QuadClass, SecurityDomain } from './cameo/index.ts';
