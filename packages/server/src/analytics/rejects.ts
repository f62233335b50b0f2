import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

export interface RejectRow {
  file: string;
  line: number;
  field: string | null;
  reason: string;
  raw: string | null;
}

/** Rows set aside at import, oldest batch first; `file` keeps files whose path contains it. */
export async function listRejects(
  store: Store,
  file: string | undefined,
  limit: number,
): Promise<RejectRow[]> {
  const rows = await store.query<RejectRow>(sql`
    SELECT file_name AS file, line::DOUBLE AS line, field, reason, raw FROM rejects
    WHERE ${file === undefined ? sql`TRUE` : sql`contains(file_name, ${file})`}
    ORDER BY batch_id, line ${limit ? sql`LIMIT ${limit}` : sql``}`);
  return rows.map((r) => ({ ...r, line: Number(r.line) }));
}

export interface SyncError {
  name: string;
  feed: string;
  slot: string;
  state: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  updated_at: string;
}

/** GDELT files that failed or are missing upstream, the most recent first, with their reasons. */
export async function syncErrors(store: Store, limit: number): Promise<SyncError[]> {
  return store.query<SyncError>(sql`
    SELECT name, feed, ${store.dialect.formatDate(sql`slot`, 'time')} AS slot, state, attempts, last_error,
      ${store.dialect.formatDate(sql`next_attempt_at`, 'time')} AS next_attempt_at,
      ${store.dialect.formatDate(sql`updated_at`, 'time')} AS updated_at
    FROM gdelt_files WHERE state IN ('failed', 'missing')
    ORDER BY updated_at DESC, name LIMIT ${limit}`);
}
