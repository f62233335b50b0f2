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
  PLOVER_TYPES,
  PloverType,
  cameoCode,
  cameoRoot,
  quadClassOfRoot,
} from './cameo/index.ts';
export type { CameoCode, QuadClass } from './cameo/index.ts';
export {
  ACLED_EVENT_TYPES,
  ACLED_SUB_EVENT_TYPES,
  CANONICAL_CATEGORIES,
  CanonicalCategory,
  SECURITY_DOMAINS,
  SecurityDomain,
  UCDP_VIOLENCE_TYPES,
  acledCategory,
  acledEventTypeOf,
  canonicalCategoryOfCameo,
  ucdpCategory,
} from './typology/index.ts';
export type { CategoryQuad, Classification } from './typology/index.ts';
