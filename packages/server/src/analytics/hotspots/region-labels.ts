import { addDays } from '@peacebell/model';
import type { Store } from '../../store/store.ts';
import { fipsRegionNames } from '../region-names.ts';
import { HOTSPOT_METHOD } from './method.ts';
import type { HotspotDay } from './types.ts';

type Unit = Pick<HotspotDay, 'country' | 'adm1' | 'region'>;

/**
 * Hotspot rows with `region_name`: the readable name of the region a row is about (`adm1`) or that
 * led it (`region`), '' for a country on its own. GDELT's FIPS codes are named from GDELT's place
 * names of the days tested; the other sources' regions are names already.
 */
export async function withRegionNames<T extends Unit>(
  store: Store,
  rows: readonly T[],
  from: string,
  to: string,
): Promise<(T & { region_name: string })[]> {
  const code = (r: Unit) => r.adm1 || r.region;
  const units = rows.filter((r) => code(r) !== '').map((r) => ({ country: r.country, adm1: code(r) }));
  const windowFrom = addDays(from, -(HOTSPOT_METHOD.params.recentDays - 1));
  const names = await fipsRegionNames(store, units, windowFrom, to);
  return rows.map((r) => ({ ...r, region_name: names.get(code(r)) ?? code(r) }));
}
