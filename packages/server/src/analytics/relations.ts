import { periodEnd, periodsBetween, periodStart, TRACKS, type Grain, type Source } from '@peacebell/model';
import { ParamError } from '../errors.ts';
import { rollupSource } from '../store/rollups.ts';
import { ident, join, list, sql, type Sql } from '../store/sql.ts';
import type { Dialect, Store } from '../store/store.ts';
import { relationScore, type RelationScore } from './relation-score.ts';

export type TrackCounts = Record<(typeof TRACKS)[number]['id'], number>;

export interface RelationPoint extends RelationScore {
  period: string;
  events: number;
  reports: number;
  tracks: TrackCounts;
}

export interface Direction {
  from: string;
  to: string;
  /** The whole window at once. */
  total: Omit<RelationPoint, 'period'>;
  series: RelationPoint[];
}

export interface RelationEvent {
  id: string;
  event_date: string;
  from: string;
  to: string;
  actor1_name: string | null;
  actor2_name: string | null;
  event_code: string | null;
  category: string;
  goldstein: number | null;
  num_sources: number | null;
  action_geo_name: string | null;
  source: string;
  source_url: string | null;
}

export interface PairRelations {
  a: string;
  b: string;
  grain: Grain;
  from: string;
  to: string;
  /** How a treats b, and how b treats a. */
  directions: [Direction, Direction];
  /** The period (first day) whose events `top_events` lists: the last one unless asked. */
  events_period: string;
  /** The most reported events between them in `events_period`, both ways. */
  top_events: RelationEvent[];
}

export interface Window {
  from: string;
  to: string;
  sources?: readonly Source[];
  /** Compute from raw events instead of the rollups (for checks and benchmarks). */
  raw?: boolean;
}

type Sums = { events: number; weight: number; weight_sq: number; coop: number; conflict: number } & Record<
  string,
  number
>;

/** Sums of the pair rollup, per direction (and period when `bucket` is given). */
function pairSums(where: Sql, window: Window, bucket: Sql | null, dialect: Dialect): Sql {
  const tracks = TRACKS.map(
    (t) =>
      sql`sum(CASE WHEN category IN (${list(t.categories)}) THEN events ELSE 0 END)::DOUBLE AS ${ident(`track_${t.id}`)}`,
  );
  const period = bucket ? dialect.formatDate(bucket, 'day') : sql`''`;
  const sources = window.sources?.length ? sql` AND source IN (${list(window.sources)})` : sql``;
  return sql`SELECT country, partner, ${period} AS period,
      sum(events)::DOUBLE AS events, sum(weight)::DOUBLE AS weight, sum(weight_sq)::DOUBLE AS weight_sq,
      sum(coop_mass)::DOUBLE AS coop, sum(conflict_mass)::DOUBLE AS conflict, ${join(tracks)}
    FROM ${rollupSource('pair', window.raw, dialect)} AS r
    WHERE (${where}) AND day >= CAST(${window.from} AS DATE) AND day <= CAST(${window.to} AS DATE)${sources}
    GROUP BY ALL`;
}

const EMPTY: Sums = { events: 0, weight: 0, weight_sq: 0, coop: 0, conflict: 0 };

function point(s: Sums): Omit<RelationPoint, 'period'> {
  const tracks = Object.fromEntries(TRACKS.map((t) => [t.id, s[`track_${t.id}`] ?? 0])) as TrackCounts;
  const score = relationScore({
    events: s.events,
    weight: s.weight,
    weightSq: s.weight_sq,
    coop: s.coop,
    conflict: s.conflict,
  });
  return { events: s.events, reports: s.weight, ...score, tracks };
}

export function checkPair(a: string, b: string): void {
  if (a === b) throw new ParamError('b', `a pair needs two different countries (got ${a} twice)`);
}

/** The relations index both ways for one pair, per period and over the window, with its top events. */
export async function pairRelations(
  store: Store,
  a: string,
  b: string,
  grain: Grain,
  window: Window,
  topEvents = 10,
  eventsPeriod?: string,
): Promise<PairRelations> {
  checkPair(a, b);
  // The events behind one point of the series: a whole window would scan every event of the store.
  const period = periodStart(eventsPeriod ?? window.to, grain);
  const eventsWindow = {
    ...window,
    from: period > window.from ? period : window.from,
    to: periodEnd(period, grain) < window.to ? periodEnd(period, grain) : window.to,
  };
  const where = sql`(country = ${a} AND partner = ${b}) OR (country = ${b} AND partner = ${a})`;
  // Per period and over the whole window (period ''), in one query: a round trip saved on a server.
  const sums = await store.query<Sums & { country: string; period: string }>(
    sql`(${pairSums(where, window, store.dialect.dateBucket(sql`day`, grain), store.dialect)})
      UNION ALL (${pairSums(where, window, null, store.dialect)})`,
  );
  const perPeriod = sums.filter((r) => r.period !== '');
  const totals = sums.filter((r) => r.period === '');
  const events = await topPairEvents(store, a, b, eventsWindow, topEvents);
  const direction = (from: string, to: string): Direction => {
    const rows = new Map(perPeriod.filter((r) => r.country === from).map((r) => [r.period, r]));
    return {
      from,
      to,
      total: point(totals.find((r) => r.country === from) ?? EMPTY),
      series: periodsBetween(window.from, window.to, grain).map((period) => ({
        period,
        ...point(rows.get(period) ?? EMPTY),
      })),
    };
  };
  return {
    a,
    b,
    grain,
    from: window.from,
    to: window.to,
    directions: [direction(a, b), direction(b, a)],
    events_period: period,
    top_events: events,
  };
}

/** Events between the two countries, both ways, most reported first (the evidence behind the index). */
export async function topPairEvents(
  store: Store,
  a: string,
  b: string,
  window: Window,
  limit: number,
): Promise<RelationEvent[]> {
  if (limit <= 0) return [];
  const sources = window.sources?.length ? sql` AND source IN (${list(window.sources)})` : sql``;
  return store.query<RelationEvent>(sql`
    SELECT id, ${store.dialect.formatDate(sql`event_date`, 'day')} AS event_date, actor1_country AS "from", actor2_country AS "to",
           actor1_name, actor2_name, event_code, category, goldstein, num_sources, action_geo_name, source, source_url
    FROM events
    WHERE ((actor1_country = ${a} AND actor2_country = ${b}) OR (actor1_country = ${b} AND actor2_country = ${a}))
      AND event_date >= CAST(${window.from} AS DATE) AND event_date <= CAST(${window.to} AS DATE)${sources}
    ORDER BY num_sources DESC NULLS LAST, abs(goldstein) DESC NULLS LAST, event_date DESC, id
    LIMIT ${limit}`);
}

export interface Partner {
  partner: string;
  events: number;
  reports: number;
  /** How the country treats the partner, and how the partner treats it. */
  outgoing: Omit<RelationPoint, 'period'>;
  incoming: Omit<RelationPoint, 'period'>;
}

/** A country's partners over the window, the most reported relations first. */
export async function partners(
  store: Store,
  country: string,
  window: Window,
  limit: number,
): Promise<Partner[]> {
  const rows = await store.query<Sums & { country: string; partner: string }>(
    pairSums(sql`country = ${country} OR partner = ${country}`, window, null, store.dialect),
  );
  const byPartner = new Map<string, { out: Sums; in: Sums }>();
  for (const row of rows) {
    const other = row.country === country ? row.partner : row.country;
    const entry = byPartner.get(other) ?? { out: EMPTY, in: EMPTY };
    if (row.country === country) entry.out = row;
    else entry.in = row;
    byPartner.set(other, entry);
  }
  return [...byPartner.entries()]
    .map(([partner, sums]) => ({
      partner,
      events: sums.out.events + sums.in.events,
      reports: sums.out.weight + sums.in.weight,
      outgoing: point(sums.out),
      incoming: point(sums.in),
    }))
    .sort((x, y) => y.reports - x.reports || x.partner.localeCompare(y.partner))
    .slice(0, limit);
}
