import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile } from '../../../test/shared-data.ts';
import { generationCounter } from '../src/api/deps.ts';
import { withFirstViewAnswers } from '../src/api/first-view-html.ts';
import { firstViewWarmer } from '../src/api/warm.ts';
import type { Store } from '../src/store/store.ts';
import { loadedStore, testApp } from './api-fixture.ts';
import { tempDir } from './helpers.ts';

const HTML = '<!doctype html><html><head><script>start()</script></head><body></body></html>';
const KEY = 'settings-key-0123456789';

/** The answers inlined in a page, by URL, parsed. */
function inlined(html: string): Map<string, unknown> {
  const found = html.matchAll(/<script type="application\/json" data-answer="([^"]+)">(.*?)<\/script>/gs);
  return new Map([...found].map(([, url, json]) => [url as string, JSON.parse(json as string) as unknown]));
}

describe("index.html with the first view's answers", () => {
  const dir = tempDir();
  const web = join(dir, 'dist');
  let store: Store;
  let app: FastifyInstance;
  const generation = generationCounter();
  beforeAll(async () => {
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), HTML);
    store = await loadedStore(dir, ['ucdp/ged191-myanmar-bangladesh.csv']);
    app = await testApp(store, { web, generation, apiKey: KEY });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  const page = async () => (await app.inject({ url: '/?page=world' })).body;
  const api = async (url: string) => (await app.inject({ url })).json<unknown>();

  it('inlines nothing until an answer is in the cache, then the answers the API gives, first in the head', async () => {
    expect(await page()).toBe(HTML);
    await firstViewWarmer(app, () => undefined).warm();
    const html = await page();
    expect(html.indexOf('data-answer')).toBeLessThan(html.indexOf('start()'));
    const answers = inlined(html);
    expect([...answers.keys()].sort()).toEqual([
      '/api/v1/countries',
      '/api/v1/hotspots',
      '/api/v1/indicators',
    ]);
    for (const [url, answer] of answers) expect(answer, url).toEqual(await api(url));
  });

  it('never inlines the answers of the data before an import', async () => {
    const before = inlined(await page()).get('/api/v1/countries');
    expect(before).toBeDefined();
    const file = dataFile('gdelt2/export/20260514083000.export.CSV');
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'x-api-key': KEY },
      payload: { paths: [file] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(inlined(await page()).size).toBe(0);
    await firstViewWarmer(app, () => undefined).warm();
    const after = inlined(await page()).get('/api/v1/countries');
    expect(after).toEqual(await api('/api/v1/countries'));
    expect(after).not.toEqual(before);
  });

  it('keeps an answer from ending its script', () => {
    const body = JSON.stringify({ name: '</script><script>alert(1)</script> <!-- x' });
    const html = withFirstViewAnswers(HTML, {
      json: (url) => (url === '/api/v1/countries' ? body : undefined),
    });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(inlined(html).get('/api/v1/countries')).toEqual(JSON.parse(body));
  });
});
