export {
  CONFLICT_CATEGORIES,
  DEFAULT_INDICATORS,
  FORCE_CATEGORIES,
  INDICATORS,
  TRACKS,
  indicatorById,
} from './catalog.ts';
export { INDICATOR_KINDS, INDICATOR_UNITS, IndicatorUnit, ROLLUP_MEASURES } from './definition.ts';
export type { Indicator, IndicatorExpr, RollupMeasure, RowFilter } from './definition.ts';
export { THREAT_INDICATORS, THREAT_MEASURES, threatIndicatorById } from './threats.ts';
export type { ThreatIndicator, ThreatMeasure } from './threats.ts';
