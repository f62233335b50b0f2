import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerWeb } from '../src/api/web.ts';
import { tempDir } from './helpers.ts';

describe('the dashboard files', () => {
  it('serves files (their gzip made at build time when taken), falls back to index.html for pages, and never leaves its folder or shadows the API', async () => {
    const dir = tempDir();
    const root = join(dir, 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>peacebell</title>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const app = Fastify();
    registerWeb(app, root);
    const page = await app.inject({ url: '/?page=country&country=MMR' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ url: '/assets/app-1234.js' });
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');
    const script = 'console.log("the gzip made at build time");'.repeat(40);
    writeFileSync(join(root, 'assets', 'big-1234.js'), script);
    writeFileSync(join(root, 'assets', 'big-1234.js.gz'), gzipSync(script));
    const gzipped = await app.inject({
      url: '/assets/big-1234.js',
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const plain = await app.inject({
      url: '/assets/big-1234.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const r = await app.inject({ url });
      expect(r.body, url).not.toContain('secret');
    }
    expect((await app.inject({ url: '/%E0%A4%A' })).statusCode).toBe(400);
    const api = await app.inject({ url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe('not_found');
    await app.close();
  });
});
