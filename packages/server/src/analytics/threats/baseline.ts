import { addDays, periodStart, type Grain } from '@peacebell/model';

/** Periods before each one that make its baseline: 28 days, 8 weeks or 6 months. */
export const BASELINE_PERIODS: Record<Grain, number> = { day: 28, week: 8, month: 6 };

/** The first day of the period `k` periods before the one holding `day`. */
export function periodsBack(day: string, grain: Grain, k: number): string {
  const start = periodStart(day, grain);
  if (grain === 'day') return addDays(start, -k);
  if (grain === 'week') return addDays(start, -7 * k);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - k, 1)).toISOString().slice(0, 10);
}

/**
 * Each value against the mean of the `k` values before it (as many as there are): value / mean
 * − 1, so 0 is as usual and 1 is double. Null where the value or the baseline is missing, or
 * the baseline is 0 (nothing to compare with).
 */
export function changeAgainstBaseline(values: readonly (number | null)[], k: number): (number | null)[] {
  return values.map((value, i) => {
    const before = values.slice(Math.max(0, i - k), i).filter((v): v is number => v !== null);
    if (value === null || before.length === 0) return null;
    const mean = before.reduce((a, b) => a + b, 0) / before.length;
    return mean > 0 ? value / mean - 1 : null;
  });
}
