import type { ThreatDomain } from '@peacebell/model';
import { list, sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { placeWhere } from './place.ts';

export interface ThreatEvidence {
  domain: ThreatDomain;
  day: string;
  url: string;
  source: string | null;
  tone: number | null;
  mentions: number;
}

/** The articles that mention each domain most, over a window: up to `limit` per domain, distinct URLs. */
export async function threatEvidence(
  store: Store,
  q: {
    country?: string;
    adm1?: string;
    from: string;
    to: string;
    domains: readonly ThreatDomain[];
    limit: number;
  },
): Promise<ThreatEvidence[]> {
  if (q.limit <= 0 || q.domains.length === 0) return [];
  return store.query<ThreatEvidence>(sql`
    SELECT domain, day, url, source, tone, mentions FROM (
      SELECT domain, ${store.dialect.formatDate(sql`day`, 'day')} AS day, url, source, tone, mentions,
        row_number() OVER (PARTITION BY domain ORDER BY mentions DESC, day DESC, url) AS r
      FROM (
        SELECT *, row_number() OVER (PARTITION BY domain, url ORDER BY mentions DESC, day DESC) AS u
        FROM threat_evidence
        WHERE ${placeWhere(q.country, q.adm1)} AND domain IN (${list(q.domains)})
          AND day >= CAST(${q.from} AS DATE) AND day <= CAST(${q.to} AS DATE))
      WHERE u = 1)
    WHERE r <= ${q.limit} ORDER BY domain, r`);
}
