import type { ThreatDomain } from '@peacebell/model';
import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';

export interface ThreatCountry {
  country: string;
  /** Articles about the country tagged with the domain over the window. */
  articles: number;
  /** Their share of all articles about the country (null without any). */
  share: number | null;
}

/** One threat domain over a window for every country with GKG articles (the world map's layer). */
export async function threatsByCountry(
  store: Store,
  domain: ThreatDomain,
  from: string,
  to: string,
): Promise<ThreatCountry[]> {
  const rows = await store.query<{ country: string; articles: number; total: number }>(sql`
    SELECT country,
      sum(CASE WHEN domain = ${domain} THEN articles ELSE 0 END)::DOUBLE AS articles,
      sum(CASE WHEN domain = '' THEN articles ELSE 0 END)::DOUBLE AS total
    FROM threat_day
    WHERE country <> '' AND adm1 = '' AND (domain = ${domain} OR domain = '')
      AND day >= CAST(${from} AS DATE) AND day <= CAST(${to} AS DATE)
    GROUP BY country ORDER BY country`);
  return rows.map((r) => ({
    country: r.country,
    articles: r.articles,
    share: r.total > 0 ? r.articles / r.total : null,
  }));
}
