import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { deleteEvents } from '../src/ingest/versions.ts';
import { ROLLUPS, rebuildRollups } from '../src/store/rollups.ts';
import { ident, sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const dir = tempDir();

/** Rows in one table and not the other, both ways (multiset difference). */
async function difference(store: Store, a: string, b: string): Promise<number> {
  const [row] = await store.query<{ n: number }>(sql`SELECT (
      (SELECT count(*) FROM (SELECT * FROM ${ident(a)} EXCEPT ALL SELECT * FROM ${ident(b)})) +
      (SELECT count(*) FROM (SELECT * FROM ${ident(b)} EXCEPT ALL SELECT * FROM ${ident(a)})))::INTEGER AS n`);
  return row?.n ?? -1;
}

async function snapshot(store: Store): Promise<void> {
  for (const { table } of ROLLUPS) {
    await store.exec(sql`CREATE OR REPLACE TABLE ${ident(`snap_${table}`)} AS SELECT * FROM ${ident(table)}`);
  }
}

describe.runIf(hasData)('rollups', () => {
  it('kept up to date on import, replacement and deletion, equal a full rebuild', async () => {
    const store = await freshStore(dir);
    const lines = readFileSync(dataFile('gdelt2/export/20260514083000.export.CSV'), 'utf8')
      .trimEnd()
      .split('\n');
    const a = join(dir, 'a.export.CSV');
    writeFileSync(a, `${lines.slice(0, 500).join('\n')}\n`);
    await importFile(store, a, { clock: CLOCK });
    const changed = (lines[10] as string).split('\t');
    changed[34] = '-7.5'; // AvgTone and NumSources of a re-published event
    changed[32] = '12';
    const b = join(dir, 'b.export.CSV');
    writeFileSync(b, `${[...lines.slice(400, 600), changed.join('\t')].join('\n')}\n`);
    expect(await importFile(store, b, { clock: CLOCK })).toMatchObject({ replaced: 1 });
    for (const file of [
      'gdelt2/export/20260514090000.export.CSV.zip',
      'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
      'ucdp/ged191-myanmar-bangladesh.csv',
      'icews/icews-brazil-2013-except-june.tab',
    ]) {
      expect((await importFile(store, dataFile(file), { clock: CLOCK })).status).toBe('imported');
    }
    const acled = await store.query<{ id: string }>(
      sql`SELECT id FROM events WHERE source = 'acled' ORDER BY id LIMIT 25`,
    );
    expect(
      await deleteEvents(
        store,
        acled.map((r) => r.id),
        'deleted upstream',
        CLOCK(),
      ),
    ).toBe(25);

    const [totals] = await store.query<{
      located: number;
      rolled: number;
      pairs: number;
      paired: number;
    }>(sql`
      SELECT (SELECT count(*) FROM events WHERE action_geo_country IS NOT NULL)::INTEGER AS located,
             (SELECT sum(events) FROM rollup_country_day)::INTEGER AS rolled,
             (SELECT count(*) FROM events WHERE actor1_country <> actor2_country)::INTEGER AS pairs,
             (SELECT sum(events) FROM rollup_pair_day)::INTEGER AS paired`);
    expect(totals?.rolled).toBe(totals?.located);
    expect(totals?.paired).toBe(totals?.pairs);
    expect(totals?.located).toBeGreaterThan(15_000);

    await snapshot(store);
    const rebuilt = await rebuildRollups(store);
    expect(rebuilt.map((r) => r.table)).toEqual(ROLLUPS.map((r) => r.table));
    for (const { table } of ROLLUPS) {
      expect(await difference(store, `snap_${table}`, table), table).toBe(0);
    }
    // The comparison sees a change of one unit in one cell.
    await store.exec(sql`UPDATE rollup_pair_day SET gs_sum = gs_sum + 0.001
      WHERE rowid = (SELECT min(rowid) FROM rollup_pair_day)`);
    expect(await difference(store, 'snap_rollup_pair_day', 'rollup_pair_day')).toBe(2);
    await store.close();
  });
});
