import { addDays, periodStart, type Grain } from '@peacebell/model';
import { ParamError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import { latestDay } from './countries.ts';

/** How far back a series reaches when no start is given: 90 days, 52 weeks or 24 months. */
const SPAN: Record<Grain, number> = { day: 90, week: 52, month: 24 };

function stepsBack(day: string, grain: Grain, steps: number): string {
  if (grain === 'day') return addDays(day, -(steps - 1));
  if (grain === 'week') return addDays(periodStart(day, 'week'), -7 * (steps - 1));
  const [year, month] = periodStart(day, 'month').split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - (steps - 1), 1)).toISOString().slice(0, 10);
}

/** The last day with data, so a historical store shows its own latest picture; today when empty. */
export async function lastDay(store: Store, clock: () => Date): Promise<string> {
  return (await latestDay(store)) ?? clock().toISOString().slice(0, 10);
}

/** The window of a request: `to` defaults to the last day with data, `from` to a span back from it. */
export async function resolveWindow(
  store: Store,
  clock: () => Date,
  grain: Grain,
  from?: string,
  to?: string,
): Promise<{ from: string; to: string }> {
  const end = to ?? (await lastDay(store, clock));
  const start = from ?? stepsBack(end, grain, SPAN[grain]);
  if (start > end) throw new ParamError('from', `from (${start}) is after to (${end})`);
  return { from: start, to: end };
}
