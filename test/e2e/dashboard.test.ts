import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../packages/server/src/api/app.ts';
import { importFile } from '../../packages/server/src/ingest/import-file.ts';
import type { Store } from '../../packages/server/src/store/store.ts';
import { CLOCK, freshStore, tempDir } from '../../packages/server/test/helpers.ts';
import { dataFile, hasData } from '../shared-data.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB = resolve(import.meta.dirname, '../../packages/web/dist');
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
// In CI a missing browser or build fails the tests; elsewhere they are skipped.
const ready =
  process.env.CI === 'true' || (hasData && existsSync(CHROMIUM) && existsSync(`${WEB}/index.html`));

interface Served {
  store: Store;
  app: FastifyInstance;
  base: string;
}

async function serve(files: readonly string[]): Promise<Served> {
  const store = await freshStore(tempDir());
  for (const f of files) await importFile(store, dataFile(f), { clock: CLOCK });
  const app = await buildApp({
    store: await store.reader(),
    writer: store,
    clock: CLOCK,
    version: 'e2e',
    web: WEB,
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { store, app, base };
}

const FILES = [
  'ucdp/ged191-myanmar-bangladesh.csv',
  'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
  'gdelt2/export/20260514083000.export.CSV',
  'gdelt2/export/20260514090000.export.CSV',
];

describe.runIf(ready)('the dashboard in Chromium', () => {
  let served: Served;
  let empty: Served;
  let browser: Browser;
  let page: Page;
  const api = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${served.base}/api/v1${path}`)).json()) as T;
  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serve(FILES);
    empty = await serve([]);
    browser = await chromium.launch({
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
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing leaves loopback: any other request fails the page, as it would offline.
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of [served, empty]) {
      await s?.app.close();
      await s?.store.close();
    }
  });

  it('opens the world on a day: the map and the ranked hotspots match the API', async () => {
    await page.goto(`${served.base}/?page=world&date=2017-08-27`);
    await page.getByTestId('hotspot-row').first().waitFor();
    const expected = await api<{ hotspots: { country: string; level: string }[] }>(
      '/hotspots?date=2017-08-27',
    );
    const shown = await page
      .getByTestId('hotspot-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country')));
    expect(shown).toEqual(expected.hotspots.map((h) => h.country));
    await expect
      .poll(() => page.locator('[data-testid="world-map"] [data-iso3="MMR"]').getAttribute('data-level'))
      .toBe(expected.hotspots.find((h) => h.country === 'MMR')?.level);
    expect(await page.getByTestId('date-input').inputValue()).toBe('2017-08-27');
    await shot('world');
  });

  it('moves in time from the date control, and a reload reproduces the view', async () => {
    await page.getByTestId('date-input').fill('2017-09-01');
    await page.getByTestId('date-input').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe('2017-09-01');
    await page.reload();
    expect(await page.getByTestId('date-input').inputValue()).toBe('2017-09-01');
  });

  it('follows a hotspot to its country, its indicators and its evidence', async () => {
    await page.goto(`${served.base}/?page=world&date=2017-08-27`);
    await page.locator('[data-testid="hotspot-row"][data-country="MMR"] a').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('MMR');
    await expect.poll(() => page.getByTestId('country-title').textContent()).toContain('Myanmar');
    await page.getByTestId('indicator-chart').waitFor();
    await page.getByTestId('explain-events').waitFor();
    const explain = await api<{ top_events: unknown[] }>('/hotspots/MMR/explain?date=2017-08-27');
    expect(explain.top_events.length).toBeGreaterThan(0);
    await shot('country');
  });

  it('shows a pair both ways with the links to the sources behind it', async () => {
    await page.goto(`${served.base}/?page=pair&a=USA&b=CHN&grain=day&from=2026-05-10&to=2026-05-14`);
    await expect
      .poll(() => page.getByTestId('pair-title').textContent())
      .toMatch(/United States.*China|USA.*CHN/);
    await page.getByTestId('relations-chart').waitFor();
    const relations = await api<{ top_events: { source_url: string | null }[] }>(
      '/pairs/USA/CHN?grain=day&from=2026-05-10&to=2026-05-14',
    );
    const link = page.getByTestId('source-link').first();
    expect(await link.getAttribute('href')).toBe(relations.top_events.find((e) => e.source_url)?.source_url);
    expect(await link.getAttribute('rel')).toContain('noopener');
    await shot('pair');
  });

  it('lists events with paging and exports exactly what is shown', async () => {
    const filter = 'country=NGA&from=2016-03-01&to=2016-03-31';
    await page.goto(`${served.base}/?page=events&${filter}`);
    await page.getByTestId('event-row').first().waitFor();
    const first = await api<{ events: { id: string }[]; next_cursor: string | null }>(
      `/events?${filter}&limit=100`,
    );
    const rows = page.getByTestId('event-row');
    expect(await rows.count()).toBe(first.events.length);
    const href = (await page.getByTestId('export-csv').getAttribute('href')) ?? '';
    const exported = new URL(href, served.base);
    expect(exported.searchParams.get('format')).toBe('csv');
    expect(exported.searchParams.get('country')).toBe('NGA');
    const csv = await (await fetch(exported)).text();
    expect(csv.trimEnd().split('\n').length - 1).toBeGreaterThanOrEqual(first.events.length);
    if (first.next_cursor) {
      await page.getByTestId('next-page').click();
      await expect.poll(() => page.getByTestId('event-row').count()).toBeGreaterThan(0);
    }
    await shot('events');
  });

  it('shows each source’s freshness', async () => {
    await page.goto(`${served.base}/?page=sources`);
    await page.getByTestId('sources-table').waitFor();
    const sources = await api<{ sources: unknown[] }>('/sources');
    await expect
      .poll(() => page.locator('[data-testid="sources-table"] tbody tr').count())
      .toBe(sources.sources.length);
    await shot('sources');
  });

  it('opens an empty store on a first-run page that says what to do', async () => {
    await page.goto(`${empty.base}/`);
    await page.getByTestId('first-run').waitFor();
    expect(await page.getByTestId('first-run').textContent()).toContain('peacebell import');
    await shot('first-run');
  });
});
