import type { Source } from '@peacebell/model';
import { list, sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';

/**
 * Days on which the store (or the scope's sources) has any event at all. A day without one is a
 * gap in the feed, not a quiet day: series treat it as unknown, so a gap is never a drop and the
 * day after it is never a jump.
 */
export async function daysWithData(
  store: Store,
  from: string,
  to: string,
  sources: readonly Source[],
): Promise<Set<string>> {
  const only = sources.length ? sql` AND source IN (${list(sources)})` : sql``;
  const rows = await store.query<{
    day: string;
  }>(sql`SELECT DISTINCT ${store.dialect.formatDate(sql`day`, 'day')} AS day FROM rollup_world_day
    WHERE day BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)${only}`);
  return new Set(rows.map((r) => r.day));
}
