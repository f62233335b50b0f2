import { addDays, periodStart } from '@peacebell/model';

/** Sunday, the last day of an ISO week: a weekly test's window is then exactly that week. */
export const isWeekEnd = (day: string): boolean => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;

/** The Sunday that ends the ISO week of `day`. */
export const weekEndOf = (day: string): string => addDays(periodStart(day, 'week'), 6);

/** The end of the last ISO week that is over on `day` (`day` itself when it is a Sunday). */
export const lastWeekEnd = (day: string): string =>
  isWeekEnd(day) ? day : addDays(periodStart(day, 'week'), -1);

/**
 * The days a hotspot request covers: `date`, else `from`..`to`, else the last day with data. For
 * weekly tests, the ends of the ISO weeks those days are in, and by default the last week that is
 * over (a week that is not is not tested: its Sunday has no data yet).
 */
export function hotspotRange(
  q: { date?: string | undefined; from?: string | undefined; to?: string | undefined },
  last: string,
  grain: 'day' | 'week',
): { from: string; to: string } {
  const week = grain === 'week';
  const ends = (day: string) => (week ? weekEndOf(day) : day);
  if (q.date) return { from: ends(q.date), to: ends(q.date) };
  const end = week ? lastWeekEnd(last) : last;
  const from = q.from ? ends(q.from) : q.to ? ends(q.to) : end;
  const to = q.to ? ends(q.to) : q.from ? end : from;
  return { from, to };
}
