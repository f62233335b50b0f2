import { describe, expect, it } from 'vitest';
import { firstViewWarmer } from '../../packages/server/src/api/warm.ts';
import { dataFile } from '../shared-data.ts';
import { ready } from './fixture.ts';
import { browserSuite } from './suite.ts';

const KEY = 'e2e-first-view-key-0123456789';
const FIRST_VIEW = /\/api\/v1\/(countries|hotspots|indicators)$/;

describe.runIf(ready)('the first view from the answers index.html brings', () => {
  const t = browserSuite(['ucdp/ged191-myanmar-bangladesh.csv'], async () => ({ apiKey: KEY }));
  const warm = () => firstViewWarmer(t.served.app, () => undefined).warm();
  const shown = () =>
    t.page
      .locator('[data-testid="countries-table"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country')));
  const latest = async () =>
    (await t.api<{ countries: { country: string }[] }>('/countries')).countries.map((c) => c.country);
  /** Opens the world page; the first-view answers it asked the server for. */
  const open = async (go: () => Promise<unknown>) => {
    const asked: string[] = [];
    const listen = (r: { url: () => string }) => {
      if (FIRST_VIEW.test(r.url())) asked.push(r.url().slice(t.base.length));
    };
    t.page.on('request', listen);
    await go();
    await t.page.getByTestId('world-map').waitFor();
    await t.page.getByTestId('countries-table').waitFor();
    t.page.off('request', listen);
    return asked;
  };

  it('draws the map and the countries table from answers computed ahead, asking for none of them', async () => {
    await warm();
    expect(await open(() => t.page.goto(`${t.base}/`))).toEqual([]);
    await expect.poll(shown).toEqual(await latest());
    expect(await t.page.locator('script[data-answer]').count()).toBe(0);
  });

  it('never shows the answers of before an import, whether or not they were computed again', async () => {
    const before = await latest();
    const r = await fetch(`${t.base}/api/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ paths: [dataFile('gdelt2/export/20260514083000.export.CSV')] }),
    });
    expect(r.status).toBe(200);
    expect((await open(() => t.page.reload())).sort()).toEqual([
      '/api/v1/countries',
      '/api/v1/hotspots',
      '/api/v1/indicators',
    ]);
    const now = await latest();
    expect(now).not.toEqual(before);
    await expect.poll(shown).toEqual(now);
    await warm();
    expect(await open(() => t.page.reload())).toEqual([]);
    await expect.poll(shown).toEqual(now);
  });
});
