import { addDays, countryByIso3, HOTSPOT_LEVELS, scopeCountries, type Trigger } from '@peacebell/model';
import { withRegionNames } from '../../analytics/hotspots/region-labels.ts';
import { scanHotspots } from '../../analytics/hotspots/scan.ts';
import type { HotspotDay } from '../../analytics/hotspots/types.ts';
import { list, sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { adm1Subject, countrySubject, round, type Firing, type FiringRequest } from './types.ts';

type HotspotTrigger = Extract<Trigger, { kind: 'hotspot' | 'phase' }>;

const rank = (level: string) => HOTSPOT_LEVELS.indexOf(level as (typeof HOTSPOT_LEVELS)[number]);

/** Phases need the weeks before the range: a hotspot is `new` only against its own past. */
const PHASE_CONTEXT_DAYS = 60;

function matches(t: HotspotTrigger, row: HotspotDay): boolean {
  if (t.kind === 'phase') return t.phases.includes(row.phase);
  const [have, want] = [rank(row.level), rank(t.level)];
  return t.op === '>=' ? have >= want : t.op === '>' ? have > want : have === want;
}

async function rowsFor(store: Store, r: FiringRequest<HotspotTrigger>): Promise<HotspotDay[]> {
  const from = addDays(r.from, -PHASE_CONTEXT_DAYS);
  const scope = r.spec.scope;
  const countries = scopeCountries(scope);
  const rows: HotspotDay[] = [];
  const adm1 = new Map<string, Set<string>>();
  for (const entry of scope.adm1) {
    const [country = '', ...rest] = entry.split('/');
    adm1.set(country, (adm1.get(country) ?? new Set()).add(rest.join('/')));
  }
  for (const [country, regions] of adm1) {
    const found = await scanHotspots(store, { unit: 'adm1', from, to: r.to, country });
    rows.push(...found.filter((h) => regions.has(h.adm1)));
  }
  if (countries.length > 0 || adm1.size === 0) {
    const only = countries.length === 1 ? { country: countries[0] as string } : {};
    const found = await scanHotspots(store, { unit: 'country', from, to: r.to, regions: true, ...only });
    const wanted = new Set(countries);
    rows.push(...found.filter((h) => wanted.size === 0 || wanted.has(h.country)));
  }
  const sources = scope.sources;
  return rows.filter(
    (h) =>
      h.day >= r.from &&
      h.day <= r.to &&
      h.phase !== 'ended' &&
      (sources.length > 0 ? (sources as readonly string[]).includes(h.source) : h.source === 'all'),
  );
}

/** Whether a place had events in the scope's domains in the 7 days to `day` (domain-scoped rules). */
async function inDomains(store: Store, h: HotspotDay, domains: readonly string[]): Promise<boolean> {
  const table = h.adm1 ? sql`rollup_adm1_day` : sql`rollup_country_day`;
  const adm1 = h.adm1 ? sql` AND adm1 = ${h.adm1}` : sql``;
  const [row] = await store.query<{
    n: number;
  }>(sql`SELECT coalesce(sum(events), 0)::DOUBLE AS n FROM ${table}
    WHERE country = ${h.country}${adm1} AND domain IN (${list(domains)})
      AND day BETWEEN CAST(${addDays(h.day, -6)} AS DATE) AND CAST(${h.day} AS DATE)`);
  return (row?.n ?? 0) > 0;
}

export async function hotspotFirings(store: Store, r: FiringRequest<HotspotTrigger>): Promise<Firing[]> {
  const best = new Map<string, HotspotDay>();
  for (const h of await rowsFor(store, r)) {
    if (!matches(r.trigger, h)) continue;
    const key = `${h.country}/${h.adm1}\u0000${h.day}`;
    const seen = best.get(key);
    if (!seen || rank(h.level) > rank(seen.level) || (h.level === seen.level && h.score > seen.score))
      best.set(key, h);
  }
  const firings: Firing[] = [];
  for (const h of await withRegionNames(store, [...best.values()], r.from, r.to)) {
    if (r.spec.scope.domains.length > 0 && !(await inDomains(store, h, r.spec.scope.domains))) continue;
    const name = countryByIso3(h.country)?.name ?? h.country;
    const place = h.adm1
      ? `${h.region_name}, ${name}`
      : h.region
        ? `${name} (led by ${h.region_name})`
        : name;
    const deaths =
      h.deaths > 0 ? `, ${round(h.deaths, 0)} deaths against ${round(h.deaths_expected, 1)}` : '';
    firings.push({
      subject: h.adm1 ? adm1Subject(h.country, h.adm1) : countrySubject(h.country),
      day: h.day,
      severity: h.level,
      confidence: h.confidence,
      value: h.count,
      baseline: round(h.expected, 2),
      unit: 'conflict events in the 7 days to the day',
      headline: `hotspot ${h.level} (${h.phase})`,
      summary: `${place}: hotspot ${h.level} (${h.phase}); ${h.count} conflict events in 7 days against ${round(h.expected, 1)} expected${deaths} (${h.source === 'all' ? `${h.sources_agreeing} of ${h.sources} sources agree` : h.source})`,
    });
  }
  return firings.sort((a, b) => a.day.localeCompare(b.day) || a.subject.key.localeCompare(b.subject.key));
}
