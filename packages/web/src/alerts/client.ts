import { ApiError, type AlertPacket } from '@peacebell/model';
import type { z } from 'zod';
import { API, RequestError } from '../api.ts';
import type { State } from '../url-state.ts';

/**
 * Alerts change between reads, so they skip the shared response cache; writes (rules, mute,
 * acknowledge) carry the API key the user pasted, kept in this browser only.
 */
const KEY = 'peacebell.apiKey';

export const apiKey = (): string => window.localStorage.getItem(KEY) ?? '';
export const setApiKey = (key: string): void => {
  if (key) window.localStorage.setItem(KEY, key);
  else window.localStorage.removeItem(KEY);
};

async function answer<S extends z.ZodType>(
  response: Response,
  schema: S | null,
): Promise<z.output<S> | null> {
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    throw new RequestError(
      error.success ? error.data.message : `${response.status} ${response.statusText}`,
      response.status,
    );
  }
  return schema ? schema.parse(body) : null;
}

export async function readFresh<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new RequestError('The server did not answer (is `peacebell serve` running?)', null);
  }
  return (await answer(response, schema)) as z.output<S>;
}

export async function write<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: S | null,
): Promise<z.output<S> | null> {
  const key = apiKey();
  if (!key)
    throw new RequestError(
      'Changing alerts needs an API key (peacebell apikey create NAME); paste it above.',
      401,
    );
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return answer(response, schema);
}

/** The dashboard view of an alert's place and day. */
export function viewOf(p: AlertPacket): State {
  const { country, partner } = p.where;
  if (country && partner) return { page: 'pair', a: country, b: partner, grain: 'day', point: p.day };
  if (country) return { page: 'country', country, date: p.day };
  return { page: 'world', date: p.day };
}
