import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as payment webhooks do. */
export const SIGNATURE_HEADER = 'peacebell-signature';

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64url')}`;

export function sign(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * What a receiver does: recompute the HMAC over the timestamp and the raw body, compare in
 * constant time, and refuse a timestamp older than `toleranceSeconds` (replayed requests).
 */
export function verify(
  secret: string,
  header: string | undefined,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
