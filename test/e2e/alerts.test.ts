import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertService } from '../../packages/server/src/alerts/service.ts';
import { sql } from '../../packages/server/src/store/sql.ts';
import { CLOCK } from '../../packages/server/test/helpers.ts';
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

const KEY = 'e2e-alerts-key-0123456789';

describe.runIf(ready)('the bell and the alerts page in Chromium', () => {
  let served: Served | undefined;
  let browser: Browser;
  let page: Page;
  const post = (path: string, body: unknown) =>
    fetch(`${served?.base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(body),
    });
  const unacknowledged = async () =>
    (await apiJson<{ unacknowledged: number }>(served as Served, '/alerts?limit=1')).unacknowledged;

  beforeAll(async () => {
    served = await serve(['ucdp/ged191-myanmar-bangladesh.csv'], async (store) => ({
      apiKey: KEY,
      alerts: new AlertService(await store.reader(), { baseUrl: '', clock: CLOCK, pollMs: 50 }),
    }));
    browser = await launchChromium();
    page = await offlinePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await closeServed(served);
  });

  it('writes a rule with a checked condition, rings the bell live, and follows an alert to its place', async () => {
    await page.goto(`${served?.base}/?page=alerts`);
    await page.getByTestId('alerts-page').waitFor();
    await page.getByLabel(/API key/).fill(KEY);
    await page.getByRole('button', { name: 'Use this key' }).click();

    const form = page.getByTestId('new-rule');
    await form.getByLabel(/^Name/).fill('myanmar');
    await form.getByLabel(/^When/).fill('hotspot >= warnin');
    await expect
      .poll(() => page.getByTestId('when-problem').textContent())
      .toContain('at column 12, found "warnin"');
    expect(await form.getByRole('button', { name: 'Add rule' }).isDisabled()).toBe(true);
    await form.getByLabel(/^When/).fill('hotspot >= warning');
    await form.getByLabel(/^Countries/).fill('MMR, Bangladesh');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await page.getByTestId('rule-added').waitFor();
    await expect.poll(() => page.getByTestId('rules-table').textContent()).toContain('countries: MMR, BGD');

    // As if the rule had been watching since before the Rakhine clearance operations.
    await served?.store.exec(sql`UPDATE alert_rules SET evaluated_through = DATE '2017-08-20'`);
    const checked = (await (await post('/alert-rules/check', {})).json()) as { alerts: { id: string }[] };
    expect(checked.alerts.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('bell-count').textContent())
      .toBe(String(await unacknowledged()));

    await page.getByTestId('bell').click();
    const items = page.getByTestId('bell-list').getByRole('listitem');
    expect(await items.count()).toBe(checked.alerts.length);
    await screenshot(page, 'alerts-bell');
    await page.getByTestId('bell-list').getByRole('link').filter({ hasText: 'Myanmar' }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('country');
    expect(new URL(page.url()).searchParams.get('country')).toBe('MMR');
  });

  it('acknowledges from the page, and the bell counts down', async () => {
    await page.goto(`${served?.base}/?page=alerts`);
    const before = await unacknowledged();
    const table = page.getByTestId('alerts-table');
    await table.waitFor();
    await table.getByRole('button', { name: 'Acknowledge' }).first().click();
    await expect.poll(unacknowledged).toBe(before - 1);
    await expect
      .poll(() =>
        page
          .getByTestId('bell-count')
          .textContent()
          .catch(() => '0'),
      )
      .toBe(String(before - 1));
    await screenshot(page, 'alerts-page');
  });
});
