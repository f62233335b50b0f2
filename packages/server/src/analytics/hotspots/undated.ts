import { CONFLICT_CATEGORIES } from '@peacebell/model';
import { rollupFor } from '../../store/rollups.ts';
import { list, sql, type Sql } from '../../store/sql.ts';

export interface UndatedRequest {
  unit: 'country' | 'adm1';
  /** Start days of the events, inclusive. */
  from: string;
  to: string;
  country?: string;
  /** Events whose dates span this many days or more are left out (the recent window's length). */
  spanDays: number;
}

/**
 * Events known only to a period longer than the recent window (UCDP codes events of a month or a
 * year with that range; a third of the deaths in the Myanmar file) are in the rollups on their
 * first day. A week cannot be said to have escalated from them, so the hotspot test leaves them
 * out: these rows, per unit, source and start day, are their conflict events and deaths, to be
 * subtracted from the rollup's.
 */
export function undatedSql(request: UndatedRequest): Sql {
  const spec = rollupFor(request.unit);
  const [country, adm1] = spec.keys;
  const region = request.unit === 'adm1' && adm1 ? adm1.from : sql`''`;
  const only = request.country && country ? sql` AND ${country.from} = ${request.country}` : sql``;
  return sql`
    SELECT ${country?.from ?? sql`''`} AS country, ${region} AS adm1, source, event_date AS day,
      sum(CASE WHEN category IN (${list(CONFLICT_CATEGORIES)}) THEN 1 ELSE 0 END)::DOUBLE AS x,
      sum(coalesce(fatalities_best, 0))::DOUBLE AS d
    FROM events
    WHERE event_date_end IS NOT NULL
      AND date_diff('day', event_date, event_date_end) >= ${request.spanDays}
      AND event_date >= CAST(${request.from} AS DATE) AND event_date <= CAST(${request.to} AS DATE)
      AND ${spec.where}${only}
    GROUP BY ALL`;
}
