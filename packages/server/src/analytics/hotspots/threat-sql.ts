import { addDays, type ThreatDomain } from '@peacebell/model';
import { sql } from '../../store/sql.ts';
import type { Dialect } from '../../store/store.ts';
import type { HotspotParams } from './method.ts';
import { scanStart, windowFrames } from './scan-sql.ts';
import type { ScanRequest } from './types.ts';

/**
 * The candidates of a threat-domain scan (`ScanRequest.threat`): the same rolling windows as
 * `candidatesSql`, over the GKG threat rollup. The count is the place's articles tagged with the
 * domain; the news volume is every GKG article about other places, so a day on which GDELT reads
 * twice as many articles everywhere is not an escalation. No deaths: GKG's counts are what
 * articles say, not fatalities. A day without any GKG article anywhere is a gap, left out of the
 * baseline.
 */
export function threatCandidatesSql(
  dialect: Dialect,
  request: ScanRequest & { threat: ThreatDomain },
  p: HotspotParams,
) {
  const lo = scanStart(request.from, p);
  const unit = request.unit === 'adm1' ? sql`adm1 <> ''` : sql`adm1 = ''`;
  const byCountry = request.country ? sql` AND country = ${request.country}` : sql``;
  const { recent, base, baseStart, baseEnd } = windowFrames(dialect, p);
  return sql`
    WITH daily AS (
      SELECT country, adm1, 'gkg' AS source, day,
        sum(CASE WHEN domain = ${request.threat} THEN articles ELSE 0 END)::DOUBLE AS x,
        sum(CASE WHEN domain = '' THEN articles ELSE 0 END)::DOUBLE AS t
      FROM threat_day
      WHERE country <> '' AND ${unit}${byCountry}
        AND day >= CAST(${lo} AS DATE) AND day <= CAST(${request.to} AS DATE)
      GROUP BY ALL),
    firsts AS (
      SELECT country, adm1, min(day) AS first_day FROM threat_day
      WHERE country <> '' AND ${unit}${byCountry} GROUP BY ALL),
    world AS (
      SELECT day, sum(articles)::DOUBLE AS v FROM threat_day
      WHERE country = '' AND adm1 = '' AND domain = ''
        AND day >= CAST(${lo} AS DATE) AND day <= CAST(${request.to} AS DATE)
      GROUP BY day),
    volume AS (
      SELECT day,
        sum(v) OVER (ORDER BY day ${recent}) AS volume_recent,
        sum(v) OVER (ORDER BY day ${base}) AS volume_base,
        count(*) OVER (ORDER BY day ${base}) AS covered_base
      FROM world),
    windowed AS (
      SELECT daily.*, firsts.first_day,
        sum(x) OVER recent AS recent, sum(x) OVER base AS base_sum, sum(x * x) OVER base AS base_sumsq,
        sum(t) OVER recent AS unit_recent, sum(t) OVER base AS unit_base
      FROM daily JOIN firsts USING (country, adm1)
      WINDOW recent AS (PARTITION BY country, adm1 ORDER BY day ${recent}),
             base AS (PARTITION BY country, adm1 ORDER BY day ${base}))
    SELECT country, adm1, source, ${dialect.formatDate(sql`day`, 'day')} AS day, recent, 0::DOUBLE AS recent_deaths,
      least(
        date_diff('day', greatest(first_day, day - ${baseStart}::INTEGER), day - ${baseEnd}::INTEGER) + 1,
        coalesce(covered_base, 0))::INTEGER AS base_days,
      coalesce(base_sum, 0) AS base_sum, coalesce(base_sumsq, 0) AS base_sumsq,
      0::DOUBLE AS base_deaths, 0::DOUBLE AS base_deaths_sq,
      volume_recent - coalesce(unit_recent, 0) AS volume_recent,
      volume_base - coalesce(unit_base, 0) AS volume_base
    FROM windowed LEFT JOIN volume USING (day)
    WHERE day >= CAST(${addDays(request.from, -p.newAfterDays)} AS DATE) AND recent >= ${p.levels.watch.count}
    ORDER BY country, adm1, day`;
}
