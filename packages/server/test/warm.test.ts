import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { preloadUrls } from '../../web/src/preload-urls.ts';
import { FIRST_VIEW_URLS, firstViewWarmer } from '../src/api/warm.ts';
import type { Store } from '../src/store/store.ts';
import { loadedStore, testApp } from './api-fixture.ts';
import { tempDir } from './helpers.ts';

describe('the first view, answered ahead', () => {
  const dir = tempDir();
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await loadedStore(dir);
    app = await testApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('asks what the dashboard preloads for its first view', () => {
    expect([...FIRST_VIEW_URLS].sort()).toEqual([...preloadUrls('')].sort());
  });

  it('leaves each answer in the response cache, so the first visitor gets a hit', async () => {
    expect((await app.inject({ url: '/api/v1/indicators' })).headers['x-cache']).toBeUndefined();
    const lines: string[] = [];
    const warmer = firstViewWarmer(app, (l) => lines.push(l));
    await Promise.all([warmer.warm(), warmer.warm()]);
    await warmer.idle();
    expect(lines).toEqual([]);
    for (const url of ['/api/v1/countries', '/api/v1/hotspots']) {
      expect((await app.inject({ url })).headers['x-cache'], url).toBe('hit');
    }
  });
});
