import { SIGNATURE_HEADER, sign } from './sign.ts';

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** One POST of a packet; any 2xx is delivered, anything else (or no answer in time) is an error. */
export async function postWebhook(
  url: string,
  body: string,
  secret: string,
  alertId: string,
  attempt: number,
  at: Date,
  timeoutMs: number,
): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'peacebell-webhook/1',
        [SIGNATURE_HEADER]: sign(secret, body, at),
        'peacebell-alert-id': alertId,
        'peacebell-attempt': String(attempt),
      },
    });
    await response.body?.cancel();
    return response.ok
      ? { ok: true, status: response.status, error: null }
      : { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const e = error as Error;
    const reason =
      e.name === 'TimeoutError'
        ? `no answer in ${timeoutMs} ms`
        : ((e.cause as Error | undefined)?.message ?? e.message);
    return { ok: false, status: null, error: reason };
  }
}
