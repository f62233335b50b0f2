import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';

/** Raw GKG records are kept this many days back from the newest one (`gkgRetentionDays`). */
export const DEFAULT_GKG_RETENTION_DAYS = 7;

/**
 * Drops raw GKG records older than `days` before the newest stored record (not the clock, so a
 * historical import keeps its own latest days). The threat rollups are kept for good.
 */
export async function pruneGkgRecords(store: Store, days: number): Promise<number> {
  const span = Math.max(0, Math.trunc(days));
  const cutoff = sql`(SELECT max(date) FROM gkg_records) - to_days(CAST(${span} AS INTEGER))`;
  const [row] = await store.query<{ n: number }>(
    sql`SELECT count(*)::INTEGER AS n FROM gkg_records WHERE date < ${cutoff}`,
  );
  if (row?.n) await store.exec(sql`DELETE FROM gkg_records WHERE date < ${cutoff}`);
  return row?.n ?? 0;
}
