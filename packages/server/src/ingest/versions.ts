import { list, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { applyRollupDelta } from '../store/rollups.ts';

/** Removes events a source deleted (ACLED's deleted-events list), keeping them in event_versions. */
export async function deleteEvents(
  store: Store,
  ids: readonly string[],
  reason: string,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  return store.transaction(async (tx) => {
    await tx.exec(sql`INSERT INTO event_versions BY NAME
      SELECT *, CAST(${now.toISOString()} AS TIMESTAMP) AS superseded_at, NULL AS superseded_by_batch,
             ${reason} AS superseded_reason
      FROM events WHERE id IN (${list(ids)})`);
    await applyRollupDelta(
      tx,
      sql`SELECT * FROM events WHERE false`,
      sql`SELECT * FROM events WHERE id IN (${list(ids)})`,
    );
    const [row] = await tx.query<{ Count: number | string }>(
      sql`DELETE FROM events WHERE id IN (${list(ids)})`,
    );
    return Number(row?.Count ?? 0);
  });
}
