import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { CachedAnswers } from './cache.ts';
import { withFirstViewAnswers } from './first-view-html.ts';

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
 * Serves the dashboard's files at `/`: hashed assets for a year (their `.gz` made at build time to
 * browsers that take gzip), everything else (the pages' URLs hold their state in the query string)
 * gets `index.html`, with the first view's answers the cache holds inlined. `/api`, `/docs` and
 * `/openapi.json` are never shadowed; a path that leaves the folder is refused.
 */
export function registerWeb(app: FastifyInstance, root: string, answers?: CachedAnswers): void {
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
    reply.header('content-type', type);
    if (!target.includes(`${sep}assets${sep}`)) {
      reply.header('cache-control', 'no-cache');
      if (target !== join(base, 'index.html') || !answers) return reply.send(await readFile(target));
      return reply.send(withFirstViewAnswers(await readFile(target, 'utf8'), answers));
    }
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
    const gzipped = `${target}.gz`;
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && existsSync(gzipped))
      return reply.header('content-encoding', 'gzip').send(await readFile(gzipped));
    return reply.send(await readFile(target));
  });
}
