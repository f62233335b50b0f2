import { scanHotspots } from '../packages/server/src/analytics/hotspots/scan.ts';
import type { Store } from '../packages/server/src/store/store.ts';

/**
 * A year of hotspots for every country (and every region), from the rollups, against the same
 * scan reading the raw events, in one run.
 */
export async function hotspotsBench(store: Store, lastDay: string, firstDay: string): Promise<void> {
  const time = async (raw: boolean, unit: 'country' | 'adm1', regions = false) => {
    const t0 = performance.now();
    const rows = await scanHotspots(store, { unit, from: firstDay, to: lastDay, raw, regions });
    return { seconds: (performance.now() - t0) / 1000, rows: rows.length };
  };
  for (const unit of ['country', 'adm1'] as const) {
    await time(false, unit);
    const fast = await time(false, unit);
    const raw = await time(true, unit);
    console.log(
      `hotspots, every ${unit} × ${firstDay} .. ${lastDay}: ${fast.seconds.toFixed(2)} s (${fast.rows} rows); from raw events ${raw.seconds.toFixed(2)} s (${(raw.seconds / fast.seconds).toFixed(1)}×)`,
    );
  }
  const regions = await time(false, 'country', true);
  console.log(
    `hotspots, every country weighing its regions: ${regions.seconds.toFixed(2)} s (${regions.rows} rows)`,
  );
}
