import { describe, expect, it } from 'vitest';
import { ready } from './fixture.ts';
import { browserSuite } from './suite.ts';

interface Series {
  to: string;
  rows: { period: string; domain: string; articles: number }[];
}

describe.runIf(ready)('the threats panel in Chromium', () => {
  // Some events too: a store with GKG articles alone shows the first-run page.
  const t = browserSuite(['gkg/gkg.csv', 'gkg/gkgT.csv', 'acled/acled-current-layout-2-rows.csv']);

  it('shows each threat domain of a country as the API counts it, with evidence links', async () => {
    await t.page.goto(`${t.base}/?page=country&country=RUS&to=2015-02-22`);
    const table = t.page.getByTestId('threats-table');
    await table.waitFor();
    const series = await t.api<Series>('/countries/RUS/threats?grain=week&to=2015-02-22&evidence=1');
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
    await t.shot('country-threats');
  });
});
