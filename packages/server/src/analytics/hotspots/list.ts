import { countryByIso3 } from '@peacebell/model';
import type { Store } from '../../store/store.ts';
import { levelRank } from './method.ts';
import { withRegionNames } from './region-labels.ts';
import { scanHotspots } from './scan.ts';
import type { HotspotDay, Level, ScanRequest } from './types.ts';

export interface ListOptions {
  /** 'all' (every source together), 'any' (every row) or one source. */
  source: string;
  /** The lowest level listed. */
  level: Level;
  /** Also list the day a hotspot ended. */
  ended?: boolean;
}

export type NamedHotspot = HotspotDay & { name: string | null; region_name: string };

/** Hotspots of a range, most recent and most severe first, with country and region names. */
export async function listHotspots(
  store: Store,
  request: ScanRequest,
  options: ListOptions,
): Promise<{ rows: NamedHotspot[]; all: HotspotDay[] }> {
  const all = await scanHotspots(store, request);
  const rows = all
    .filter((r) => options.source === 'any' || r.source === options.source)
    .filter((r) => levelRank(r.level) >= levelRank(options.level) && (options.ended || r.phase !== 'ended'))
    .sort(
      (a, b) => b.day.localeCompare(a.day) || levelRank(b.level) - levelRank(a.level) || b.score - a.score,
    )
    .map((r) => ({ ...r, name: countryByIso3(r.country)?.name ?? null }));
  return { rows: await withRegionNames(store, rows, request.from, request.to), all };
}
