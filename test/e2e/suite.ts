import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  apiJson,
  closeServed,
  FILES,
  launchChromium,
  offlinePage,
  screenshot,
  serve,
  type Served,
} from './fixture.ts';

/**
 * A describe block's server (with `files`), Chromium and one offline page, made before its tests
 * and closed after them; `api` reads the same server, `shot` saves the page.
 */
export function browserSuite(files: readonly string[] = FILES, extra?: Parameters<typeof serve>[1]) {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    served = await serve(files, extra);
    browser = await launchChromium();
    page = await offlinePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await closeServed(served);
  });
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the browser suite is not set up');
    return v;
  };
  return {
    get page(): Page {
      return need(page);
    },
    get served(): Served {
      return need(served);
    },
    get base(): string {
      return need(served).base;
    },
    api: <T>(path: string): Promise<T> => apiJson<T>(need(served), path),
    shot: (name: string): Promise<void> => screenshot(need(page), name),
  };
}
