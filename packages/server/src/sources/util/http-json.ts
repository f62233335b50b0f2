/** JSON over HTTP for the sources' APIs: retries 429 (honouring Retry-After), 5xx and network errors. */
export interface HttpOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  retries?: number;
  backoffMs?: number;
  /** Longest wait for one response, default 60 s; a timeout is retried like a network error. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    body: string,
  ) {
    super(`${new URL(url).pathname}: HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'HttpStatusError';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds (or an HTTP date) of a Retry-After header, as milliseconds. */
function retryAfter(value: string | null, fallback: number): number {
  if (!value) return fallback;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? fallback : Math.max(0, at - Date.now());
}

export async function requestJson<T>(url: string, init: RequestInit, o: HttpOptions = {}): Promise<T> {
  const retries = o.retries ?? 4;
  const sleep = o.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    const backoff = (o.backoffMs ?? 1000) * 2 ** attempt;
    let response: Response;
    try {
      response = await (o.fetch ?? fetch)(url, {
        ...init,
        signal: AbortSignal.timeout(o.timeoutMs ?? 60_000),
      });
    } catch (error) {
      if (attempt >= retries) throw error;
      o.log?.(`${new URL(url).pathname}: ${(error as Error).message}; retry in ${backoff} ms`);
      await sleep(backoff);
      continue;
    }
    if (response.ok) return (await response.json()) as T;
    const body = await response.text().catch(() => '');
    const transient = response.status === 429 || response.status >= 500;
    if (!transient || attempt >= retries) throw new HttpStatusError(url, response.status, body);
    const wait = response.status === 429 ? retryAfter(response.headers.get('retry-after'), backoff) : backoff;
    o.log?.(`${new URL(url).pathname}: HTTP ${response.status}; retry in ${Math.round(wait)} ms`);
    await sleep(wait);
  }
}
