import { describe, expect, it } from 'vitest';
import { ready } from './fixture.ts';
import { browserSuite } from './suite.ts';

/** Every page of the dashboard, on days the test data covers. */
const PAGES = [
  '?page=world&date=2017-08-27',
  '?page=world&date=2016-03-31&colour=events',
  '?page=country&country=MMR&date=2017-08-27',
  '?page=country&country=NGA&from=2016-01-01&to=2016-05-28',
  '?page=pair&a=USA&b=CHN&grain=day&from=2026-05-10&to=2026-05-14',
  '?page=events&country=NGA&from=2016-03-01&to=2016-03-31',
  '?page=sources',
];

describe.runIf(ready)('qualities of every page in Chromium', () => {
  const t = browserSuite();

  it.each(PAGES)(
    'names every control and link of %s, and leaves nothing loading or failed',
    async (search) => {
      await t.page.goto(`${t.base}/${search}`);
      // every panel settles: none still busy, none failed
      await expect.poll(() => t.page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
      expect(await t.page.getByTestId('panel-error').allTextContents()).toEqual([]);
      const unnamed = await t.page
        .locator('input, select, button, a[href], [role="img"], [role="group"]')
        .evaluateAll((els) =>
          els
            .filter((el) => {
              const labelled = (el as { labels?: ArrayLike<unknown> | null }).labels;
              const name =
                el.getAttribute('aria-label') ??
                el.getAttribute('aria-labelledby') ??
                el.getAttribute('title') ??
                el.textContent?.trim() ??
                '';
              return name === '' && !(labelled && labelled.length > 0);
            })
            .map((el) => el.outerHTML.slice(0, 120)),
        );
      expect(unnamed).toEqual([]);
    },
  );
});
