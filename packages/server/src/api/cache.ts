import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from './deps.ts';

export interface CacheOptions {
  /** Cache-Control max-age of read endpoints, seconds. */
  maxAgeSeconds: number;
  /** Responses the in-process cache keeps (0 turns it off). */
  entries: number;
  /** A response larger than this is not kept. */
  maxEntryBytes: number;
}

export const DEFAULT_CACHE: CacheOptions = { maxAgeSeconds: 15, entries: 500, maxEntryBytes: 2_000_000 };

interface Entry {
  type: string;
  body: string;
  /** The body gzipped, made at the first hit that accepts gzip. */
  gzip?: Buffer;
}

/** A small LRU of serialized JSON responses of one data generation; a new generation empties it. */
class ResponseCache {
  private generation = -1;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly max: number) {}

  get(generation: number, url: string): Entry | undefined {
    if (generation !== this.generation) return undefined;
    const entry = this.entries.get(url);
    if (entry) {
      this.entries.delete(url);
      this.entries.set(url, entry);
    }
    return entry;
  }

  set(generation: number, url: string, entry: Entry): void {
    if (this.max <= 0) return;
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    this.entries.delete(url);
    this.entries.set(url, entry);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

const digest = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 16);

/** True when If-None-Match names this (weak) ETag, or is `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** The JSON bodies the response cache holds for the current data generation. */
export interface CachedAnswers {
  /** The body `GET url` would be answered with from the cache now; undefined when not cached. */
  json(url: string): string | undefined;
}

/**
 * Caching of read routes, chosen per route by `config.cache`:
 * - 'generation': the ETag is the data generation and the URL, so If-None-Match is answered
 *   (304) before the handler runs; JSON bodies are kept in an in-process LRU for the generation.
 * - 'content': the ETag is a hash of the body (for answers that change without an import).
 */
export function registerCache(app: FastifyInstance, deps: ApiDeps, o: CacheOptions): CachedAnswers {
  const instance = randomBytes(4).toString('hex');
  const lru = new ResponseCache(o.entries);
  const pending = new WeakMap<FastifyRequest, number>();

  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config.cache !== 'generation' || (req.method !== 'GET' && req.method !== 'HEAD'))
      return;
    const generation = deps.generation();
    const etag = `W/"${instance}.${generation}.${digest(req.url)}"`;
    reply.header('etag', etag).header('cache-control', `public, max-age=${o.maxAgeSeconds}`);
    if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send();
    const hit = lru.get(generation, req.url);
    if (hit) {
      reply.header('content-type', hit.type).header('x-cache', 'hit').header('vary', 'accept-encoding');
      if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') || hit.body.length < 1024)
        return reply.send(hit.body);
      hit.gzip ??= gzipSync(hit.body);
      return reply.header('content-encoding', 'gzip').send(hit.gzip);
    }
    pending.set(req, generation);
    return undefined;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const mode = req.routeOptions.config.cache;
    if (!mode || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (mode === 'content') {
      const etag = `W/"${digest(payload)}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matches(req.headers['if-none-match'], etag)) {
        reply.code(304);
        return '';
      }
      return payload;
    }
    const generation = pending.get(req);
    const type = String(reply.getHeader('content-type') ?? '');
    if (
      generation !== undefined &&
      type.startsWith('application/json') &&
      payload.length <= o.maxEntryBytes
    ) {
      lru.set(generation, req.url, { type, body: payload });
    }
    return payload;
  });
  return {
    json: (url) => {
      const hit = lru.get(deps.generation(), url);
      return hit?.type.startsWith('application/json') ? hit.body : undefined;
    },
  };
}
