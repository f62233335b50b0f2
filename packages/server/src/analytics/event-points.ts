import type { EventPoints } from '@peacebell/model';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { eventsWhere, type EventFilter } from './events.ts';

/**
 * Where the events of a selection happened: their coordinates rounded to 0.01° (about 1 km) and
 * counted per place, the busiest `limit` places first, with how many places, events and events
 * with coordinates the whole selection has (so a map can say when it shows only part of it).
 */
export async function eventPoints(store: Store, filter: EventFilter, limit: number): Promise<EventPoints> {
  const where = eventsWhere(filter);
  const [totals] = await store.query<{ events: number; located: number }>(sql`
    SELECT count(*)::DOUBLE AS events,
      count(*) FILTER (WHERE action_geo_lat IS NOT NULL AND action_geo_lon IS NOT NULL)::DOUBLE AS located
    FROM events WHERE ${where}`);
  const rows = await store.query<{ lat: number; lon: number; events: number; places: number }>(sql`
    SELECT ${store.dialect.round(sql`action_geo_lat`, 2)}::DOUBLE AS lat, ${store.dialect.round(sql`action_geo_lon`, 2)}::DOUBLE AS lon,
      count(*)::DOUBLE AS events, (count(*) OVER ())::DOUBLE AS places
    FROM events
    WHERE ${where} AND action_geo_lat IS NOT NULL AND action_geo_lon IS NOT NULL
    GROUP BY 1, 2 ORDER BY events DESC, lat, lon LIMIT ${limit}`);
  return {
    points: rows.map(({ lat, lon, events }) => ({ lat, lon, events })),
    places: rows[0]?.places ?? 0,
    events: totals?.events ?? 0,
    located: totals?.located ?? 0,
  };
}
