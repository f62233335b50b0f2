import { addDays, CONFLICT_CATEGORIES, countryByIso3, periodsBetween, type Source } from '@peacebell/model';
import { rollupSource } from '../store/rollups.ts';
import { list, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export interface CountryStatus {
  country: string;
  name: string | null;
  /** The last 7 days up to `as_of`. */
  events_7d: number;
  /** Mean events per 7 days over the 28 days before. */
  baseline_7d: number;
  /** events_7d / baseline_7d; null without a baseline. */
  change: number | null;
  conflict_share_7d: number | null;
  goldstein_7d: number | null;
  /** The largest of the sources' best estimates (the sources overlap, so they are not added). */
  fatalities_7d: number;
  sources_7d: number;
  last_day: string;
}

export interface CountriesStatus {
  as_of: string | null;
  countries: CountryStatus[];
}

/** The last day with located events (in the rollups), or null for an empty store. */
export async function latestDay(store: Store): Promise<string | null> {
  if (store.dialect.notedLastDay) {
    const [noted] = await store.query<{ day: string | null }>(store.dialect.notedLastDay);
    if (noted?.day) return noted.day;
  }
  const [row] = await store.query<{ day: string | null }>(
    sql`SELECT ${store.dialect.formatDate(sql`max(day)`, 'day')} AS day FROM rollup_country_day`,
  );
  return row?.day ?? null;
}

/** Every country with events, and how its last week compares with the four before. */
export async function countriesStatus(
  store: Store,
  asOf?: string,
  sources?: readonly Source[],
  raw = false,
): Promise<CountriesStatus> {
  const day = asOf ?? (await latestDay(store));
  if (!day) return { as_of: null, countries: [] };
  const weekStart = addDays(day, -6);
  const baseStart = addDays(day, -34);
  const bySource = sources?.length ? sql` AND source IN (${list(sources)})` : sql``;
  const recent = sql`day >= CAST(${weekStart} AS DATE)`;
  // Per source first: the sources overlap, so their fatalities are not added up but the largest kept.
  const rows = await store.query<Omit<CountryStatus, 'name' | 'change'>>(sql`
    WITH per_source AS (
      SELECT country, source,
        sum(CASE WHEN ${recent} THEN events ELSE 0 END) AS recent_events,
        sum(CASE WHEN NOT ${recent} THEN events ELSE 0 END) AS base_events,
        sum(CASE WHEN ${recent} AND category IN (${list(CONFLICT_CATEGORIES)}) THEN events ELSE 0 END) AS conflict,
        sum(CASE WHEN ${recent} THEN gs_sum ELSE 0 END) AS gs_sum,
        sum(CASE WHEN ${recent} THEN gs_weight ELSE 0 END) AS gs_weight,
        sum(CASE WHEN ${recent} THEN fat_best ELSE 0 END) AS fatalities,
        max(day) AS last_day
      FROM ${rollupSource('country', raw, store.dialect)} AS r
      WHERE day >= CAST(${baseStart} AS DATE) AND day <= CAST(${day} AS DATE)${bySource}
      GROUP BY country, source)
    SELECT country,
      sum(recent_events)::DOUBLE AS events_7d,
      (sum(base_events) / 4.0)::DOUBLE AS baseline_7d,
      sum(conflict)::DOUBLE / nullif(sum(recent_events), 0)::DOUBLE AS conflict_share_7d,
      sum(gs_sum)::DOUBLE / nullif(sum(gs_weight), 0)::DOUBLE AS goldstein_7d,
      max(fatalities)::DOUBLE AS fatalities_7d,
      (count(*) FILTER (WHERE recent_events > 0))::INTEGER AS sources_7d,
      ${store.dialect.formatDate(sql`max(last_day)`, 'day')} AS last_day
    FROM per_source GROUP BY country
    ORDER BY events_7d DESC, country`);
  return {
    as_of: day,
    countries: rows.map((r) => ({
      ...r,
      name: countryByIso3(r.country)?.name ?? null,
      change: r.baseline_7d > 0 ? Math.round((r.events_7d / r.baseline_7d) * 1000) / 1000 : null,
    })),
  };
}

export interface ConflictSeries {
  country: string;
  /** Conflict events per day, from `from` to `to`, days without events as 0. */
  values: number[];
}

/** Daily conflict events of a few countries (for sparklines), from the country rollup. */
export async function conflictSeries(
  store: Store,
  countries: readonly string[],
  from: string,
  to: string,
): Promise<ConflictSeries[]> {
  if (countries.length === 0) return [];
  const rows = await store.query<{ country: string; day: string; n: number }>(sql`
    SELECT country, ${store.dialect.formatDate(sql`day`, 'day')} AS day,
      sum(CASE WHEN category IN (${list(CONFLICT_CATEGORIES)}) THEN events ELSE 0 END)::DOUBLE AS n
    FROM rollup_country_day
    WHERE country IN (${list(countries)}) AND day >= CAST(${from} AS DATE) AND day <= CAST(${to} AS DATE)
    GROUP BY ALL`);
  const days = periodsBetween(from, to, 'day');
  const index = new Map(days.map((d, i) => [d, i]));
  const out = new Map(countries.map((c) => [c, days.map(() => 0)]));
  for (const r of rows) {
    const values = out.get(r.country);
    const i = index.get(r.day);
    if (values && i !== undefined) values[i] = r.n;
  }
  return [...out.entries()].map(([country, values]) => ({ country, values }));
}
