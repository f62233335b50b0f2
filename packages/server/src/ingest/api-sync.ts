import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AcledApiRow, AcledClient, AcledTokens, TokenStore } from '../sources/acled/client.ts';
import { ACLED_EVENTS } from '../sources/acled/format.ts';
import type { UcdpClient } from '../sources/ucdp/client.ts';
import { UCDP_GED } from '../sources/ucdp/format.ts';
import type { Format } from '../sources/util/format.ts';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { IN_PLACE, type EventWrites } from './event-writes.ts';
import type { FileSummary } from './import-file.ts';

export interface ApiSyncSummary {
  pages: number;
  rows: number;
  inserted: number;
  replaced: number;
  duplicates: number;
  rejected: number;
  deleted: number;
  cursor: string | null;
}

const quote = (v: unknown) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A page of API rows as a CSV file in the source's own layout, imported like any file of it. */
async function importPage(
  store: Store,
  format: Format,
  rows: readonly Record<string, unknown>[],
  dir: string,
  origin: string,
  clock: () => Date,
  writes: EventWrites,
) {
  const columns = Object.keys(rows[0] ?? {});
  const file = join(dir, `${format.source}-page.csv`);
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))];
  await writeFile(file, `${lines.join('\n')}\n`);
  return writes.importFile(store, file, { format, origin, clock });
}

async function readCursor(store: Store, source: string): Promise<string | undefined> {
  const [row] = await store.query<{ cursor: string }>(
    sql`SELECT cursor FROM source_cursors WHERE source = ${source} ORDER BY updated_at DESC LIMIT 1`,
  );
  return row?.cursor;
}

async function saveCursor(store: Store, source: string, cursor: string, now: Date) {
  await store.transaction(async (tx) => {
    await tx.exec(sql`DELETE FROM source_cursors WHERE source = ${source}`);
    await tx.exec(
      sql`INSERT INTO source_cursors VALUES (${source}, ${cursor}, CAST(${now.toISOString()} AS TIMESTAMP))`,
    );
  });
}

/** ACLED tokens kept in the store, so the next run refreshes without the password. */
export function storeTokens(store: Store, clock: () => Date): TokenStore {
  return {
    async load() {
      const [row] = await store.query<{ tokens: string }>(
        sql`SELECT tokens FROM api_tokens WHERE source = 'acled'`,
      );
      return row ? (JSON.parse(row.tokens) as AcledTokens) : undefined;
    },
    async save(tokens) {
      await store.transaction(async (tx) => {
        await tx.exec(sql`DELETE FROM api_tokens WHERE source = 'acled'`);
        await tx.exec(sql`INSERT INTO api_tokens VALUES ('acled', ${JSON.stringify(tokens)},
          CAST(${clock().toISOString()} AS TIMESTAMP))`);
      });
    },
  };
}

const empty = (cursor: string | null): ApiSyncSummary => ({
  pages: 0,
  rows: 0,
  inserted: 0,
  replaced: 0,
  duplicates: 0,
  rejected: 0,
  deleted: 0,
  cursor,
});

function addPage(summary: ApiSyncSummary, rows: number, result: FileSummary) {
  summary.pages++;
  summary.rows += rows;
  summary.inserted += result.inserted;
  summary.replaced += result.replaced;
  summary.duplicates += result.duplicates;
  summary.rejected += result.rejected;
}

/**
 * Brings ACLED up to date: events modified since the cursor (or `since`, epoch seconds), each
 * page imported atomically (a revision replaces the stored event, which goes to the history),
 * then the events ACLED deleted since. The cursor is the newest `timestamp` seen.
 */
export async function syncAcled(
  store: Store,
  client: AcledClient,
  o: { since?: number; clock: () => Date; log: (line: string) => void; writes?: EventWrites },
): Promise<ApiSyncSummary> {
  const writes = o.writes ?? IN_PLACE;
  const stored = await readCursor(store, 'acled');
  const since = o.since ?? (stored === undefined ? undefined : Number(stored));
  if (since === undefined) throw new Error('the first ACLED sync needs --since DAY');
  const summary = empty(String(since));
  let newest = since;
  const dir = await mkdtemp(join(tmpdir(), 'peacebell-acled-'));
  try {
    for await (const rows of client.events({ since })) {
      const origin = `acled api since ${since}`;
      const result = await importPage(store, ACLED_EVENTS, rows, dir, origin, o.clock, writes);
      addPage(summary, rows.length, result);
      for (const r of rows as AcledApiRow[]) newest = Math.max(newest, Number(r.timestamp ?? 0));
      o.log(
        `acled page ${summary.pages}: ${rows.length} rows, ${result.inserted} new, ${result.replaced} revised`,
      );
    }
    const gone: string[] = [];
    for await (const rows of client.deleted(since)) gone.push(...rows.map((r) => `acled:${r.event_id_cnty}`));
    summary.deleted = await writes.deleteEvents(store, gone, 'deleted upstream', o.clock());
    if (gone.length > 0)
      o.log(`acled: ${summary.deleted} of ${gone.length} deleted events were in the store`);
    summary.cursor = String(newest);
    await saveCursor(store, 'acled', summary.cursor, o.clock());
    return summary;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Imports one UCDP GED version (yearly GED or monthly Candidate) from the API. */
export async function syncUcdp(
  store: Store,
  client: UcdpClient,
  o: { version: string; clock: () => Date; log: (line: string) => void; writes?: EventWrites },
): Promise<ApiSyncSummary> {
  const summary = empty(o.version);
  const writes = o.writes ?? IN_PLACE;
  const dir = await mkdtemp(join(tmpdir(), 'peacebell-ucdp-'));
  try {
    for await (const rows of client.events(o.version)) {
      const result = await importPage(store, UCDP_GED, rows, dir, `ucdp api ${o.version}`, o.clock, writes);
      addPage(summary, rows.length, result);
      o.log(`ucdp ${o.version} page ${summary.pages}: ${rows.length} rows, ${result.inserted} new`);
    }
    await saveCursor(store, `ucdp`, o.version, o.clock());
    return summary;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
