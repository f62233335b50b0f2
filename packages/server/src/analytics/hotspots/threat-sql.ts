import type { ThreatDomain } from '@peacebell/model';
import { sql, type Sql } from '../../store/sql.ts';
import type { Dialect } from '../../store/store.ts';
import type { HotspotParams } from './method.ts';
import { candidatesFrom, scanStart } from './scan-sql.ts';
import type { ScanRequest } from './types.ts';

/**
 * The candidates of a threat-domain scan (`ScanRequest.threat`): the same test as for conflict
 * events (`candidatesFrom`), over the GKG threat rollup. The count is the place's articles tagged
 * with the domain; the news volume is every GKG article about other places, so a day on which
 * GDELT reads twice as many articles everywhere is not an escalation. No deaths: GKG's counts are
 * what articles say, not fatalities. GKG is read as a dense feed: a day without any GKG article
 * anywhere is a gap, left out of the baseline.
 */
export function threatCandidatesSql(
  dialect: Dialect,
  request: ScanRequest & { threat: ThreatDomain },
  p: HotspotParams,
): Sql {
  const lo = scanStart(request.from, p);
  const unit = request.unit === 'adm1' ? sql`adm1 <> ''` : sql`adm1 = ''`;
  const byCountry = request.country ? sql` AND country = ${request.country}` : sql``;
  return candidatesFrom(
    dialect,
    request,
    p,
    {
      daily: sql`
        SELECT country, adm1, 'gkg' AS source, day,
          sum(CASE WHEN domain = ${request.threat} THEN articles ELSE 0 END)::DOUBLE AS x,
          0::DOUBLE AS d,
          sum(CASE WHEN domain = '' THEN articles ELSE 0 END)::DOUBLE AS t
        FROM threat_day
        WHERE country <> '' AND ${unit}${byCountry}
          AND day >= CAST(${lo} AS DATE) AND day <= CAST(${request.to} AS DATE)
        GROUP BY country, adm1, day`,
      firsts: sql`
        SELECT country, adm1, 'gkg' AS source, min(day) AS first_day FROM threat_day
        WHERE country <> '' AND ${unit}${byCountry} GROUP BY country, adm1`,
      world: sql`
        SELECT 'gkg' AS source, day, sum(articles)::DOUBLE AS v FROM threat_day
        WHERE country = '' AND adm1 = '' AND domain = ''
          AND day >= CAST(${lo} AS DATE) AND day <= CAST(${request.to} AS DATE)
        GROUP BY day`,
      presence: sql`SELECT 'gkg' AS source, 1.0::DOUBLE AS presence`,
      ends: sql`
        SELECT 'gkg' AS source, max(day) AS last_day FROM threat_day
        WHERE country = '' AND adm1 = '' AND domain = ''`,
    },
    p.deathCounts.watch,
  );
}
