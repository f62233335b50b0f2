import { EVENT_FIELDS } from '@peacebell/model';
import { ident, join, list, sql, type Sql } from '../store/sql.ts';
import type { Dialect } from '../store/store.ts';

/** Filters of `peacebell events` (and later the API), already validated. */
export interface EventFilter {
  /** ISO3: the action location or either actor. */
  country?: string;
  /** First-level region of the action location, as the source codes it. */
  adm1?: string;
  /** CAMEO actor code prefix of either actor (KAZ, KAZGOV). */
  actor?: string;
  from?: string;
  to?: string;
  roots?: readonly string[];
  codes?: readonly string[];
  quads?: readonly number[];
  sources?: readonly string[];
  limit?: number;
  /** Keyset paging: only events after this (event_date, id), in the listing's order. */
  after?: { event_date: string; id: string };
  /** Oldest first (default) or newest first. */
  order?: 'asc' | 'desc';
}

export function eventsWhere(f: EventFilter): Sql {
  const clauses: Sql[] = [sql`TRUE`];
  if (f.country) {
    clauses.push(
      sql`(action_geo_country = ${f.country} OR actor1_country = ${f.country} OR actor2_country = ${f.country})`,
    );
  }
  if (f.adm1) clauses.push(sql`action_geo_adm1 = ${f.adm1}`);
  if (f.actor)
    clauses.push(sql`(starts_with(actor1_code, ${f.actor}) OR starts_with(actor2_code, ${f.actor}))`);
  if (f.from) clauses.push(sql`event_date >= CAST(${f.from} AS DATE)`);
  if (f.to) clauses.push(sql`event_date <= CAST(${f.to} AS DATE)`);
  if (f.roots?.length) clauses.push(sql`event_root_code IN (${list(f.roots)})`);
  if (f.codes?.length) clauses.push(sql`event_code IN (${list(f.codes)})`);
  if (f.quads?.length) clauses.push(sql`quad_class IN (${list(f.quads)})`);
  if (f.sources?.length) clauses.push(sql`source IN (${list(f.sources)})`);
  if (f.after) {
    const day = sql`CAST(${f.after.event_date} AS DATE)`;
    clauses.push(
      f.order === 'desc'
        ? sql`(event_date < ${day} OR (event_date = ${day} AND id < ${f.after.id}))`
        : sql`(event_date > ${day} OR (event_date = ${day} AND id > ${f.after.id}))`,
    );
  }
  return join(clauses, ' AND ');
}

/** Canonical events matching the filter, oldest (or newest) first, every canonical field. */
export function eventsQuery(f: EventFilter, dialect: Dialect): Sql {
  const columns = join(
    EVENT_FIELDS.map((c) =>
      c === 'date_added'
        ? sql`${dialect.formatDate(sql`date_added`, 'time')} AS date_added`
        : sql`${ident(c)}`,
    ),
  );
  const limit = f.limit ? sql` LIMIT ${f.limit}` : sql``;
  const order = f.order === 'desc' ? sql`event_date DESC, id DESC` : sql`event_date, id`;
  return sql`SELECT ${columns} FROM events WHERE ${eventsWhere(f)} ORDER BY ${order}${limit}`;
}
