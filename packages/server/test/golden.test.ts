import { EVENT_FIELDS } from '@peacebell/model';
import { describe, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { eventsQuery } from '../src/analytics/events.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { expectGolden } from './golden-file.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const dir = tempDir();

const round = (value: unknown) => (typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value);

/** Real file in, canonical events out as NDJSON in id order; UPDATE=1 rewrites the golden file. */
async function canonical(file: string): Promise<string> {
  const store = await freshStore(dir);
  await importFile(store, file, { clock: CLOCK });
  const rows = await store.query<Record<string, unknown>>(eventsQuery({}, store.dialect));
  await store.close();
  return rows
    .sort((a, b) => String(a.id).localeCompare(String(b.id)))
    .map((r) => JSON.stringify(Object.fromEntries(EVENT_FIELDS.map((f) => [f, round(r[f])]))))
    .join('\n')
    .concat('\n');
}

describe.runIf(hasData)('golden canonical events', () => {
  for (const [name, source] of [
    ['gdelt2-excerpt-events.ndjson', 'gdelt2/excerpts/events.csv'],
    ['gdelt1-1979-backfile.ndjson', 'gdelt1/gdelt1-excerpt-1979-backfile.csv'],
  ] as const) {
    it(`${source} → ${name}`, async () => {
      const actual = await canonical(dataFile(source));
      expectGolden(name, actual);
    });
  }
});
