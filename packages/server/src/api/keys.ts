import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

/** API keys: only their SHA-256 is stored; the key itself is shown once, when it is made. */

export interface ApiKeyInfo {
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export const sha256 = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** Makes a key called `name`; returns the key (to show once). A name in use is refused (false). */
export async function createApiKey(store: Store, name: string, now: Date): Promise<string | undefined> {
  const key = `pb_${randomBytes(24).toString('base64url')}`;
  const [taken] = await store.query(sql`SELECT 1 FROM api_keys WHERE name = ${name}`);
  if (taken) return undefined;
  await store.exec(
    sql`INSERT INTO api_keys VALUES (${name}, ${sha256(key)}, CAST(${now} AS TIMESTAMP), NULL)`,
  );
  return key;
}

export async function listApiKeys(store: Store): Promise<ApiKeyInfo[]> {
  const d = store.dialect;
  return store.query<ApiKeyInfo>(sql`
    SELECT name, ${d.formatDate(sql`created_at`, 'time')} AS created_at,
           ${d.formatDate(sql`revoked_at`, 'time')} AS revoked_at
    FROM api_keys ORDER BY name`);
}

/** Revokes the key called `name`; false if there is no such active key. */
export async function revokeApiKey(store: Store, name: string, now: Date): Promise<boolean> {
  const [active] = await store.query(sql`SELECT 1 FROM api_keys WHERE name = ${name} AND revoked_at IS NULL`);
  if (!active) return false;
  await store.exec(sql`UPDATE api_keys SET revoked_at = CAST(${now} AS TIMESTAMP) WHERE name = ${name}`);
  return true;
}

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * The name of the key `key` is (a stored, unrevoked one, or 'settings' for the configured one),
 * comparing hashes in constant time; undefined if it is none.
 */
export async function verifyApiKey(
  store: Store,
  key: string,
  configured?: string,
): Promise<string | undefined> {
  const hash = sha256(key);
  let found: string | undefined;
  if (configured !== undefined && sameHash(hash, sha256(configured))) found = 'settings';
  const rows = await store.query<{ name: string; key_sha256: string }>(
    sql`SELECT name, key_sha256 FROM api_keys WHERE revoked_at IS NULL`,
  );
  for (const row of rows) if (sameHash(hash, row.key_sha256)) found ??= row.name;
  return found;
}
