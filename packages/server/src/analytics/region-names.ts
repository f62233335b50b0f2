import { list, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

/** GDELT names first-level regions by FIPS 10-4 codes: the country's two letters and two more. */
export const FIPS_ADM1 = /^[A-Z]{2}[A-Z0-9]{2}$/;

/**
 * The region's name in a GDELT place name: "New York, United States" (a US state), "Lagos, Lagos,
 * Nigeria" (a city, its region, its country), "Fermanagh, Fermanagh, United Kingdom" (a region):
 * the part before the country, for every place below a country.
 */
export function adm1NameOf(placeName: string): string | null {
  const parts = placeName
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 ? (parts[parts.length - 2] ?? null) : null;
}

/** GDELT geo types: 2 US state and 5 world region name a region; 3 US city and 4 world city a place in one. */
const REGION_TYPES = [2, 5];
const PLACE_TYPES = [3, 4];

/**
 * Readable names for GDELT's FIPS codes of regions (of any number of countries), read from the
 * place names of their events in the window: the most frequent name given to the region itself,
 * else to places in it. Codes without such events are left out.
 */
export async function fipsRegionNames(
  store: Store,
  units: readonly { country: string; adm1: string }[],
  from: string,
  to: string,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const coded = units.filter((u) => FIPS_ADM1.test(u.adm1));
  if (coded.length === 0) return names;
  const countries = [...new Set(coded.map((u) => u.country))];
  const fips = [...new Set(coded.map((u) => u.adm1))];
  const rows = await store.query<{ adm1: string; place: string; type: number; n: number }>(sql`
    SELECT action_geo_adm1 AS adm1, action_geo_name AS place, action_geo_type::INTEGER AS type,
      count(*)::DOUBLE AS n
    FROM events
    WHERE action_geo_country IN (${list(countries)}) AND action_geo_adm1 IN (${list(fips)})
      AND action_geo_type IN (${list([...REGION_TYPES, ...PLACE_TYPES])}) AND action_geo_name IS NOT NULL
      AND event_date >= CAST(${from} AS DATE) AND event_date <= CAST(${to} AS DATE)
    GROUP BY action_geo_adm1, action_geo_name, action_geo_type`);
  const votes = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const name = adm1NameOf(r.place);
    if (!name) continue;
    // A name given to the region itself outweighs any number of cities' names.
    const weight = REGION_TYPES.includes(Number(r.type)) ? Number(r.n) * 1e6 : Number(r.n);
    const byName = votes.get(r.adm1) ?? new Map<string, number>();
    byName.set(name, (byName.get(name) ?? 0) + weight);
    votes.set(r.adm1, byName);
  }
  for (const [adm1, byName] of votes) {
    const best = [...byName].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) names.set(adm1, best[0]);
  }
  return names;
}

/**
 * Readable names for `adm1s`: GDELT's FIPS codes named from their events in the window; regions
 * the sources already name (ACLED, UCDP, ICEWS), and codes without named events, keep their own.
 */
export async function regionNames(
  store: Store,
  country: string,
  adm1s: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, string>> {
  const named = await fipsRegionNames(
    store,
    adm1s.map((adm1) => ({ country, adm1 })),
    from,
    to,
  );
  return new Map(adm1s.map((a) => [a, named.get(a) ?? a]));
}
