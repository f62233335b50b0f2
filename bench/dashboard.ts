import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { buildApp } from '../packages/server/src/api/app.ts';
import { firstViewWarmer } from '../packages/server/src/api/warm.ts';
import type { Store } from '../packages/server/src/store/store.ts';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../test/e2e/fixture.ts';

// BENCH_WEB: another build of the dashboard to time (an older one, to compare in the same period)
const WEB = process.env.BENCH_WEB ?? resolve(import.meta.dirname, '../packages/web/dist');

// In the page, from navigation start: the first frame painted with the map and the table (what the
// browser drew, without Playwright's wait for the load event and its polling, which grow with the
// machine's load).
const MARK_DRAWN = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-testid=world-map]') || !document.querySelector('[data-testid=countries-table]')) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => { globalThis.__drawn = performance.now(); }));
}).observe(document, { childList: true, subtree: true });`;

interface View {
  /** When navigation started (performance.now() of this process). */
  t0: number;
  /** ms to the view drawn as Playwright sees it, and as the page saw it. */
  seen: number;
  drawn: number;
}

/** Opens the dashboard at `base` in a fresh page (`watch` sees the page before it navigates). */
async function firstView(browser: Browser, base: string, watch?: (page: Page) => void): Promise<View> {
  const page = await browser.newPage();
  await page.addInitScript(MARK_DRAWN);
  watch?.(page);
  const t0 = performance.now();
  await page.goto(`${base}/`);
  await page.getByTestId('world-map').waitFor();
  await page.getByTestId('countries-table').waitFor();
  const seen = performance.now() - t0;
  const drawn = await page.waitForFunction(() => (globalThis as unknown as { __drawn?: number }).__drawn);
  const drawnMs = (await drawn.jsonValue()) as number;
  await page.close();
  return { t0, seen, drawn: drawnMs };
}

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
  const views: Record<'cold' | 'warm' | 'prepared', View[]> = { cold: [], warm: [], prepared: [] };
  // when the page sent its first API request, and when the last API answer of the first view ended
  const firstRequest: number[] = [];
  const lastAnswer: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const app = await buildApp({ store, clock, version: 'bench', web: WEB });
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      for (const kind of ['cold', 'warm'] as const) {
        const apiTimes: { url: string; sent: number; done: number }[] = [];
        const sent = new Map<unknown, number>();
        const view = await firstView(browser, base, (page) => {
          page.on('request', (r) => {
            if (r.url().includes('/api/')) sent.set(r, performance.now());
          });
          page.on('requestfinished', (r) => {
            const at = sent.get(r);
            if (at !== undefined)
              apiTimes.push({ url: r.url().replace(base, ''), sent: at, done: performance.now() });
          });
        });
        views[kind].push(view);
        const ms = (v: number) => v - view.t0;
        if (process.env.BENCH_VERBOSE) {
          const api = apiTimes.map((a) => `${a.url} ${ms(a.sent).toFixed(0)}→${ms(a.done).toFixed(0)}`);
          console.log(kind, api.join(', '), `drawn ${view.drawn.toFixed(0)} (page), ${view.seen.toFixed(0)}`);
        }
        if (kind === 'cold' && apiTimes.length > 0) {
          firstRequest.push(Math.min(...apiTimes.map((a) => ms(a.sent))));
          lastAnswer.push(
            Math.max(...apiTimes.filter((a) => ms(a.done) <= view.seen).map((a) => ms(a.done))),
          );
        }
      }
      await app.close();
      // As `serve` runs: the first view's answers computed ahead, right after start (and imports).
      const ready = await buildApp({ store, clock, version: 'bench', web: WEB });
      const readyBase = await ready.listen({ host: '127.0.0.1', port: 0 });
      await firstViewWarmer(ready, console.log).warm();
      views.prepared.push(await firstView(browser, readyBase));
      await ready.close();
    }
  } finally {
    await browser.close();
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
  const figure = (kind: keyof typeof views) =>
    `${median(views[kind].map((v) => v.seen)).toFixed(0)} ms (${median(views[kind].map((v) => v.drawn)).toFixed(0)} in the page)`;
  console.log(
    `dashboard first view (world map + countries table drawn; in the page: from navigation start, without Playwright's waits): ${figure('cold')} with a cold API cache, ${figure('warm')} warm, ${figure('prepared')} from a fresh server whose first-view answers were computed ahead as serve does (median of ${runs}, load average ${loadavg()[0]?.toFixed(1)}); cold: first API request sent at ${median(firstRequest).toFixed(0)} ms, last answer before the view drawn at ${median(lastAnswer).toFixed(0)} ms`,
  );
}
