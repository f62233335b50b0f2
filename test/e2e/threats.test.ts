import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiJson,
  closeServed,
  launchChromium,
  offlinePage,
  ready,
  screenshot,
  serve,
  type Served,
} from './fixture.ts';

interface Series {
  to: string;
  rows: { period: string; domain: string; articles: number }[];
}

describe.runIf(ready)('the threats panel in Chromium', () => {
  let served: Served | undefined;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    // Some events too: a store with GKG articles alone shows the first-run page.
    served = await serve(['gkg/gkg.csv', 'gkg/gkgT.csv', 'acled/acled-current-layout-2-rows.csv']);
    browser = await launchChromium();
    page = await offlinePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await closeServed(served);
  });

  it('shows each threat domain of a country as the API counts it, with evidence links', async () => {
    await page.goto(`${served?.base}/?page=country&country=RUS&to=2015-02-22`);
    const table = page.getByTestId('threats-table');
    await table.waitFor();
    const series = await apiJson<Series>(
      served as Served,
      '/countries/RUS/threats?grain=week&to=2015-02-22&evidence=1',
    );
    const last = new Map<string, number>();
    for (const r of series.rows) last.set(r.domain, r.articles);
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-domain'),
          r.querySelector('[data-testid="threat-articles"]')?.textContent ?? '',
        ]),
      );
    expect(shown.length).toBeGreaterThan(0);
    for (const [domain, text] of shown) expect(text).toBe(`${last.get(domain ?? '')} articles`);
    expect(await table.getByRole('link').count()).toBeGreaterThan(0);
    await screenshot(page, 'country-threats');
  });
});
