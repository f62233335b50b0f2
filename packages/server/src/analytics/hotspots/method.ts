import type { Level } from './types.ts';

/**
 * The hotspot method, its version and every parameter, stored with each run so that a result can
 * be traced to what produced it. Parameters are set from first principles (docs/hotspots.md), not
 * fitted to the evaluation episodes.
 */
export const HOTSPOT_METHOD = {
  id: 'nb-surprise',
  version: '3',
  params: {
    /** The recent window: 7 days, so every weekday is in it once and weekday seasonality cancels. */
    recentDays: 7,
    /** The baseline: the 90 days before the recent window (the current spike is never in it). */
    baselineDays: 90,
    /** No test before a unit has this many days of a source. */
    minBaselineDays: 28,
    /** A pseudo-count added to the baseline, so a unit that was silent is not infinitely surprised. */
    priorEvents: 1,
    /** Levels: −log10 of the tail probability, events in the recent window, and ratio to expected. */
    levels: {
      watch: { score: 2, count: 5, ratio: 1.5 },
      warning: { score: 3.5, count: 8, ratio: 2 },
      alert: { score: 5, count: 15, ratio: 3 },
    },
    /** Deaths are tested as events are, with these counts of deaths in place of the event counts. */
    deathCounts: { watch: 10, warning: 25, alert: 100 },
    /** Deaths raise the level one step when they are as surprising as a warning and this many. */
    deathsStep: { score: 3.5, deaths: 25 },
    /** A hotspot is new when its unit was not flagged for this many days. */
    newAfterDays: 30,
    /** A hotspot has ended after this many days without a flag. */
    endAfterDays: 7,
  },
} as const;

type Widen<T> = T extends number
  ? number
  : T extends string
    ? string
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The parameters' shape, so that a variant (the evaluation's sensitivity runs) can set other values. */
export type HotspotParams = Widen<typeof HOTSPOT_METHOD.params>;

/** The level a test reaches, or null below watch. */
export function levelOf(
  score: number,
  count: number,
  ratio: number,
  p: HotspotParams = HOTSPOT_METHOD.params,
): Level | null {
  const { watch, warning, alert } = p.levels;
  const meets = (l: { score: number; count: number; ratio: number }) =>
    score >= l.score && count >= l.count && ratio >= l.ratio;
  if (meets(alert)) return 'alert';
  if (meets(warning)) return 'warning';
  if (meets(watch)) return 'watch';
  return null;
}

const ORDER: Record<Level, number> = { watch: 1, warning: 2, alert: 3 };

export const levelRank = (level: Level): number => ORDER[level];

export function stepUp(level: Level): Level {
  return level === 'watch' ? 'warning' : 'alert';
}
