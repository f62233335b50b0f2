import { ApiError } from '@peacebell/model';
import type { z } from 'zod';
import { takeInlined, takePreloaded } from './head-answers.ts';

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

/** One URL's answer: the request, its body once it has come, and that body checked per schema. */
interface Entry {
  at: number;
  promise: Promise<unknown>;
  body?: { value: unknown };
  checked: WeakMap<z.ZodType, unknown>;
}
const cache = new Map<string, Entry>();

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

const fresh = (entry: Entry | undefined): entry is Entry => !!entry && Date.now() - entry.at <= TTL_MS;

/** The entry of `url` that needs no request: cached less than TTL_MS ago, or inlined in index.html. */
function entryAtHand(url: string): Entry | undefined {
  const cached = cache.get(url);
  if (fresh(cached)) return cached;
  const inlined = takeInlined(url);
  if (inlined === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(inlined);
  } catch {
    return undefined;
  }
  const entry: Entry = {
    at: Date.now(),
    promise: Promise.resolve(value),
    body: { value },
    checked: new WeakMap(),
  };
  cache.set(url, entry);
  return entry;
}

/** The entry of `url`, asking the server when none is at hand. */
function entryOf(url: string): Entry {
  const atHand = entryAtHand(url);
  if (atHand) return atHand;
  const entry: Entry = { at: Date.now(), promise: Promise.resolve(), checked: new WeakMap() };
  entry.promise = fetchJson(url).then((value) => {
    entry.body = { value };
    return value;
  });
  entry.promise.catch(() => cache.delete(url));
  cache.set(url, entry);
  return entry;
}

/** The body checked against `schema`, once per entry and schema: every panel gets the same object. */
function check<S extends z.ZodType>(url: string, entry: Entry, body: unknown, schema: S): z.output<S> {
  if (entry.checked.has(schema)) return entry.checked.get(schema) as z.output<S>;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape';
    throw new RequestError(`Unexpected answer from ${url.split('?')[0]} (${where})`, null);
  }
  entry.checked.set(schema, parsed.data);
  return parsed.data;
}

/** GETs `url` (from `apiUrl`) and checks the answer against `schema`. */
export async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> {
  const entry = entryOf(url);
  return check(url, entry, await entry.promise, schema);
}

/**
 * The checked answer of `url` when it is already here (inlined in index.html, or fetched less than
 * the cache's lifetime ago), so a page can draw it in its first render; otherwise undefined.
 */
export function answerNow<S extends z.ZodType>(url: string, schema: S): z.output<S> | undefined {
  const entry = entryAtHand(url);
  if (!entry?.body) return undefined;
  try {
    return check(url, entry, entry.body.value, schema);
  } catch {
    return undefined;
  }
}

/** Forgets cached answers (after an import, or in tests). */
export function clearApiCache(): void {
  cache.clear();
}
