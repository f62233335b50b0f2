import { fipsToIso3 } from '@peacebell/model';
import type { GkgCount, GkgLocation, GkgRecord } from '../../sources/gkg/index.ts';

/** A place a record is about: ISO3 country ('' for the world) and FIPS ADM1 code ('' for the whole country). */
export interface Place {
  country: string;
  adm1: string;
}

export const WORLD: Place = { country: '', adm1: '' };

/**
 * The country of a location: the FIPS prefix of its ADM1 code when there is one (early GKG 2.0
 * files write one country code for all of a record's places, while the ADM1 codes are right),
 * else its country code; undefined for an unknown code or an area without a country (oceans).
 */
export function placeOf(location: GkgLocation): Place | undefined {
  const fips = location.adm1.length >= 2 ? location.adm1.slice(0, 2) : location.countryCode;
  const iso3 = fipsToIso3(fips);
  if (!iso3) return undefined;
  return { country: iso3, adm1: location.adm1.length > 2 ? location.adm1 : '' };
}

/** A place and the country above it (a country-level place is just itself). */
export function withCountry(place: Place): Place[] {
  return place.adm1 === '' ? [place] : [{ country: place.country, adm1: '' }, place];
}

const key = (p: Place) => `${p.country}\t${p.adm1}`;

/** Every distinct place a record mentions, countries above regions, and the world. */
export function recordPlaces(record: GkgRecord): Place[] {
  const locations = record.v1Locations.length > 0 ? record.v1Locations : record.v2Locations;
  const seen = new Map<string, Place>([[key(WORLD), WORLD]]);
  for (const location of locations) {
    const place = placeOf(location);
    if (place) for (const p of withCountry(place)) seen.set(key(p), p);
  }
  return [...seen.values()];
}

/** The count types summed into each measure; synonyms within a record count once (the larger). */
export const COUNT_MEASURES = {
  killed: ['KILL', 'CRISISLEX_T03_DEAD'],
  wounded: ['WOUND', 'CRISISLEX_T02_INJURED'],
  arrested: ['ARREST'],
  affected: ['AFFECT'],
  displaced: ['REFUGEES', 'DISPLACED', 'EVACUATION', 'CRISISLEX_T09_DISPLACEDRELOCATEDEVACUATED'],
} as const;
export type CountMeasure = keyof typeof COUNT_MEASURES;
export const COUNT_MEASURE_NAMES = Object.keys(COUNT_MEASURES) as CountMeasure[];

const measureOf = new Map<string, CountMeasure>(
  COUNT_MEASURE_NAMES.flatMap((m) => COUNT_MEASURES[m].map((type) => [type, m] as const)),
);

/**
 * A single count above this is left out of the totals: at that size GKG has read a historical
 * total, a population or a sum of money ("4 million killed in the war"), not today's report.
 */
export const MAX_PLAUSIBLE_COUNT = 100_000;

export interface PlacedCounts {
  place: Place;
  values: Record<CountMeasure, number>;
}

/**
 * A record's counts per place (each count's own location, its country and the world) and
 * measure: summed per count type, the larger of synonymous types (KILL and CRISISLEX_T03_DEAD
 * often report the same deaths). V1 counts, which list each count once; V2.1 repeats them per mention.
 */
export function recordCounts(record: GkgRecord): PlacedCounts[] {
  const counts: GkgCount[] = record.v1Counts.length > 0 ? record.v1Counts : record.v21Counts;
  const perType = new Map<string, { place: Place; measure: CountMeasure; type: string; sum: number }>();
  for (const c of counts) {
    const measure = measureOf.get(c.type);
    if (!measure || c.count > MAX_PLAUSIBLE_COUNT) continue;
    const located = c.location ? placeOf(c.location) : undefined;
    for (const place of [WORLD, ...(located ? withCountry(located) : [])]) {
      const k = `${key(place)}\t${c.type}`;
      const entry = perType.get(k) ?? { place, measure, type: c.type, sum: 0 };
      entry.sum += c.count;
      perType.set(k, entry);
    }
  }
  const out = new Map<string, PlacedCounts>();
  for (const { place, measure, sum } of perType.values()) {
    const k = key(place);
    const entry = out.get(k) ?? {
      place,
      values: { killed: 0, wounded: 0, arrested: 0, affected: 0, displaced: 0 },
    };
    entry.values[measure] = Math.max(entry.values[measure], sum);
    out.set(k, entry);
  }
  return [...out.values()];
}
