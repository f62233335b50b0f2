/**
 * The two published early-warning rules peacebell's hotspots are compared with
 * (docs/hotspots-eval.md), as pure functions over daily series. A series is one value per day
 * from a start day; `null` marks a day the data does not cover (a gap, or before coverage), which
 * is never read as zero: a window that holds such a day is not computed.
 */
export type DailyValues = readonly (number | null)[];

// ACLED's change levels (Early Warning Dashboard / Trendfinder, "Country Change Level map").

export const CHANGE_LEVELS = [
  'large_increase',
  'moderate_increase',
  'limited_change',
  'large_decrease',
] as const;
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

/**
 * ACLED's category for a week's count against a historical weekly average: more than +25% is a
 * large increase, +10% to +25% moderate, −25% to +10% limited, below −25% a large decrease; an
 * average of two events or fewer with five events or fewer this week is "limited change" (low
 * baseline activity).
 */
export function changeLevel(count: number, average: number): ChangeLevel {
  if (average <= 2 && count <= 5) return 'limited_change';
  const change = average > 0 ? ((count - average) / average) * 100 : Infinity;
  if (change > 25) return 'large_increase';
  if (change > 10) return 'moderate_increase';
  if (change >= -25) return 'limited_change';
  return 'large_decrease';
}

export interface AcledWeek {
  /** Index of the week's last day in the series. */
  end: number;
  count: number;
  /** Average weekly count of the 4 and the 52 weeks before; null where they are not all covered. */
  monthAverage: number | null;
  yearAverage: number | null;
  month: ChangeLevel | null;
  year: ChangeLevel | null;
  /** A large increase against either norm: the week is on one of ACLED's watchlists. */
  flagged: boolean;
}

export interface AcledOptions {
  /** Days between evaluations: 7 for calendar weeks (the dashboard), 1 for a rolling week. */
  step?: number;
  /** Index of the first week's last day (e.g. the first Sunday for ISO weeks). */
  firstEnd?: number;
}

/** Sum of values[from..to] (inclusive), or null if the window leaves the series or holds a gap. */
function windowSum(values: DailyValues, from: number, to: number): number | null {
  if (from < 0 || to >= values.length) return null;
  let sum = 0;
  for (let i = from; i <= to; i++) {
    const v = values[i];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** ACLED-style change: each week's events against the average of the 4 and of the 52 weeks before. */
export function acledChange(events: DailyValues, options: AcledOptions = {}): AcledWeek[] {
  const step = options.step ?? 7;
  const out: AcledWeek[] = [];
  for (let end = options.firstEnd ?? 6; end < events.length; end += step) {
    const count = windowSum(events, end - 6, end);
    if (count === null) continue;
    const norm = (weeks: number) => {
      const sum = windowSum(events, end - 6 - 7 * weeks, end - 7);
      return sum === null ? null : sum / weeks;
    };
    const monthAverage = norm(4);
    const yearAverage = norm(52);
    const month = monthAverage === null ? null : changeLevel(count, monthAverage);
    const year = yearAverage === null ? null : changeLevel(count, yearAverage);
    out.push({
      end,
      count,
      monthAverage,
      yearAverage,
      month,
      year,
      flagged: month === 'large_increase' || year === 'large_increase',
    });
  }
  return out;
}

// OCHA's HDX Signals, armed conflict indicator (ACLED fatalities).

export type HdxLevel = 'medium' | 'high';

export interface HdxSignal {
  index: number;
  level: HdxLevel;
  /** Fatalities in the 30 days up to the signal's day. */
  fatalities: number;
}

export interface HdxOptions {
  /** Days in the rolling sum ("monthly fatalities"). */
  window?: number;
  /** Values compared: the day and the 365 (medium) or 1,095 (high) days before it. */
  mediumDays?: number;
  highDays?: number;
  minFatalities?: number;
  /** A signal suppresses later signals of the same or a lower level for this many days. */
  quietDays?: number;
  /**
   * false (the published rule): the maximum needs the whole 1- or 3-year window, so a series
   * shorter than a year never signals. true: the maximum is taken over the covered part of it.
   */
  partialHistory?: boolean;
}

/** Rolling sums of `window` days ending on each day; null where the window is not covered. */
export function rollingSums(values: DailyValues, window: number): (number | null)[] {
  return values.map((_, i) => windowSum(values, i - window + 1, i));
}

/** Whether sums[i] is at least every covered value of the `days` values ending at i. */
function isHighest(sums: readonly (number | null)[], i: number, days: number, partial: boolean): boolean {
  const value = sums[i];
  if (value === null || value === undefined) return false;
  if (!partial && i - days + 1 < 0) return false;
  for (let j = Math.max(0, i - days + 1); j < i; j++) {
    const v = sums[j];
    if (v === null || v === undefined) {
      if (!partial) return false;
    } else if (v > value) return false;
  }
  return true;
}

/**
 * HDX-Signals-style signals over daily fatalities: the 30-day sum at its highest of the last year
 * (medium) or three years (high) and at least 100; then, oldest first, each kept signal removes
 * the signals of the same or a lower level in the 180 days after it.
 */
export function hdxSignals(fatalities: DailyValues, options: HdxOptions = {}): HdxSignal[] {
  const window = options.window ?? 30;
  const mediumDays = options.mediumDays ?? 366;
  const highDays = options.highDays ?? 1096;
  const minimum = options.minFatalities ?? 100;
  const quiet = options.quietDays ?? 180;
  const partial = options.partialHistory ?? false;
  const sums = rollingSums(fatalities, window);
  const raw: HdxSignal[] = [];
  sums.forEach((value, i) => {
    if (value === null || value < minimum || !isHighest(sums, i, mediumDays, partial)) return;
    const level = isHighest(sums, i, highDays, partial) ? 'high' : 'medium';
    raw.push({ index: i, level, fatalities: value });
  });
  const rank = (l: HdxLevel) => (l === 'high' ? 2 : 1);
  const kept: HdxSignal[] = [];
  let remaining = raw;
  while (remaining.length > 0) {
    const [first, ...rest] = remaining as [HdxSignal, ...HdxSignal[]];
    kept.push(first);
    remaining = rest.filter((s) => !(s.index - first.index <= quiet && rank(s.level) <= rank(first.level)));
  }
  return kept;
}
