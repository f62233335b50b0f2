import { addDays, CONFLICT_CATEGORIES, type Source } from '@peacebell/model';
import { list, sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { surprise, volumeRatio } from './evaluate.ts';
import { HOTSPOT_METHOD, type HotspotParams } from './method.ts';
import { candidatesSql, type Candidate } from './scan-sql.ts';
import { upperTail } from './surprise.ts';
import type { HotspotDay } from './types.ts';
import { regionNames } from '../region-names.ts';
import { scanHotspots } from './scan.ts';

export interface ExplainPoint {
  day: string;
  /** Conflict events in the 7 days up to the day, what the baseline expects, and the counts at which watch and warning start. */
  count: number;
  expected: number;
  watch_at: number;
  warning_at: number;
  score: number;
  deaths: number;
}

export interface Explanation {
  country: string;
  adm1: string;
  /** The region's readable name (GDELT's FIPS codes named from its place names); '' for a country. */
  adm1_name: string;
  date: string;
  /** The unit's hotspots on `date`, per source and all together. */
  hotspots: (HotspotDay & { region_name: string })[];
  /** Per source, the daily test over the 90 days up to `date`. */
  series: { source: string; points: ExplainPoint[] }[];
  /** Categories in the last 7 days against the baseline's weekly mean. */
  drivers: { category: string; recent: number; baseline_weekly: number }[];
  actors: { actor: string; events: number }[];
  /** The last 7 days' events with the most deaths, then the most sources, with links. */
  top_events: {
    id: string;
    event_date: string;
    source: string;
    category: string;
    actor1_name: string | null;
    actor2_name: string | null;
    action_geo_name: string | null;
    fatalities_best: number | null;
    num_sources: number | null;
    source_url: string | null;
    notes: string | null;
  }[];
}

/** The smallest count whose tail probability is at most 10^−score. */
function countAt(score: number, expected: number, spread: number): number {
  let k = Math.max(1, Math.ceil(expected));
  while (k < expected * 100 + 1000 && upperTail(k, expected, spread) > 10 ** -score) k++;
  return k;
}

/** Why a unit is (or is not) a hotspot on a day: its series against the baseline, drivers and evidence. */
export async function explainHotspot(
  store: Store,
  country: string,
  date: string,
  adm1 = '',
  p: HotspotParams = HOTSPOT_METHOD.params,
): Promise<Explanation> {
  const unit = adm1 ? 'adm1' : 'country';
  const from = addDays(date, -89);
  const request = { unit, from, to: date, country } as const;
  const rows = (await store.query<Candidate>(candidatesSql(store.dialect, request, p, 0, true))).filter(
    (r) => r.adm1 === adm1 && r.day >= from,
  );
  const bySource = new Map<string, ExplainPoint[]>();
  for (const r of rows) {
    const volume = volumeRatio(r, p);
    const test = surprise(r.recent, r.base_days, r.base_sum, r.base_sumsq, p, volume);
    const mean = (r.base_sum + p.priorEvents) / r.base_days;
    const raw = r.base_sum / r.base_days;
    const variance =
      r.base_days > 1 ? Math.max(mean, (r.base_sumsq - r.base_days * raw * raw) / (r.base_days - 1)) : mean;
    const spread = Math.max(test.expected, p.recentDays * variance * volume * volume);
    const points = bySource.get(r.source) ?? [];
    points.push({
      day: r.day,
      count: r.recent,
      expected: Math.round(test.expected * 100) / 100,
      watch_at: countAt(p.levels.watch.score, test.expected, spread),
      warning_at: countAt(p.levels.warning.score, test.expected, spread),
      score: Math.round(test.score * 100) / 100,
      deaths: r.recent_deaths,
    });
    bySource.set(r.source, points);
  }
  const scanned = (await scanHotspots(store, { unit, from: date, to: date, country }, p)).filter(
    (h) => h.adm1 === adm1 && h.phase !== 'ended',
  );
  const recentFrom = addDays(date, -(p.recentDays - 1));
  // Every row is about the unit explained, so one name serves them all.
  const adm1Name = (await regionNames(store, country, [adm1], recentFrom, date)).get(adm1) ?? adm1;
  const hotspots = scanned.map((h) => ({ ...h, region_name: adm1Name }));
  const place = adm1
    ? sql`action_geo_country = ${country} AND action_geo_adm1 = ${adm1}`
    : sql`action_geo_country = ${country}`;
  const baseFrom = addDays(date, -(p.recentDays + p.baselineDays - 1));
  const baseTo = addDays(date, -p.recentDays);
  const drivers = await store.query<Explanation['drivers'][number]>(sql`
    SELECT category,
      count(*) FILTER (WHERE event_date >= CAST(${recentFrom} AS DATE))::INTEGER AS recent,
      ${store.dialect.round(sql`count(*) FILTER (WHERE event_date <= CAST(${baseTo} AS DATE)) * ${p.recentDays} / ${p.baselineDays}`, 2)}::DOUBLE
        AS baseline_weekly
    FROM events
    WHERE ${place} AND event_date >= CAST(${baseFrom} AS DATE) AND event_date <= CAST(${date} AS DATE)
      AND category IN (${list(CONFLICT_CATEGORIES)})
    GROUP BY category HAVING recent > 0 ORDER BY recent - baseline_weekly DESC, category`);
  const actors = await store.query<Explanation['actors'][number]>(sql`
    SELECT actor, count(*)::INTEGER AS events FROM (
      SELECT ${store.dialect.unnest([sql`actor1_name`, sql`actor2_name`])} AS actor FROM events
      WHERE ${place} AND event_date >= CAST(${recentFrom} AS DATE) AND event_date <= CAST(${date} AS DATE)
        AND category IN (${list(CONFLICT_CATEGORIES)}))
    WHERE actor IS NOT NULL AND actor <> '' GROUP BY actor ORDER BY events DESC, actor LIMIT 10`);
  const top_events = await store.query<Explanation['top_events'][number]>(sql`
    SELECT id, ${store.dialect.formatDate(sql`event_date`, 'day')} AS event_date, source, category, actor1_name, actor2_name,
      action_geo_name, fatalities_best, num_sources, source_url, notes
    FROM events
    WHERE ${place} AND event_date >= CAST(${recentFrom} AS DATE) AND event_date <= CAST(${date} AS DATE)
      AND category IN (${list(CONFLICT_CATEGORIES)})
    ORDER BY fatalities_best DESC NULLS LAST, num_sources DESC NULLS LAST, event_date DESC, id LIMIT 10`);
  return {
    country,
    adm1,
    adm1_name: adm1Name,
    date,
    hotspots,
    series: [...bySource.entries()].map(([source, points]) => ({ source: source as Source, points })),
    drivers,
    actors,
    top_events,
  };
}
