import type { AlertPacket } from '@peacebell/model';
import { list, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import type { Subject } from './firings/types.ts';

type TopEvent = AlertPacket['top_events'][number];

export const TOP_EVENTS = 10;

/** An event row as the top-events queries (here and the hotspot explanation) read it. */
export interface EventRow {
  id: string;
  event_date: string;
  source: string;
  category: string | null;
  actor1_name: string | null;
  actor2_name: string | null;
  action_geo_name: string | null;
  event_code?: string | null;
  fatalities_best: number | null;
  source_url: string | null;
}

/** The packet's form of an event: a one-line summary (actors, kind, place) beside its link. */
export const toTopEvent = (r: EventRow): TopEvent => ({
  id: r.id,
  event_date: r.event_date,
  source: r.source,
  category: r.category,
  summary: [
    [r.actor1_name, r.actor2_name].filter(Boolean).join(' → ') || null,
    r.category ?? r.event_code,
    r.action_geo_name ? `at ${r.action_geo_name}` : null,
  ]
    .filter(Boolean)
    .join(', '),
  fatalities: r.fatalities_best,
  source_url: r.source_url,
});

/** The events behind an alert: most deaths, then most reports, with their source links. */
export async function topEvents(
  store: Store,
  subject: Subject,
  from: string,
  to: string,
  categories?: readonly string[],
): Promise<TopEvent[]> {
  const place = subject.partner
    ? sql`((actor1_country = ${subject.country} AND actor2_country = ${subject.partner}) OR (actor1_country = ${subject.partner} AND actor2_country = ${subject.country}))`
    : subject.adm1
      ? sql`action_geo_country = ${subject.country} AND action_geo_adm1 = ${subject.adm1}`
      : sql`action_geo_country = ${subject.country}`;
  const kinds = categories?.length ? sql` AND category IN (${list(categories)})` : sql``;
  const rows = await store.query<EventRow>(sql`
    SELECT id, ${store.dialect.formatDate(sql`event_date`, 'day')} AS event_date, source, category, actor1_name, actor2_name,
      action_geo_name, event_code, fatalities_best, source_url
    FROM events
    WHERE ${place} AND event_date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)${kinds}
    ORDER BY fatalities_best DESC NULLS LAST, num_sources DESC NULLS LAST, event_date DESC, id
    LIMIT ${TOP_EVENTS}`);
  return rows.map(toTopEvent);
}
