import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGdeltFile } from '../../../bench/make-gdelt-file.ts';
import { DATA_DIR, dataFile, hasData } from '../../../test/shared-data.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { sql } from '../src/store/sql.ts';
import { CLOCK, tempDir } from './helpers.ts';

const dir = tempDir();
const child = join(import.meta.dirname, 'fixtures/import-child.ts');

/** Runs the child and SIGKILLs it once it has been inside the import of `killDuring` for a while. */
function runAndKill(db: string, files: string[], killDuring: string) {
  return new Promise<string>((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, db, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`start ${killDuring}`)) setTimeout(() => proc.kill('SIGKILL'), 700);
    });
    proc.on('exit', () => resolve(out));
  });
}

describe.runIf(hasData)('an import killed mid-way', () => {
  it('leaves the store as it was, and the re-run completes it', async () => {
    const small = dataFile('gdelt2/export/20260514083000.export.CSV');
    const big = join(dir, '20990101000000.export.CSV');
    await makeGdeltFile(DATA_DIR, 600_000, big);
    const db = join(dir, 'killed.duckdb');

    const out = await runAndKill(db, [small, big], big);
    expect(out).toContain(`done ${small}`);
    expect(out, 'the kill must land inside the big import').not.toContain(`done ${big}`);

    const store = await openDuckDbStore(db);
    const counts = async () =>
      (
        await store.query(sql`SELECT (SELECT count(*) FROM events)::INTEGER AS events,
          (SELECT count(*) FROM import_batches)::INTEGER AS batches, (SELECT count(*) FROM rejects)::INTEGER AS rejects`)
      )[0];
    expect(await counts()).toEqual({ events: 837, batches: 1, rejects: 0 });

    expect((await importFile(store, small, { clock: CLOCK })).status).toBe('already imported');
    expect(await importFile(store, big, { clock: CLOCK })).toMatchObject({
      status: 'imported',
      inserted: 600_000,
    });
    expect(await counts()).toEqual({ events: 600_837, batches: 2, rejects: 0 });
    await store.close();
  });
});
