import { ApiError } from '@peacebell/model';
import type { z } from 'zod';

/**
 * The dashboard's one way to the server: GET a named `/api/v1` endpoint, check the answer against
 * the model's response schema, and share it. Answers are cached for a short while per URL (the
 * server says max-age=15) and requests in flight are shared, so two panels asking the same thing
 * cost one request.
 */
export const API = '/api/v1';

/** A failed request, with the message to show in the panel that made it. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

type Params = Record<string, string | number | undefined | null>;

/** `/api/v1/path?k=v` with the parameters that have a value, in the order given. */
export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const qs = query.toString();
  return `${API}${path}${qs ? `?${qs}` : ''}`;
}

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; promise: Promise<unknown> }>();

declare global {
  /** Requests index.html's head started before this script ran (preload-urls.ts), by URL. */
  var __peacebellPreload: Map<string, Promise<Response>> | undefined;
}

/** The answer index.html already asked for, once; later asks go to the network. */
function takePreloaded(url: string): Promise<Response> | undefined {
  const response = globalThis.__peacebellPreload?.get(url);
  globalThis.__peacebellPreload?.delete(url);
  return response;
}

async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await (takePreloaded(url) ?? fetch(url, { headers: { accept: 'application/json' } }));
  } catch {
    throw new RequestError('The server did not answer (is `peacebell serve` running?)', null);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    const detail = error.success ? error.data.message : response.statusText;
    throw new RequestError(`${response.status}: ${detail}`, response.status);
  }
  if (body === undefined) throw new RequestError('The server answered with something that is not JSON', null);
  return body;
}

/** GETs `url` (from `apiUrl`) and checks the answer against `schema`. */
export async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> {
  const now = Date.now();
  let entry = cache.get(url);
  if (!entry || now - entry.at > TTL_MS) {
    entry = { at: now, promise: fetchJson(url) };
    cache.set(url, entry);
    entry.promise.catch(() => cache.delete(url));
  }
  const body = await entry.promise;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape';
    throw new RequestError(`Unexpected answer from ${url.split('?')[0]} (${where})`, null);
  }
  return parsed.data;
}

/** Forgets cached answers (after an import, or in tests). */
export function clearApiCache(): void {
  cache.clear();
}
