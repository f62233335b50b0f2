import { addDays, CANONICAL_CATEGORIES, scopeCountries, TRACKS, type Trigger } from '@peacebell/model';
import { list, sql, type Sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { placeName } from './indicator.ts';
import {
  adm1Subjects,
  countrySubject,
  round,
  type Firing,
  type FiringRequest,
  type Subject,
} from './types.ts';

type FirstTrigger = Extract<Trigger, { kind: 'first' }>;

/** "First" means none in the year before (or since the store's first day, if later). */
export const FIRST_QUIET_DAYS = 365;

export function categoriesOf(what: string): readonly string[] {
  const track = TRACKS.find((t) => t.id === what);
  if (track) return track.categories;
  return CANONICAL_CATEGORIES.some((c) => c.id === what) ? [what] : [];
}

/** A pair is one subject, both directions together: `CHN-KAZ` with country CHN and partner KAZ. */
const undirected = (pair: string): Subject => {
  const [a, b] = pair.split('-') as [string, string];
  return { key: pair, country: a, adm1: null, partner: b };
};

function placeWhere(s: Subject): { table: Sql; where: Sql } {
  if (s.partner)
    return {
      table: sql`rollup_pair_day`,
      where: sql`((country = ${s.country} AND partner = ${s.partner}) OR (country = ${s.partner} AND partner = ${s.country}))`,
    };
  if (s.adm1) return { table: sql`rollup_adm1_day`, where: sql`country = ${s.country} AND adm1 = ${s.adm1}` };
  return { table: sql`rollup_country_day`, where: sql`country = ${s.country}` };
}

export async function firstFirings(store: Store, r: FiringRequest<FirstTrigger>): Promise<Firing[]> {
  const scope = r.spec.scope;
  const categories = categoriesOf(r.trigger.what);
  const domains = scope.domains.length ? sql` AND domain IN (${list(scope.domains)})` : sql``;
  const sources = scope.sources.length ? sql` AND source IN (${list(scope.sources)})` : sql``;
  const [{ first } = { first: null }] = await store.query<{ first: string | null }>(
    sql`SELECT ${store.dialect.formatDate(sql`min(day)`, 'day')} AS first FROM rollup_world_day`,
  );
  const subjects = [
    ...scopeCountries(scope).map(countrySubject),
    ...adm1Subjects(scope.adm1),
    ...scope.pairs.map(undirected),
  ];
  const firings: Firing[] = [];
  for (const subject of subjects) {
    const { table, where } = placeWhere(subject);
    const days = await store.query<{ day: string; events: number }>(sql`
      SELECT ${store.dialect.formatDate(sql`day`, 'day')} AS day, sum(events)::DOUBLE AS events FROM ${table}
      WHERE ${where} AND category IN (${list(categories)})${domains}${sources}
        AND day BETWEEN CAST(${addDays(r.from, -FIRST_QUIET_DAYS)} AS DATE) AND CAST(${r.to} AS DATE)
      GROUP BY day HAVING sum(events) > 0 ORDER BY day`);
    let previous: string | null = null;
    for (const d of days) {
      if (d.day >= r.from && (previous === null || previous < addDays(d.day, -FIRST_QUIET_DAYS))) {
        const since =
          first && first > addDays(d.day, -FIRST_QUIET_DAYS)
            ? `since the store's first day, ${first}`
            : `in ${FIRST_QUIET_DAYS} days`;
        firings.push({
          subject,
          day: d.day,
          severity: 'warning',
          confidence: round(Math.min(1, d.events / 3), 2),
          value: d.events,
          baseline: 0,
          unit: `${r.trigger.what} events`,
          headline: `first ${r.trigger.what} ${since}`,
          summary: `${placeName(subject).replace(' → ', ' and ')}: first ${r.trigger.what} event${d.events === 1 ? '' : 's'} ${since} (${d.events} on ${d.day})`,
        });
      }
      previous = d.day;
    }
  }
  return firings;
}
