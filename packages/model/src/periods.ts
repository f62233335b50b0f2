import { z } from 'zod';

/** How finely a series is cut: UTC days, ISO weeks (starting Monday) or calendar months. */
export const GRAINS = ['day', 'week', 'month'] as const;
export const Grain = z.enum(GRAINS);
export type Grain = z.infer<typeof Grain>;

export const Day = z.iso.date({ message: 'a UTC day, YYYY-MM-DD' });

const DAY_MS = 86_400_000;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(new Date(toDate(day).getTime() + days * DAY_MS));
}

/** The first day of the period holding `day`. */
export function periodStart(day: string, grain: Grain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriod(start: string, grain: Grain): string {
  if (grain === 'day') return addDays(start, 1);
  if (grain === 'week') return addDays(start, 7);
  const date = toDate(start);
  date.setUTCMonth(date.getUTCMonth() + 1, 1);
  return toDay(date);
}

/** Starts of every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, grain: Grain): string[] {
  const out: string[] = [];
  for (let p = periodStart(from, grain); p <= to; p = nextPeriod(p, grain)) out.push(p);
  return out;
}

/** The last day of the period starting at `start`. */
export function periodEnd(start: string, grain: Grain): string {
  return addDays(nextPeriod(start, grain), -1);
}
