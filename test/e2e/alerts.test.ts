import { describe, expect, it } from 'vitest';
import { AlertService } from '../../packages/server/src/alerts/service.ts';
import { sql } from '../../packages/server/src/store/sql.ts';
import { CLOCK } from '../../packages/server/test/helpers.ts';
import { ready } from './fixture.ts';
import { browserSuite } from './suite.ts';

const KEY = 'e2e-alerts-key-0123456789';

describe.runIf(ready)('the bell and the alerts page in Chromium', () => {
  const t = browserSuite(['ucdp/ged191-myanmar-bangladesh.csv'], async (store) => ({
    apiKey: KEY,
    alerts: new AlertService(await store.reader(), { baseUrl: '', clock: CLOCK, pollMs: 50 }),
  }));
  const post = (path: string, body: unknown) =>
    fetch(`${t.base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(body),
    });
  const unacknowledged = async () =>
    (await t.api<{ unacknowledged: number }>('/alerts?limit=1')).unacknowledged;

  it('writes a rule with a checked condition, rings the bell live, and follows an alert to its place', async () => {
    await t.page.goto(`${t.base}/?page=alerts`);
    await t.page.getByTestId('alerts-page').waitFor();
    await t.page.getByLabel(/API key/).fill(KEY);
    await t.page.getByRole('button', { name: 'Use this key' }).click();

    const form = t.page.getByTestId('new-rule');
    await form.getByLabel(/^Name/).fill('myanmar');
    await form.getByLabel(/^When/).fill('hotspot >= warnin');
    await expect
      .poll(() => t.page.getByTestId('when-problem').textContent())
      .toContain('at column 12, found "warnin"');
    expect(await form.getByRole('button', { name: 'Add rule' }).isDisabled()).toBe(true);
    await form.getByLabel(/^When/).fill('hotspot >= warning');
    await form.getByLabel(/^Countries/).fill('MMR, Bangladesh');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await t.page.getByTestId('rule-added').waitFor();
    await expect.poll(() => t.page.getByTestId('rules-table').textContent()).toContain('countries: MMR, BGD');

    // As if the rule had been watching since before the Rakhine clearance operations.
    await t.served.store.exec(sql`UPDATE alert_rules SET evaluated_through = DATE '2017-08-20'`);
    const checked = (await (await post('/alert-rules/check', {})).json()) as { alerts: { id: string }[] };
    expect(checked.alerts.length).toBeGreaterThan(0);
    await expect
      .poll(() => t.page.getByTestId('bell-count').textContent())
      .toBe(String(await unacknowledged()));

    await t.page.getByTestId('bell').click();
    const items = t.page.getByTestId('bell-list').getByRole('listitem');
    expect(await items.count()).toBe(checked.alerts.length);
    await t.shot('alerts-bell');
    await t.page.getByTestId('bell-list').getByRole('link').filter({ hasText: 'Myanmar' }).first().click();
    await expect.poll(() => new URL(t.page.url()).searchParams.get('page')).toBe('country');
    expect(new URL(t.page.url()).searchParams.get('country')).toBe('MMR');
  });

  it('acknowledges from the page, and the bell counts down', async () => {
    await t.page.goto(`${t.base}/?page=alerts`);
    const before = await unacknowledged();
    const table = t.page.getByTestId('alerts-table');
    await table.waitFor();
    await table.getByRole('button', { name: 'Acknowledge' }).first().click();
    await expect.poll(unacknowledged).toBe(before - 1);
    await expect
      .poll(() =>
        t.page
          .getByTestId('bell-count')
          .textContent()
          .catch(() => '0'),
      )
      .toBe(String(before - 1));
    await t.shot('alerts-page');
  });
});
