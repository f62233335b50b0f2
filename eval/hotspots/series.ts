import { addDays, CONFLICT_CATEGORIES } from '@peacebell/model';
import { list, sql } from '../../packages/server/src/store/sql.ts';
import type { Store } from '../../packages/server/src/store/store.ts';
import { HOTSPOT_METHOD } from '../../packages/server/src/analytics/hotspots/method.ts';
import { undatedSql } from '../../packages/server/src/analytics/hotspots/undated.ts';
import type { Dataset, Episode } from './episodes.ts';
import { daysBetween, type Coverage } from './score.ts';

/** One country's daily conflict events and fatalities in one dataset, over the dataset's span. */
export interface CountrySeries {
  country: string;
  dataset: Dataset;
  /** values[i] is the day dataset.from + i; null on the days the dataset does not cover. */
  events: (number | null)[];
  fatalities: (number | null)[];
}

/** The day at index i of a dataset's series. */
export const dayAt = (dataset: Dataset, i: number): string => addDays(dataset.from, i);

/** Daily series of every country with events in the dataset, from the country rollup. */
export async function readSeries(store: Store, dataset: Dataset): Promise<CountrySeries[]> {
  const rows = await store.query<{ country: string; day: string; events: number; deaths: number }>(sql`
    SELECT country, strftime(day, '%Y-%m-%d') AS day,
      sum(CASE WHEN category IN (${list(CONFLICT_CATEGORIES)}) THEN events ELSE 0 END)::DOUBLE AS events,
      sum(fat_best)::DOUBLE AS deaths
    FROM rollup_country_day
    WHERE source = ${dataset.id} AND day >= CAST(${dataset.from} AS DATE) AND day <= CAST(${dataset.to} AS DATE)
    GROUP BY ALL ORDER BY country, day`);
  // The same events the hotspot test reads: those dated only to a period longer than a week are
  // left out for every method (docs/hotspots.md).
  const undated = await store.query<{ country: string; day: string; x: number; d: number }>(sql`
    SELECT country, strftime(day, '%Y-%m-%d') AS day, x, d
    FROM (${undatedSql({ unit: 'country', from: dataset.from, to: dataset.to, spanDays: HOTSPOT_METHOD.params.recentDays })})
    WHERE source = ${dataset.id}`);
  const length = daysBetween(dataset.from, dataset.to) + 1;
  const covered = Array.from({ length }, (_, i) => {
    const day = dayAt(dataset, i);
    return !dataset.gaps.some((g) => day >= g.from && day <= g.to);
  });
  const byCountry = new Map<string, CountrySeries>();
  for (const row of rows) {
    let s = byCountry.get(row.country);
    if (!s) {
      s = {
        country: row.country,
        dataset,
        events: covered.map((c) => (c ? 0 : null)),
        fatalities: covered.map((c) => (c && dataset.fatalities ? 0 : null)),
      };
      byCountry.set(row.country, s);
    }
    const i = daysBetween(dataset.from, row.day);
    if (covered[i]) {
      s.events[i] = Number(row.events);
      if (dataset.fatalities) s.fatalities[i] = Number(row.deaths);
    }
  }
  for (const row of undated) {
    const s = byCountry.get(row.country);
    const i = daysBetween(dataset.from, row.day);
    if (!s || !covered[i]) continue;
    s.events[i] = (s.events[i] ?? 0) - Number(row.x);
    if (dataset.fatalities) s.fatalities[i] = (s.fatalities[i] ?? 0) - Number(row.d);
  }
  return [...byCountry.values()];
}

export const coverageOf = (s: CountrySeries): Coverage => ({
  country: s.country,
  dataset: s.dataset.id,
  from: s.dataset.from,
  to: s.dataset.to,
  gaps: s.dataset.gaps,
});

/** Conflict events of a series in [onset + from, onset + to] (covered days only). */
export function eventsAround(s: CountrySeries, onset: string, from: number, to: number): number {
  const base = daysBetween(s.dataset.from, onset);
  let n = 0;
  for (let i = base + from; i <= base + to; i++) n += s.events[i] ?? 0;
  return n;
}

/**
 * The documented rule that the data records an episode at all: at least one conflict event of the
 * country in its dataset in the 14 days from the onset. An episode without one is not scored (its
 * window still is not quiet); the reason is given as for the episodes dropped by hand.
 */
export function applyRecordedRule(episodes: readonly Episode[], series: readonly CountrySeries[]): Episode[] {
  return episodes.map((e) => {
    if (e.dropped) return e;
    const s = series.find((x) => x.country === e.country && x.dataset.id === e.dataset);
    if (s && eventsAround(s, e.onset, 0, 13) > 0) return e;
    return { ...e, dropped: `no ${e.dataset} event in ${e.country} in the 14 days from the onset` };
  });
}
