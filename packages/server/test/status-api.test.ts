import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { API_PREFIX } from '../src/api/app.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { testApp } from './api-fixture.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

describe.runIf(hasData)('rejects and sync errors over the API', () => {
  it('lists rows set aside with their line and field, and files that failed', async () => {
    const dir = tempDir();
    const store = await freshStore(dir);
    const lines = readFileSync(dataFile('gdelt2/export/20260514083000.export.CSV'), 'utf8')
      .split('\n')
      .slice(0, 20);
    const bad = (lines[4] as string).split('\t');
    bad[26] = '999'; // no such CAMEO event code
    lines[4] = bad.join('\t');
    const file = join(dir, 'bad.export.CSV');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await importFile(store, file, { clock: CLOCK });
    await store.insert('gdelt_files', [
      {
        name: '20260514084500.export.CSV.zip',
        url: 'http://127.0.0.1/x',
        feed: 'export',
        translingual: false,
        slot: '2026-05-14T08:45:00Z',
        state: 'failed',
        attempts: 3,
        last_error: 'MD5 mismatch',
        listed_at: '2026-05-14T09:00:00Z',
        updated_at: '2026-05-14T09:10:00Z',
      },
    ]);
    const app = await testApp(store);
    const rejects = (await app.inject({ url: `${API_PREFIX}/rejects` })).json();
    expect(rejects.rejects).toHaveLength(1);
    expect(rejects.rejects[0]).toMatchObject({ file, line: 5, field: 'EventCode' });
    expect((await app.inject({ url: `${API_PREFIX}/rejects?file=other` })).json().rejects).toEqual([]);
    const refused = await app.inject({ url: `${API_PREFIX}/rejects?limit=0` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().parameter).toBe('limit');
    const errors = (await app.inject({ url: `${API_PREFIX}/sync/errors` })).json();
    expect(errors.files).toEqual([
      expect.objectContaining({
        name: '20260514084500.export.CSV.zip',
        state: 'failed',
        last_error: 'MD5 mismatch',
      }),
    ]);
    await app.close();
    await store.close();
  });
});
