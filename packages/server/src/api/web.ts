import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The built dashboard (packages/web/dist), or undefined when it has not been built. */
export function defaultWebRoot(): string | undefined {
  const root = resolve(import.meta.dirname, '../../../web/dist');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

/**
 * Serves the dashboard's files at `/`: hashed assets for a year, everything else (the pages'
 * URLs hold their state in the query string) gets `index.html`. `/api`, `/docs` and
 * `/openapi.json` are never shadowed; a path that leaves the folder is refused.
 */
export function registerWeb(app: FastifyInstance, root: string): void {
  const base = resolve(root);
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    let path: string;
    try {
      path = decodeURIComponent((req.url.split('?')[0] ?? '/').replace(/^\/+/, ''));
    } catch {
      return reply
        .code(400)
        .send({ error: 'bad_request', message: 'the path is not valid percent-encoding' });
    }
    if (/^(api|docs)(\/|$)/.test(path)) {
      return reply.code(404).send({ error: 'not_found', message: `no route GET /${path.slice(0, 200)}` });
    }
    const file = resolve(base, normalize(path));
    const inside = file === base || file.startsWith(base + sep);
    const target =
      inside && path !== '' && existsSync(file) && statSync(file).isFile() ? file : join(base, 'index.html');
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    const immutable = target.includes(`${sep}assets${sep}`);
    return reply
      .header('content-type', type)
      .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(await readFile(target));
  });
}
