import { CONFLICT_CATEGORIES, type Source } from '@peacebell/model';
import { list, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { regionNames } from './region-names.ts';

export interface RegionSummary {
  adm1: string;
  /** A readable name: GDELT's FIPS codes named from its place names (`region-names.ts`), else `adm1`. */
  name: string;
  events: number;
  conflict_share: number | null;
  /** The largest of the sources' best estimates (they overlap). */
  fatalities: number;
  sources: number;
  /** The event-weighted centroid of the region's events with coordinates; null without any. */
  lat: number | null;
  lon: number | null;
}

/**
 * A country's first-level regions over a window, the most active first (from the ADM1 rollup),
 * each with the mean position of its events that have coordinates (read from `events`, pruned to
 * the window by the date zone maps). Longitudes are averaged on the circle, so a region across
 * ±180° does not land on the far side of the world.
 */
export async function regionsOf(
  store: Store,
  country: string,
  from: string,
  to: string,
  sources?: readonly Source[],
): Promise<RegionSummary[]> {
  const bySource = sources?.length ? sql` AND source IN (${list(sources)})` : sql``;
  const regions = await store.query<Omit<RegionSummary, 'name'>>(sql`
    WITH per_source AS (
      SELECT adm1, source, sum(events) AS events,
        sum(CASE WHEN category IN (${list(CONFLICT_CATEGORIES)}) THEN events ELSE 0 END) AS conflict,
        sum(fat_best) AS fatalities
      FROM rollup_adm1_day
      WHERE country = ${country} AND day >= CAST(${from} AS DATE) AND day <= CAST(${to} AS DATE)${bySource}
      GROUP BY adm1, source),
    centroids AS (
      SELECT action_geo_adm1 AS adm1, avg(action_geo_lat) AS lat,
        degrees(atan2(avg(sin(radians(action_geo_lon))), avg(cos(radians(action_geo_lon))))) AS lon
      FROM events
      WHERE action_geo_country = ${country} AND action_geo_adm1 IS NOT NULL
        AND action_geo_lat IS NOT NULL AND action_geo_lon IS NOT NULL
        AND event_date >= CAST(${from} AS DATE) AND event_date <= CAST(${to} AS DATE)${bySource}
      GROUP BY action_geo_adm1),
    regions AS (
      SELECT adm1, sum(events)::DOUBLE AS events,
        sum(conflict)::DOUBLE / nullif(sum(events), 0)::DOUBLE AS conflict_share,
        max(fatalities)::DOUBLE AS fatalities, count(*)::INTEGER AS sources
      FROM per_source GROUP BY adm1)
    SELECT r.*, ${store.dialect.round(sql`c.lat`, 4)}::DOUBLE AS lat, ${store.dialect.round(sql`c.lon`, 4)}::DOUBLE AS lon
    FROM regions r LEFT JOIN centroids c USING (adm1)
    ORDER BY r.events DESC, r.adm1`);
  const names = await regionNames(
    store,
    country,
    regions.map((r) => r.adm1),
    from,
    to,
  );
  return regions.map((r) => ({ ...r, name: names.get(r.adm1) ?? r.adm1 }));
}
