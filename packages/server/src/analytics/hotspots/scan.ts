import type { Source } from '@peacebell/model';
import type { Store } from '../../store/store.ts';
import { evaluate } from './evaluate.ts';
import { HOTSPOT_METHOD, levelRank, type HotspotParams } from './method.ts';
import { phases } from './phase.ts';
import { candidatesSql, type Candidate } from './scan-sql.ts';
import { threatCandidatesSql } from './threat-sql.ts';
import type { HotspotDay, ScanRequest } from './types.ts';
import { isWeekEnd } from './weeks.ts';

type SourceDay = Omit<HotspotDay, 'phase' | 'confidence' | 'sources' | 'sources_agreeing'>;

/** 0..1 from how much evidence there is and how many of the sources with data agree. */
export function confidence(count: number, sources: number, agreeing: number): number {
  const volume = 1 - Math.exp(-count / 20);
  const agreement = sources > 0 ? agreeing / sources : 0;
  const independent = Math.min(agreeing, 3) / 3;
  return Math.round((0.5 * volume + 0.3 * agreement + 0.2 * independent) * 100) / 100;
}

const unitKey = (d: { country: string; adm1: string }) => `${d.country}\u0000${d.adm1}`;

function withPhases(
  days: readonly SourceDay[],
  p: HotspotParams,
  until: string,
  step: number,
): (SourceDay & Pick<HotspotDay, 'phase'>)[] {
  const out: (SourceDay & Pick<HotspotDay, 'phase'>)[] = [];
  const groups = new Map<string, SourceDay[]>();
  for (const d of days) {
    const key = `${unitKey(d)}\u0000${d.source}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    out.push(
      ...phases(
        [...group].sort((a, b) => a.day.localeCompare(b.day)),
        p,
        until,
        step,
      ),
    );
  }
  return out;
}

/**
 * Every hotspot of every unit from `from` to `to`: per source, and per unit for all sources
 * together (`source: 'all'`, led by the most surprising source, with the sources' agreement).
 */
async function flaggedDays(store: Store, request: ScanRequest, p: HotspotParams) {
  const candidates = await store.query<Candidate>(
    request.threat
      ? threatCandidatesSql(store.dialect, { ...request, threat: request.threat }, p)
      : candidatesSql(store.dialect, request, p, 10),
  );
  const flagged: SourceDay[] = [];
  const sourcesOf = new Map<string, Set<string>>();
  for (const c of candidates) {
    sourcesOf.set(unitKey(c), (sourcesOf.get(unitKey(c)) ?? new Set()).add(c.source));
    if (request.grain === 'week' && !isWeekEnd(c.day)) continue;
    const e = evaluate(c, p);
    if (!e) continue;
    flagged.push({
      country: c.country,
      adm1: c.adm1,
      region: '',
      source: c.source as Source,
      day: c.day,
      level: e.level,
      score: Math.round(Math.max(e.events.score, e.deaths.score) * 100) / 100,
      count: c.recent,
      expected: Math.round(e.events.expected * 100) / 100,
      deaths: c.recent_deaths,
      deaths_expected: Math.round(e.deaths.expected * 100) / 100,
    });
  }
  return { flagged, sourcesOf };
}

/**
 * Every hotspot of every unit from `from` to `to`: per source, and per unit for all sources
 * together (`source: 'all'`, led by the most surprising source, with the sources' agreement).
 * With `regions`, a country's combined row also weighs its regions' tests, so a local
 * escalation in a large country is not drowned by the rest of it (`region` names the leader).
 */
export async function scanHotspots(
  store: Store,
  request: ScanRequest,
  p: HotspotParams = HOTSPOT_METHOD.params,
): Promise<HotspotDay[]> {
  const { flagged, sourcesOf } = await flaggedDays(store, request, p);
  const regional =
    request.unit === 'country' && request.regions
      ? (await flaggedDays(store, { ...request, unit: 'adm1' }, p)).flagged.map((d) => ({
          ...d,
          adm1: '',
          region: d.adm1,
        }))
      : [];
  // All sources together: per unit and day, the most surprising source leads.
  const lead = new Map<string, { best: SourceDay; agreeing: Set<string> }>();
  for (const d of [...flagged, ...regional]) {
    const key = `${unitKey(d)}\u0000${d.day}`;
    const seen = lead.get(key);
    if (!seen) lead.set(key, { best: d, agreeing: new Set([d.source]) });
    else {
      seen.agreeing.add(d.source);
      if (
        levelRank(d.level) > levelRank(seen.best.level) ||
        (d.level === seen.best.level && d.score > seen.best.score)
      )
        seen.best = d;
    }
  }
  const all: SourceDay[] = [...lead.values()].map(({ best }) => ({ ...best, source: 'all' }));
  const agreeing = new Map([...lead.entries()].map(([k, v]) => [k, v.agreeing.size]));
  const rows = withPhases([...flagged, ...all], p, request.to, request.grain === 'week' ? 7 : 1)
    .filter((d) => d.day >= request.from && d.day <= request.to)
    .map((d): HotspotDay => {
      const sources = sourcesOf.get(unitKey(d))?.size ?? 1;
      const agree = d.source === 'all' ? (agreeing.get(`${unitKey(d)}\u0000${d.day}`) ?? 1) : 1;
      return {
        ...d,
        sources: d.source === 'all' ? sources : 1,
        sources_agreeing: agree,
        confidence: confidence(d.count, d.source === 'all' ? sources : 1, agree),
      };
    });
  return rows.sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      levelRank(b.level) - levelRank(a.level) ||
      b.score - a.score ||
      unitKey(a).localeCompare(unitKey(b)),
  );
}
