import { z } from 'zod';
import type { Source } from '../event.ts';
import type { CanonicalCategory, SecurityDomain } from '../typology/categories.ts';

/**
 * What an indicator is computed for: every event in the store (the news volume GDELT's counts
 * swing with), a country, a first-level region, or a directed pair of countries.
 */
export const INDICATOR_UNITS = ['world', 'country', 'adm1', 'pair'] as const;
export const IndicatorUnit = z.enum(INDICATOR_UNITS);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

/**
 * The additive measures kept per unit, day, source, category, domain and quad class (the rollups).
 * Every indicator is built from these, so every indicator can be read without scanning events.
 */
export const ROLLUP_MEASURES = {
  events: 'events',
  weight:
    'sum of event weights: the number of sources reporting each event (1 where the source has no count)',
  weight_sq: 'sum of squared event weights (for the effective number of events)',
  gs_weight: 'sum of weights of events with a Goldstein value',
  gs_sum: 'sum of weight × Goldstein value',
  coop_mass: 'sum of weight × Goldstein value, over events with a positive value',
  conflict_mass: 'sum of weight × |Goldstein value|, over events with a negative value',
  tone_n: 'events with an average tone',
  tone_sum: 'sum of average tones',
  mentions: 'sum of mentions',
  articles: 'sum of articles',
  fat_n: 'events with a best fatality estimate',
  fat_best: 'sum of best fatality estimates',
  fat_low: 'sum of low fatality estimates',
  fat_high: 'sum of high fatality estimates',
} as const;
export type RollupMeasure = keyof typeof ROLLUP_MEASURES;

/** Which rollup rows a measure is summed over; absent fields do not filter. */
export interface RowFilter {
  categories?: readonly CanonicalCategory[];
  domains?: readonly SecurityDomain[];
  quadClasses?: readonly (1 | 2 | 3 | 4)[];
  sources?: readonly Source[];
}

/** An indicator's definition: sums of rollup measures, ratios of them, or distinct sources. */
export type IndicatorExpr =
  | { sum: RollupMeasure; where?: RowFilter }
  | { ratio: readonly [IndicatorExpr, IndicatorExpr] }
  | { distinctSources: RowFilter };

export const INDICATOR_KINDS = ['count', 'share', 'mean', 'sum'] as const;

export interface Indicator {
  id: string;
  title: string;
  description: string;
  /** What a value is measured in, said for people: 'events', 'share of events (0-1)', 'deaths' ... */
  unit: string;
  /** How values combine over time: counts and sums add up; shares and means do not. */
  kind: (typeof INDICATOR_KINDS)[number];
  definition: IndicatorExpr;
  /** Groups the catalog for people: 'activity', 'category', 'quad class', 'domain', 'tone', 'fatalities', 'relations'. */
  group: string;
}
