import type { FastifyInstance } from 'fastify';
import { dataFile } from '../../../test/shared-data.ts';
import { buildApp, type AppOptions } from '../src/api/app.ts';
import { importFile } from '../src/ingest/import-file.ts';
import type { Store } from '../src/store/store.ts';
import { CLOCK, freshStore } from './helpers.ts';

/** Real files every API test reads: two GDELT 2.0 exports (zipped) and ACLED's sample. */
export const API_DATA = [
  'gdelt2/export/20260514083000.export.CSV.zip',
  'gdelt2/export/20260514090000.export.CSV.zip',
  'acled/acled-current-layout-2-rows.csv',
];

/** A store in `dir` loaded with API_DATA. */
export async function loadedStore(dir: string, files = API_DATA): Promise<Store> {
  const store = await freshStore(dir);
  for (const f of files) await importFile(store, dataFile(f), { clock: CLOCK });
  return store;
}

/** The app over `writer` (its reader for reads), with the test clock and no logs. */
export async function testApp(writer: Store, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    store: await writer.reader(),
    writer,
    clock: CLOCK,
    version: '0.1.0-test',
    logger: false,
    web: false,
    ...options,
  });
  await app.ready();
  return app;
}
