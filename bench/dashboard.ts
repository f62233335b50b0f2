import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '../packages/server/src/api/app.ts';
import { firstViewWarmer } from '../packages/server/src/api/warm.ts';
import type { Store } from '../packages/server/src/store/store.ts';
import { CHROMIUM, launchChromium } from '../test/e2e/fixture.ts';

const WEB = resolve(import.meta.dirname, '../packages/web/dist');

/**
 * The dashboard's first view over loopback in headless Chromium: from navigation to the world
 * map and the countries table drawn, with the API's response cache cold (a fresh server per
 * run), warm (the same page again), and from a fresh server that computed the first view's
 * answers ahead (what `serve` does after start and after each import).
 */
export async function dashboardBench(store: Store, clock: () => Date, runs = 5): Promise<void> {
  if (!existsSync(CHROMIUM) || !existsSync(`${WEB}/index.html`)) {
    console.log('dashboard: skipped (needs /usr/bin/chromium and `npm run build:web`)');
    return;
  }
  const browser = await launchChromium();
  const cold: number[] = [];
  const warm: number[] = [];
  const prepared: number[] = [];
  // when the page sent its first API request, and when the last API answer of the first view ended
  const firstRequest: number[] = [];
  const lastAnswer: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const app = await buildApp({ store, clock, version: 'bench', web: WEB });
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      for (const times of [cold, warm]) {
        const page = await browser.newPage();
        const apiTimes: { url: string; sent: number; done: number }[] = [];
        const sent = new Map<unknown, number>();
        page.on('request', (r) => {
          if (r.url().includes('/api/')) sent.set(r, performance.now());
        });
        page.on('requestfinished', (r) => {
          const at = sent.get(r);
          if (at !== undefined)
            apiTimes.push({ url: r.url().replace(base, ''), sent: at, done: performance.now() });
        });
        const t0 = performance.now();
        await page.goto(`${base}/`);
        await page.getByTestId('world-map').waitFor();
        await page.getByTestId('countries-table').waitFor();
        const drawn = performance.now();
        times.push(drawn - t0);
        if (process.env.BENCH_VERBOSE) {
          const ms = (v: number) => (v - t0).toFixed(0);
          console.log(
            times === cold ? 'cold' : 'warm',
            apiTimes.map((a) => `${a.url} ${ms(a.sent)}→${ms(a.done)}`).join(', '),
            'drawn',
            ms(drawn),
          );
        }
        if (times === cold && apiTimes.length > 0) {
          firstRequest.push(Math.min(...apiTimes.map((a) => a.sent)) - t0);
          lastAnswer.push(Math.max(...apiTimes.filter((a) => a.done <= drawn).map((a) => a.done)) - t0);
        }
        await page.close();
      }
      await app.close();
      // As `serve` runs: the first view's answers computed ahead, right after start (and imports).
      const ready = await buildApp({ store, clock, version: 'bench', web: WEB });
      const readyBase = await ready.listen({ host: '127.0.0.1', port: 0 });
      await firstViewWarmer(ready, console.log).warm();
      const page = await browser.newPage();
      const t0 = performance.now();
      await page.goto(`${readyBase}/`);
      await page.getByTestId('world-map').waitFor();
      await page.getByTestId('countries-table').waitFor();
      prepared.push(performance.now() - t0);
      await page.close();
      await ready.close();
    }
  } finally {
    await browser.close();
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
  console.log(
    `dashboard first view (world map + countries table drawn): ${median(cold).toFixed(0)} ms with a cold API cache, ${median(warm).toFixed(0)} ms warm, ${median(prepared).toFixed(0)} ms from a fresh server whose first-view answers were computed ahead as serve does (median of ${runs}); cold: first API request sent at ${median(firstRequest).toFixed(0)} ms, last answer before the view drawn at ${median(lastAnswer).toFixed(0)} ms`,
  );
}
