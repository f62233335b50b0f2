import { addDays, CONFLICT_CATEGORIES } from '@peacebell/model';
import { rollupSource } from '../../store/rollups.ts';
import { ident, list, sql, type Sql } from '../../store/sql.ts';
import type { Dialect } from '../../store/store.ts';
import type { HotspotParams } from './method.ts';
import type { ScanRequest } from './types.ts';
import { undatedSql } from './undated.ts';

/** One unit, source and day with its recent window and baseline sums (only days worth testing). */
export interface Candidate {
  country: string;
  adm1: string;
  source: string;
  day: string;
  /** Conflict events and best-estimate deaths in the recent window. */
  recent: number;
  recent_deaths: number;
  /**
   * Days in the baseline: clipped at the unit's first day with this source and, for a dense
   * source, only the days the source has events anywhere (so gaps in a feed are not zeros).
   */
  base_days: number;
  base_sum: number;
  base_sumsq: number;
  base_deaths: number;
  base_deaths_sq: number;
  /** The source's events outside the unit: recent window and baseline (news volume). */
  volume_recent: number | null;
  volume_base: number | null;
}

/**
 * A source with events somewhere on at least this share of its days is dense (GDELT, ACLED,
 * ICEWS): a day without any of its events is a gap in the feed, not a quiet day, and is left out
 * of baselines. A sparse source (UCDP's fatal events of a few countries) has true zero days.
 * The share is measured over the source's whole history between its 5th and 95th percentile
 * days, so a few stray old records do not make a dense feed look sparse.
 */
const DENSE = 0.8;

/** The first day a scan must read so that `from` has its full baseline and phase context. */
export function scanStart(from: string, p: HotspotParams): string {
  return addDays(from, -(p.newAfterDays + p.recentDays + p.baselineDays));
}

/** The recent window and the baseline before it, as RANGE frames by date. */
export function windowFrames(dialect: Dialect, p: HotspotParams) {
  const baseEnd = p.recentDays;
  const baseStart = p.recentDays + p.baselineDays - 1;
  // Frame bounds are the method's own whole numbers, written into the SQL: with bound parameters
  // there DuckDB evaluates the frame per row (40 s instead of 0.8 s over a year of 50M events).
  return {
    recent: sql`RANGE BETWEEN ${dialect.days(p.recentDays - 1)} PRECEDING AND CURRENT ROW`,
    base: sql`RANGE BETWEEN ${dialect.days(baseStart)} PRECEDING AND ${dialect.days(baseEnd)} PRECEDING`,
    baseStart,
    baseEnd,
  };
}

const COLUMNS = sql`country, adm1, source, day, recent, recent_deaths, base_days, base_sum, base_sumsq,
  base_deaths, base_deaths_sq, volume_recent, volume_base`;

/** The window sums of a unit series (`series`: country, adm1, source, day, x, d, t) per day. */
function windowedSql(series: Sql, recent: Sql, base: Sql): Sql {
  return sql`
      SELECT s.*, firsts.first_day,
        sum(x) OVER recent AS recent, sum(d) OVER recent AS recent_deaths,
        sum(x) OVER base AS base_sum, sum(x * x) OVER base AS base_sumsq,
        sum(d) OVER base AS base_deaths, sum(d * d) OVER base AS base_deaths_sq,
        sum(t) OVER recent AS unit_recent, sum(t) OVER base AS unit_base,
        min(day) OVER (PARTITION BY country, adm1, source ORDER BY day ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING)
          AS next_day
      FROM ${series} AS s JOIN firsts USING (country, adm1, source)
      WINDOW recent AS (PARTITION BY country, adm1, source ORDER BY day ${recent}),
             base AS (PARTITION BY country, adm1, source ORDER BY day ${base})`;
}

/** What a scan reads, as queries: the units' daily series and the sources' volume and coverage. */
export interface ScanInputs {
  /** country, adm1, source, day, x (what is counted), d (deaths), t (all the unit's records). */
  daily: Sql;
  /** country, adm1, source, first_day: the unit's first day with the source. */
  firsts: Sql;
  /** source, day, v: the source's records everywhere (the news volume). */
  world: Sql;
  /** source, presence: the share of days the source has records; from DENSE on, a day without is a gap. */
  presence: Sql;
  /** source, last_day: the source's last day with records (the days after it are not known yet). */
  ends: Sql;
}

/**
 * Rolling sums over the daily series with window frames by date (RANGE), so days without events
 * count as zeros without materialising them. Returns only days whose recent count or deaths could
 * reach a level (or, with `everyDay`, every day whose window has events, for an explanation); the
 * statistics are done in TypeScript over these few rows.
 *
 * A frame is evaluated on the rows there are, so a day on which the unit has no event of its own
 * would go untested although its window is full (UCDP's sparse days; a week's Sunday). Such days,
 * up to the window's length after a day worth testing, are added as zeros, and only for the units
 * that have them (found from the next day with events): a dense feed has none to add. Days after
 * the source's last day are not known yet, so they are not added. The last day of a unit has no
 * next day: NULL on DuckDB, the date type's default (1970-01-01) on ClickHouse. A dense feed's
 * days without any record are gaps: they have no volume, so no baseline days, and are not tested.
 */
export function candidatesFrom(
  dialect: Dialect,
  request: Pick<ScanRequest, 'from' | 'to'>,
  p: HotspotParams,
  inputs: ScanInputs,
  minDeaths: number,
  everyDay = false,
): Sql {
  const { recent, base, baseStart, baseEnd } = windowFrames(dialect, p);
  const worth = sql`(${everyDay} OR recent >= ${p.levels.watch.count} OR recent_deaths >= ${minDeaths})`;
  const tested = (windowed: string) => sql`
      SELECT country, adm1, source, day, next_day, recent, recent_deaths,
        least(
          date_diff('day', greatest(first_day, day - ${baseStart}::INTEGER), day - ${baseEnd}::INTEGER) + 1,
          CASE WHEN presence >= ${DENSE} THEN coalesce(covered_base, 0)::BIGINT ELSE ${p.baselineDays} END)::INTEGER
          AS base_days,
        coalesce(base_sum, 0) AS base_sum, coalesce(base_sumsq, 0) AS base_sumsq,
        coalesce(base_deaths, 0) AS base_deaths, coalesce(base_deaths_sq, 0) AS base_deaths_sq,
        volume_recent - coalesce(unit_recent, 0) AS volume_recent,
        volume_base - coalesce(unit_base, 0) AS volume_base
      FROM ${ident(windowed)} LEFT JOIN volume USING (source, day) LEFT JOIN presence USING (source)
      WHERE day >= CAST(${addDays(request.from, -p.newAfterDays)} AS DATE) AND ${worth}`;
  return sql`
    WITH daily AS (${inputs.daily}),
    firsts AS (${inputs.firsts}),
    world AS (${inputs.world}),
    presence AS (${inputs.presence}),
    volume AS (
      SELECT source, day,
        sum(v) OVER (PARTITION BY source ORDER BY day ${recent}) AS volume_recent,
        sum(v) OVER (PARTITION BY source ORDER BY day ${base}) AS volume_base,
        count(*) OVER (PARTITION BY source ORDER BY day ${base}) AS covered_base
      FROM world),
    windowed AS (${windowedSql(sql`daily`, recent, base)}),
    hot AS (${tested('windowed')}),
    source_end AS (${inputs.ends}),
    quiet AS (
      SELECT country, adm1, source, day + CAST(k.i AS INTEGER) AS day
      FROM hot JOIN source_end USING (source) CROSS JOIN ${dialect.integers(sql`${p.recentDays}`)} AS k
      WHERE k.i >= 1 AND day + CAST(k.i AS INTEGER) <= least(last_day, CAST(${request.to} AS DATE))
        AND (next_day IS NULL OR next_day <= day OR day + CAST(k.i AS INTEGER) < next_day)),
    filled AS (
      SELECT daily.* FROM daily JOIN (SELECT DISTINCT country, adm1, source FROM quiet) AS q USING (country, adm1, source)
      UNION ALL
      SELECT country, adm1, source, day, 0::DOUBLE AS x, 0::DOUBLE AS d, 0::DOUBLE AS t FROM quiet),
    windowed_filled AS (${windowedSql(sql`filled`, recent, base)}),
    candidates AS (
      SELECT ${COLUMNS} FROM hot
      UNION ALL
      SELECT ${COLUMNS} FROM (${tested('windowed_filled')}) AS t JOIN quiet USING (country, adm1, source, day))
    SELECT country, adm1, source, ${dialect.formatDate(sql`day`, 'day')} AS day, recent, recent_deaths, base_days,
      base_sum, base_sumsq, base_deaths, base_deaths_sq, volume_recent, volume_base
    FROM candidates
    ORDER BY country, adm1, source, day`;
}

/**
 * The candidates of a scan of conflict events: per unit, source and day from the rollups, less
 * the events known only to a period longer than the recent window (`undated.ts`).
 */
export function candidatesSql(
  dialect: Dialect,
  request: ScanRequest,
  p: HotspotParams,
  minDeaths: number,
  everyDay = false,
): Sql {
  const table = rollupSource(request.unit, request.raw, dialect);
  const adm1 = request.unit === 'adm1' ? sql`adm1` : sql`''`;
  const byCountry = request.country ? sql` AND country = ${request.country}` : sql``;
  const lo = scanStart(request.from, p);
  const sourceDays = sql`(SELECT DISTINCT source, day FROM rollup_world_day)`;
  return candidatesFrom(
    dialect,
    request,
    p,
    {
      daily: sql`
        SELECT country, adm1, source, day, rolled.x - coalesce(undated.x, 0) AS x,
          rolled.d - coalesce(undated.d, 0) AS d, t
        FROM (
          SELECT country, ${adm1} AS adm1, source, day,
            sum(CASE WHEN category IN (${list(CONFLICT_CATEGORIES)}) THEN events ELSE 0 END)::DOUBLE AS x,
            sum(fat_best)::DOUBLE AS d,
            sum(events)::DOUBLE AS t
          FROM ${table}
          WHERE day >= CAST(${lo} AS DATE) AND day <= CAST(${request.to} AS DATE)${byCountry}
          GROUP BY ALL) AS rolled
        LEFT JOIN (${undatedSql({ ...request, from: lo, spanDays: p.recentDays })}) AS undated
          USING (country, adm1, source, day)`,
      firsts: sql`
        SELECT country, ${adm1} AS adm1, source, min(day) AS first_day
        FROM ${table} WHERE TRUE${byCountry} GROUP BY ALL`,
      world: sql`
        SELECT source, day, sum(events)::DOUBLE AS v FROM rollup_world_day
        WHERE day >= CAST(${lo} AS DATE) AND day <= CAST(${request.to} AS DATE) GROUP BY ALL`,
      presence: sql`
        SELECT source, count(*) FILTER (WHERE day BETWEEN lo AND hi) / (date_diff('day', lo, hi) + 1) AS presence
        FROM ${sourceDays} AS source_days JOIN (
          SELECT source, ${dialect.quantileDisc(sql`day`, 0.05)} AS lo, ${dialect.quantileDisc(sql`day`, 0.95)} AS hi
          FROM ${sourceDays} AS s GROUP BY source) AS spans
          USING (source)
        GROUP BY source, lo, hi`,
      ends: sql`SELECT source, max(day) AS last_day FROM rollup_world_day GROUP BY source`,
    },
    minDeaths,
    everyDay,
  );
}
