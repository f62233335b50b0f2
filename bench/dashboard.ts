import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '../packages/server/src/api/app.ts';
import type { Store } from '../packages/server/src/store/store.ts';
import { CHROMIUM, launchChromium } from '../test/e2e/fixture.ts';

const WEB = resolve(import.meta.dirname, '../packages/web/dist');

/**
 * The dashboard's first view over loopback in headless Chromium: from navigation to the world
 * map and the countries table drawn, with the API's response cache cold (a fresh server per
 * run) and warm (the same page again).
 */
export async function dashboardBench(store: Store, clock: () => Date, runs = 5): Promise<void> {
  if (!existsSync(CHROMIUM) || !existsSync(`${WEB}/index.html`)) {
    console.log('dashboard: skipped (needs /usr/bin/chromium and `npm run build:web`)');
    return;
  }
  const browser = await launchChromium();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const app = await buildApp({ store, clock, version: 'bench', web: WEB });
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      for (const times of [cold, warm]) {
        const page = await browser.newPage();
        const t0 = performance.now();
        await page.goto(`${base}/`);
        await page.getByTestId('world-map').waitFor();
        await page.getByTestId('countries-table').waitFor();
        times.push(performance.now() - t0);
        await page.close();
      }
      await app.close();
    }
  } finally {
    await browser.close();
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
  console.log(
    `dashboard first view (world map + countries table drawn): ${median(cold).toFixed(0)} ms with a cold API cache, ${median(warm).toFixed(0)} ms warm (median of ${runs})`,
  );
}
