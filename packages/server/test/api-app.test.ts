import { gunzipSync } from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { API_PREFIX } from '../src/api/app.ts';
import { generationCounter, type RouteModule } from '../src/api/deps.ts';
import { createApiKey, revokeApiKey } from '../src/api/keys.ts';
import { QueryError } from '../src/errors.ts';
import type { Store } from '../src/store/store.ts';
import { loadedStore, testApp } from './api-fixture.ts';
import { CLOCK, tempDir } from './helpers.ts';

const dir = tempDir();

/** A module as a colleague would add one; its second route fails inside, like a broken query. */
const extra: RouteModule = (app) => {
  app.get(
    '/extra',
    { schema: { summary: 'an added module', tags: ['test'] }, config: { cache: 'generation' } },
    async () => ({ ok: true }),
  );
  app.get('/broken', { schema: { summary: 'fails', tags: ['test'] } }, async () => {
    throw new QueryError('Binder Error: no such column', 'SELECT secret_column FROM events');
  });
};

describe.runIf(hasData)('the API app', () => {
  let store: Store;
  let app: FastifyInstance;
  const generation = generationCounter();
  beforeAll(async () => {
    store = await loadedStore(dir);
    app = await testApp(store, { generation, routes: [extra], apiKey: 'settings-key-0123456789' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('GET /health: status, version, store, schema version, uptime, generation', async () => {
    const r = await app.inject({ url: `${API_PREFIX}/health` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'ok',
      version: '0.1.0-test',
      store: store.location,
      uptime_seconds: 0,
    });
    expect(r.json<{ schema_version: number }>().schema_version).toBeGreaterThanOrEqual(7);
  });

  it('GET /sources: events, dates, last import and rejects per source; GDELT completeness', async () => {
    const r = await app.inject({ url: `${API_PREFIX}/sources` });
    expect(r.statusCode, r.body).toBe(200);
    const sources = r.json<{ sources: { source: string; events: number; gdelt?: unknown }[] }>().sources;
    expect(sources.map((s) => s.source)).toEqual(['acled', 'gdelt2']);
    expect(sources[0]).toMatchObject({
      events: 2,
      files_imported: 1,
      last_import_at: '2026-11-26T12:00:00Z',
    });
    expect(sources[1]).toMatchObject({ last_event_date: '2026-05-14', gdelt: { files_failed: 0 } });
    expect(r.headers.etag).toMatch(/^W\/"/);
    const again = await app.inject({
      url: `${API_PREFIX}/sources`,
      headers: { 'if-none-match': r.headers.etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('unknown routes are 404 JSON; internal errors are 500 JSON without SQL', async () => {
    const missing = await app.inject({ url: `${API_PREFIX}/nothing-here` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    const broken = await app.inject({ url: `${API_PREFIX}/broken` });
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toMatchObject({ error: 'internal' });
    expect(broken.body).not.toMatch(/SELECT|secret_column|Binder/);
  });

  it('registers added route modules under /api/v1', async () => {
    const r = await app.inject({ url: `${API_PREFIX}/extra` });
    expect(r.json()).toEqual({ ok: true });
  });

  it('ETag from the generation and URL: 304 on If-None-Match, a new tag after an import', async () => {
    const url = `${API_PREFIX}/events?limit=3`;
    const first = await app.inject({ url });
    expect(first.headers['cache-control']).toBe('public, max-age=15');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const hit = await app.inject({ url });
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.body).toBe(first.body);
    const notModified = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    const other = await app.inject({ url: `${API_PREFIX}/events?limit=4` });
    expect(other.headers.etag).not.toBe(etag);
    generation.onImported();
    const after = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.headers.etag).not.toBe(etag);
  });

  it('gzips when asked', async () => {
    const url = `${API_PREFIX}/events?limit=200`;
    const plain = await app.inject({ url });
    const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const csv = await app.inject({ url: `${url}&format=csv`, headers: { 'accept-encoding': 'gzip' } });
    expect(csv.headers['content-encoding']).toBe('gzip');
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const r = await app.inject({ url: `${API_PREFIX}/health`, headers: { origin: 'https://dash.example' } });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('admin endpoints', () => {
    const post = (url: string, headers: Record<string, string> = {}, body: unknown = undefined) =>
      app.inject({
        method: 'POST',
        url: `${API_PREFIX}${url}`,
        headers,
        ...(body ? { payload: body as object } : {}),
      });

    it('401 without a key or with a wrong one', async () => {
      const none = await post('/rebuild');
      expect(none.statusCode).toBe(401);
      expect(none.json()).toMatchObject({ error: 'unauthorized' });
      expect((await post('/rebuild', { authorization: 'Bearer wrong-key' })).statusCode).toBe(401);
      expect((await post('/rebuild', { 'x-api-key': "' OR 1=1 --" })).statusCode).toBe(401);
      expect((await post('/imports', {}, { paths: ['/etc/passwd'] })).statusCode).toBe(401);
    });

    it('a stored key (Bearer or X-API-Key) and the settings key pass; a revoked key does not', async () => {
      const key = (await createApiKey(store, 'test', CLOCK())) as string;
      expect(await createApiKey(store, 'test', CLOCK())).toBeUndefined();
      expect((await post('/rebuild', { authorization: `Bearer ${key}` })).statusCode).toBe(501);
      expect((await post('/rebuild', { 'x-api-key': key })).statusCode).toBe(501);
      expect((await post('/rebuild', { 'x-api-key': 'settings-key-0123456789' })).statusCode).toBe(501);
      expect(await revokeApiKey(store, 'test', CLOCK())).toBe(true);
      expect((await post('/rebuild', { 'x-api-key': key })).statusCode).toBe(401);
    });

    it('POST /imports imports server-side files and bumps the generation; bad bodies are 400', async () => {
      const auth = { 'x-api-key': 'settings-key-0123456789' };
      const before = generation.generation();
      const file = dataFile('acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv');
      const r = await post('/imports', auth, { paths: [file] });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ files: [{ file, status: 'imported', format: 'acled-events' }] });
      expect(generation.generation()).toBe(before + 1);
      const again = await post('/imports', auth, { paths: [file] });
      expect(again.json()).toMatchObject({ files: [{ status: 'already imported' }] });
      const missing = await post('/imports', auth, { paths: ['/no/such/file.csv'] });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ parameter: 'paths' });
      const bad = await post('/imports', auth, { paths: 'x' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ parameter: 'paths' });
      const refused = await post('/imports', auth, { paths: [dataFile('cameo/CAMEO.eventcodes.txt')] });
      expect(refused.json()).toMatchObject({ files: [{ status: 'refused' }] });
    });
  });

  describe('OpenAPI', () => {
    it('is a valid OpenAPI 3.1 document listing every route with its responses', async () => {
      const r = await app.inject({ url: '/openapi.json' });
      expect(r.statusCode).toBe(200);
      const doc = r.json<{
        openapi: string;
        info: { title: string };
        paths: Record<string, Record<string, { summary?: string; tags?: string[]; responses?: object }>>;
      }>();
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.info.title).toBe('peacebell');
      const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      for (const route of [
        'GET /api/v1/health',
        'GET /api/v1/events',
        'GET /api/v1/events/{id}',
        'GET /api/v1/sources',
        'POST /api/v1/imports',
        'POST /api/v1/rebuild',
        'GET /api/v1/extra',
      ]) {
        expect(routes).toContain(route);
      }
      for (const ops of Object.values(doc.paths)) {
        for (const op of Object.values(ops)) {
          expect(op.summary).toBeTruthy();
          expect(op.tags?.length).toBeGreaterThan(0);
          expect(Object.keys(op.responses ?? {}).some((code) => /^2\d\d$/.test(code))).toBe(true);
        }
      }
      const events = doc.paths['/api/v1/events']?.get as unknown as { parameters: { name: string }[] };
      expect(events.parameters.map((p) => p.name)).toEqual(
        expect.arrayContaining([
          'country',
          'actor',
          'from',
          'to',
          'root',
          'code',
          'quad',
          'source',
          'limit',
          'cursor',
          'format',
        ]),
      );
    });

    it('/docs is an HTML page served from the package itself (no CDN)', async () => {
      const r = await app.inject({ url: '/docs' });
      const html = r.statusCode === 302 ? await app.inject({ url: r.headers.location as string }) : r;
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.body).toMatch(/swagger-ui/);
      expect(html.body).not.toMatch(/https?:\/\//);
      const asset = await app.inject({ url: '/docs/static/swagger-ui-bundle.js' });
      expect(asset.statusCode).toBe(200);
    });
  });
});

describe.runIf(hasData)('configured CORS and rate limits', () => {
  it('allows the configured origins only', async () => {
    const store = await loadedStore(dir, []);
    const app = await testApp(store, { cors: ['https://dash.example'] });
    const ok = await app.inject({ url: `${API_PREFIX}/health`, headers: { origin: 'https://dash.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://dash.example');
    const other = await app.inject({
      url: `${API_PREFIX}/health`,
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
    await store.close();
  });

  it('answers 429 past the limit, with JSON', async () => {
    const store = await loadedStore(dir, []);
    const app = await testApp(store, { rateLimit: { max: 3, windowMs: 60_000 } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await app.inject({ url: `${API_PREFIX}/health` })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const r = await app.inject({ url: `${API_PREFIX}/health` });
    expect(r.json()).toMatchObject({ error: 'too_many_requests' });
    expect(r.headers['retry-after']).toBeDefined();
    await app.close();
    await store.close();
  });
});
