import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { HOTSPOT_METHOD, type HotspotParams } from './method.ts';
import type { HotspotDay, ScanRequest } from './types.ts';

export interface HotspotRun {
  run_id: number;
  method: string;
  version: string;
  params: string;
  unit: string;
  grain: 'day' | 'week';
  from_day: string;
  to_day: string;
  country: string | null;
  /** The newest import batch the run saw: a later run over the same days may differ only if this did. */
  last_batch: number | null;
  hotspots: number;
  created_at: string;
}

/** Stores a scan's results with the method, its version and parameters, in one transaction. */
export async function saveRun(
  store: Store,
  request: ScanRequest,
  rows: readonly HotspotDay[],
  now: Date,
  p: HotspotParams = HOTSPOT_METHOD.params,
): Promise<number> {
  return store.transaction(async (tx) => {
    const highest = sql`SELECT max(run_id) FROM (SELECT run_id FROM hotspot_runs UNION ALL SELECT run_id FROM hotspots)`;
    const [next] = await tx.query<{ id: number }>(tx.dialect.nextIds('hotspot_run_seq', highest, 1));
    const [seq] = await tx.query<{ batch: number | null }>(
      sql`SELECT max(batch_id) AS batch FROM import_batches`,
    );
    const runId = Number(next?.id ?? 0);
    // The hotspots first: on ClickHouse the writes are made one by one, and the run is what lists them.
    await tx.insert(
      'hotspots',
      rows.map((r) => ({ run_id: runId, ...r })),
    );
    await tx.insert('hotspot_runs', [
      {
        run_id: runId,
        method: HOTSPOT_METHOD.id,
        version: HOTSPOT_METHOD.version,
        params: JSON.stringify(p),
        unit: request.unit,
        grain: request.grain ?? 'day',
        from_day: request.from,
        to_day: request.to,
        country: request.country ?? null,
        regions: request.regions === true,
        last_batch: seq?.batch ?? null,
        hotspots: rows.length,
        created_at: now.toISOString(),
      },
    ]);
    return runId;
  });
}

export async function listRuns(store: Store, limit = 50): Promise<HotspotRun[]> {
  return store.query<HotspotRun>(sql`
    SELECT run_id, method, version, params, unit, coalesce(grain, 'day') AS grain, ${store.dialect.formatDate(sql`from_day`, 'day')} AS from_day,
      ${store.dialect.formatDate(sql`to_day`, 'day')} AS to_day, country, last_batch, hotspots,
      ${store.dialect.formatDate(sql`created_at`, 'time')} AS created_at
    FROM hotspot_runs ORDER BY run_id DESC LIMIT ${limit}`);
}

/** A stored run's hotspots, as they were computed. */
export async function runHotspots(store: Store, runId: number): Promise<HotspotDay[]> {
  return store.query<HotspotDay>(sql`
    SELECT country, adm1, region, source, ${store.dialect.formatDate(sql`day`, 'day')} AS day, level, phase, score, count, expected,
      deaths, deaths_expected, confidence, sources, sources_agreeing
    FROM hotspots WHERE run_id = ${runId} ORDER BY day, country, adm1, source`);
}
