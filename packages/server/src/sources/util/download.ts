import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';

/** missing = 404/410 upstream; mismatch = size/md5 wrong after all retries; failed = other. */
export type DownloadFailure = 'missing' | 'mismatch' | 'failed';

export class DownloadError extends Error {
  constructor(
    readonly url: string,
    readonly kind: DownloadFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Longest wait for the response headers or for any next chunk of the body (a stall), default 60_000. */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4) for timeouts, resets, 5xx, 408, 429 and size/md5 mismatches. */
  retries?: number;
  /** Base of the exponential backoff with jitter, default 1000. */
  backoffMs?: number;
  log?: (message: string) => void;
  /** Stops at once: the reason is thrown as is, the temp file removed. */
  signal?: AbortSignal;
}

export interface Downloaded {
  path: string;
  bytes: number;
  md5: string;
  ms: number;
  /** 0 when the target was already there and verified. */
  attempts: number;
}

export interface Expected {
  size?: number;
  md5?: string;
}

/** One attempt's failure; `retry` says whether another attempt may help. */
class AttemptError extends Error {
  constructor(
    readonly kind: DownloadFailure,
    message: string,
    readonly retry: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
const nameOf = (url: string) =>
  url
    .replace(/[?#].*$/, '')
    .split('/')
    .pop() || url;
const describe = (error: unknown) => {
  const e = error as Error & { cause?: { message?: string; code?: string } };
  return [e.message, e.cause?.message || e.cause?.code].filter(Boolean).join(': ');
};

/**
 * Fetches url and returns its body as chunks; the attempt fails when the headers, or any next
 * chunk, take longer than timeoutMs (racing the wait, so a fetch that ignores its signal cannot hang us).
 */
async function request(url: string, o: DownloadOptions): Promise<AsyncGenerator<Uint8Array>> {
  const timeoutMs = o.timeoutMs ?? 60_000;
  const controller = new AbortController();
  const signal = o.signal ? AbortSignal.any([controller.signal, o.signal]) : controller.signal;
  const guard = <T>(work: Promise<T>, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        controller.abort();
        reject(new AttemptError('failed', `timeout: no ${what} in ${timeoutMs} ms`, true));
      }, timeoutMs);
      work
        .then(resolve, (error: unknown) =>
          reject(o.signal?.aborted ? o.signal.reason : new AttemptError('failed', describe(error), true)),
        )
        .finally(() => clearTimeout(timer));
    });
  const response = await guard((o.fetch ?? fetch)(url, { signal }), 'response');
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const { status } = response;
    const retry = status >= 500 || status === 408 || status === 429;
    const kind = status === 404 || status === 410 ? 'missing' : 'failed';
    throw new AttemptError(kind, `HTTP ${status}`, retry, status);
  }
  const reader = response.body?.getReader();
  return (async function* () {
    let done = !reader;
    try {
      while (reader && !done) {
        const next = await guard(reader.read(), 'data');
        done = next.done;
        if (next.value) yield next.value;
      }
    } finally {
      if (!done) controller.abort();
    }
  })();
}

async function withRetries<T>(label: string, url: string, o: DownloadOptions, work: () => Promise<T>) {
  const retries = o.retries ?? 4;
  const backoffMs = o.backoffMs ?? 1000;
  const sleep = o.sleep ?? ((ms: number) => wait(ms, undefined, { signal: o.signal }));
  for (let n = 1; ; n++) {
    o.signal?.throwIfAborted();
    try {
      return { value: await work(), attempts: n };
    } catch (error) {
      if (!(error instanceof AttemptError)) throw error;
      if (!error.retry || n > retries) {
        const after = n > 1 ? ` (after ${n} attempts)` : '';
        o.log?.(`${label} ${error.kind}${after}: ${error.message}`);
        throw new DownloadError(url, error.kind, `${error.message}${after}`, error.status);
      }
      const delay = Math.round(Math.min(backoffMs * 2 ** (n - 1), 60_000) * (0.5 + Math.random() / 2));
      o.log?.(`${label} retry ${n}/${retries} in ${delay} ms after ${error.message}`);
      await sleep(delay);
    }
  }
}

async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A target already in place counts only when its md5 (and size, when given) match. */
async function verified(target: string, expected: Expected) {
  if (!expected.md5) return undefined;
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile() || (expected.size !== undefined && info.size !== expected.size)) return undefined;
  const md5 = await md5OfFile(target);
  return md5 === expected.md5.toLowerCase() ? { bytes: info.size, md5 } : undefined;
}

/** One attempt: streams the body to `temp`, hashing on the way, and checks it against `expected`. */
async function attempt(url: string, temp: string, expected: Expected, o: DownloadOptions) {
  const hash = createHash('md5');
  let bytes = 0;
  const handle = await open(temp, 'w');
  try {
    for await (const chunk of await request(url, o)) {
      bytes += chunk.length;
      if (expected.size !== undefined && bytes > expected.size) {
        throw new AttemptError('mismatch', `more than the ${expected.size} bytes listed`, true);
      }
      hash.update(chunk);
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
  const md5 = hash.digest('hex');
  if (expected.size !== undefined && bytes !== expected.size) {
    throw new AttemptError('mismatch', `${bytes} bytes, expected ${expected.size} (truncated)`, true);
  }
  if (expected.md5 !== undefined && md5 !== expected.md5.toLowerCase()) {
    throw new AttemptError('mismatch', `md5 ${md5}, expected ${expected.md5.toLowerCase()}`, true);
  }
  return { bytes, md5 };
}

async function run(url: string, target: string, expected: Expected, o: DownloadOptions): Promise<Downloaded> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  const name = basename(target);
  const present = await verified(target, expected);
  if (present) {
    o.log?.(`${name} ${kb(present.bytes)} fresh, not fetched`);
    return { path: target, ...present, ms: ms(), attempts: 0 };
  }
  await mkdir(dirname(target), { recursive: true });
  const { value, attempts } = await withRetries(name, url, o, async () => {
    const temp = join(dirname(target), `.${name}.${randomBytes(4).toString('hex')}.part`);
    try {
      const got = await attempt(url, temp, expected, o);
      await rename(temp, target);
      return got;
    } finally {
      await rm(temp, { force: true });
    }
  });
  o.log?.(`${name} ${kb(value.bytes)} in ${ms()} ms${attempts > 1 ? ` (attempt ${attempts})` : ''}`);
  return { path: target, ...value, ms: ms(), attempts };
}

const inFlight = new Map<string, Promise<Downloaded>>();

/**
 * Downloads url to target atomically (temp file `.NAME.RANDOM.part` in the same folder + rename),
 * verifying the expected size and md5 when given; concurrent calls for the same target share one
 * in-flight promise; an existing target whose md5 (and size) already match is returned without a
 * request. A 404/410 throws DownloadError 'missing' at once: the caller decides when to look again.
 */
export function download(
  url: string,
  target: string,
  expected: Expected,
  options: DownloadOptions = {},
): Promise<Downloaded> {
  const key = resolve(target);
  const running = inFlight.get(key);
  if (running) return running;
  const promise = run(url, target, expected, options).finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

/** Fetches a small text resource (lastupdate.txt) with the same timeout/retry policy. */
export async function fetchText(url: string, options: DownloadOptions = {}): Promise<string> {
  const t0 = performance.now();
  const { value } = await withRetries(nameOf(url), url, options, async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of await request(url, options)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  });
  options.log?.(`${nameOf(url)} ${kb(Buffer.byteLength(value))} in ${Math.round(performance.now() - t0)} ms`);
  return value;
}

/**
 * Streams a large text resource (masterfilelist.txt) for readFileList. Getting the response is
 * retried; a failure mid-body (reset, stall past timeoutMs) throws DownloadError 'failed' from
 * the iteration, since the caller has already consumed part of it. Breaking off the iteration
 * closes the connection.
 */
export async function fetchStream(
  url: string,
  options: DownloadOptions = {},
): Promise<AsyncIterable<Uint8Array>> {
  const { value: chunks } = await withRetries(nameOf(url), url, options, () => request(url, options));
  return (async function* () {
    try {
      yield* chunks;
    } catch (error) {
      if (!(error instanceof AttemptError)) throw error;
      options.log?.(`${nameOf(url)} failed mid-body: ${error.message}`);
      throw new DownloadError(url, error.kind, `${error.message} (mid-body)`, error.status);
    }
  })();
}
