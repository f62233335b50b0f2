import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type AppOptions } from '../../packages/server/src/api/app.ts';
import { importFile } from '../../packages/server/src/ingest/import-file.ts';
import type { Store } from '../../packages/server/src/store/store.ts';
import { CLOCK, freshStore, tempDir } from '../../packages/server/test/helpers.ts';
import { dataFile, hasData } from '../shared-data.ts';

export const CHROMIUM = '/usr/bin/chromium';
const WEB = resolve(import.meta.dirname, '../../packages/web/dist');
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
// In CI a missing browser or build fails the tests; elsewhere they are skipped.
export const ready =
  process.env.CI === 'true' || (hasData && existsSync(CHROMIUM) && existsSync(`${WEB}/index.html`));

/** Real files the browser tests' server holds. */
export const FILES = [
  'ucdp/ged191-myanmar-bangladesh.csv',
  'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
  'gdelt2/export/20260514083000.export.CSV',
  'gdelt2/export/20260514090000.export.CSV',
];

export interface Served {
  store: Store;
  app: FastifyInstance;
  base: string;
}

/** A store with `files` behind the API and the built dashboard, on a loopback port. */
export async function serve(
  files: readonly string[],
  extra: (store: Store) => Promise<Partial<AppOptions>> = async () => ({}),
): Promise<Served> {
  const store = await freshStore(tempDir());
  for (const f of files) await importFile(store, dataFile(f), { clock: CLOCK });
  const app = await buildApp({
    store: await store.reader(),
    writer: store,
    clock: CLOCK,
    version: 'e2e',
    web: WEB,
    ...(await extra(store)),
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { store, app, base };
}

export async function closeServed(served: Served | undefined): Promise<void> {
  await served?.app.close();
  await served?.store.close();
}

/** Debian's Chromium, headless, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page where nothing leaves loopback: any other request fails, as it would offline. */
export async function offlinePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  return page;
}

/** Saves a screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

/** The API's answer, for checking what a page shows. */
export async function apiJson<T>(served: Served, path: string): Promise<T> {
  return (await (await fetch(`${served.base}/api/v1${path}`)).json()) as T;
}
