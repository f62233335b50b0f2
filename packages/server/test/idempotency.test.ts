import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const dir = tempDir();
const eventCount = async (store: Store) =>
  (await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM events`))[0]?.n;

describe.runIf(hasData)('importing again', () => {
  it('adds nothing for the same file, or the same content zipped', async () => {
    const store = await freshStore(dir);
    const plain = dataFile('gdelt2/export/20260514083000.export.CSV');
    const first = await importFile(store, plain, { clock: CLOCK });
    expect(first).toMatchObject({ status: 'imported', inserted: 837 });
    expect(await importFile(store, plain, { clock: CLOCK })).toMatchObject({
      status: 'already imported',
      inserted: 0,
    });
    const zipped = await importFile(store, `${plain}.zip`, { clock: CLOCK });
    expect(zipped.status).toBe('already imported');
    expect(zipped.message).toMatch(/nothing added/);
    expect(await eventCount(store)).toBe(837);
    await store.close();
  });

  it('skips rows already stored, and replaces a row whose content changed', async () => {
    const store = await freshStore(dir);
    const lines = readFileSync(dataFile('gdelt2/export/20260514083000.export.CSV'), 'utf8')
      .trimEnd()
      .split('\n');
    const a = join(dir, 'a.export.CSV');
    writeFileSync(a, `${lines.slice(0, 500).join('\n')}\n`);
    await importFile(store, a, { clock: CLOCK });

    const changed = (lines[10] as string).split('\t');
    changed[31] = '999'; // NumMentions of an event GDELT re-published
    const b = join(dir, 'b.export.CSV');
    writeFileSync(b, `${[...lines.slice(400, 600), changed.join('\t'), lines[450]].join('\n')}\n`);
    const result = await importFile(store, b, { clock: CLOCK });
    // rows 400..499 are stored already (450 twice in b); line 10 came back changed and replaces the stored row
    expect(result).toMatchObject({ rowsRead: 202, duplicates: 101, replaced: 1, inserted: 101 });
    expect(await eventCount(store)).toBe(600);
    const id = changed[0] as string;
    const rows = await store.query(
      sql`SELECT num_mentions, source_file FROM events WHERE source_record_id = ${id}`,
    );
    expect(rows).toEqual([{ num_mentions: 999, source_file: 'b.export.CSV' }]);
    await store.close();
  });
});
