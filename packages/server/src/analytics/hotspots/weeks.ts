import { addDays, periodStart } from '@peacebell/model';

/** Sunday, the last day of an ISO week: a weekly test's window is then exactly that week. */
export const isWeekEnd = (day: string): boolean => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;

/** The Sunday that ends the ISO week of `day`. */
export const weekEndOf = (day: string): string => addDays(periodStart(day, 'week'), 6);

/** The end of the last ISO week that is over on `day` (`day` itself when it is a Sunday). */
export const lastWeekEnd = (day: string): string =>
  isWeekEnd(day) ? day : addDays(periodStart(day, 'week'), -1);

/**
 * The days a hotspot request covers: `date` (its ISO week for weekly tests), else `from`..`to`,
 * else the last day with data (the last week that is over, for weekly tests).
 */
export function hotspotRange(
  q: { date?: string | undefined; from?: string | undefined; to?: string | undefined },
  last: string,
  grain: 'day' | 'week',
): { from: string; to: string } {
  const week = grain === 'week';
  if (q.date) {
    const day = week ? weekEndOf(q.date) : q.date;
    return { from: day, to: day };
  }
  const end = week ? lastWeekEnd(last) : last;
  const from = q.from ?? q.to ?? end;
  const to = q.to ?? (q.from ? end : from);
  return { from, to };
}
