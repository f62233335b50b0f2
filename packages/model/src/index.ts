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
export {
  Day,
  GRAINS,
  Grain,
  addDays,
  nextPeriod,
  periodEnd,
  periodStart,
  periodsBetween,
} from './periods.ts';
export {
  CONFLICT_CATEGORIES,
  DEFAULT_INDICATORS,
  FORCE_CATEGORIES,
  INDICATORS,
  INDICATOR_KINDS,
  INDICATOR_UNITS,
  IndicatorUnit,
  ROLLUP_MEASURES,
  TRACKS,
  indicatorById,
} from './indicators/index.ts';
export type { Indicator, IndicatorExpr, RollupMeasure, RowFilter } from './indicators/index.ts';
export {
  ActorParam,
  ApiError,
  CodesParam,
  CountryParam,
  DEFAULT_EVENT_POINTS,
  DEFAULT_EVENTS_PAGE,
  DayParam,
  EVENT_FORMATS,
  EventParams,
  EventPoints,
  EventPointsQuery,
  EventsPage,
  EventsQuery,
  Health,
  ImportRequest,
  ImportResult,
  ImportedFile,
  MAX_EVENT_POINTS,
  MAX_EVENTS_PAGE,
  MAX_PARAM_LENGTH,
  QuadsParam,
  RebuildResult,
  RootsParam,
  SourceStatus,
  SourcesStatus,
  enumListParam,
  enumParam,
  intParam,
} from './api/index.ts';
export {
  ConflictSeriesQuery,
  ConflictSeriesResult,
  CountriesQuery,
  CountriesStatus,
  CountryPath,
  CountryStatus,
  IndicatorCatalog,
  IndicatorMap,
  IndicatorMapQuery,
  IndicatorMeta,
  IndicatorPath,
  IndicatorSeries,
  IndicatorsQuery,
  PairPath,
  PairQuery,
  PairRelations,
  Partners,
  PartnersQuery,
  Regions,
  RegionsQuery,
  RelationPoint,
  RelationTotal,
} from './api/analytics.ts';
export { HOTSPOT_LEVELS, HOTSPOT_PHASES, HotspotLevel, HotspotPhase } from './hotspots.ts';
export {
  Explanation,
  ExplainQuery,
  Hotspot,
  HotspotPath,
  HotspotRuns,
  Hotspots,
  HotspotsQuery,
} from './api/hotspots.ts';
export { Rejects, RejectsQuery, SyncErrors, SyncErrorsQuery } from './api/rejects.ts';
export * from './alerts/index.ts';
export {
  THEME_MAP_VERSION,
  THEME_RULES,
  THREAT_DOMAINS,
  THREAT_DOMAIN_IDS,
  ThreatDomain,
  threatDomainsOfTheme,
} from './threats/index.ts';
export { THREAT_INDICATORS, THREAT_MEASURES, threatIndicatorById } from './indicators/index.ts';
export type { ThreatIndicator, ThreatMeasure } from './indicators/index.ts';
export {
  CountryThreatsQuery,
  ThreatCountries,
  ThreatCountriesQuery,
  ThreatEvidence,
  ThreatMap,
  ThreatRow,
  ThreatSeries,
  ThreatsQuery,
  UnmappedThemes,
  UnmappedThemesQuery,
} from './api/threats.ts';
