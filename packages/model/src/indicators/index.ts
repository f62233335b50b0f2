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
