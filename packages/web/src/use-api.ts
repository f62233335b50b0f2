import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { answerNow, getJson } from './api.ts';

/** Where one request stands: loading, failed (with the message to show) or answered. */
export type Load<T> = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ok'; data: T };

const LOADING = { state: 'loading' } as const;

/**
 * The answer of `GET url`, checked against `schema`; `null` url: nothing to ask yet (stays
 * loading). An answer already at hand (inlined in index.html, or cached) shows in the first render;
 * a new url shows loading until its own answer arrives; late answers to an old url are dropped.
 */
export function useApi<S extends z.ZodType>(url: string | null, schema: S): Load<z.output<S>> {
  const [result, setResult] = useState<{ url: string; load: Load<z.output<S>> } | null>(() => {
    const data = url === null ? undefined : answerNow(url, schema);
    return url !== null && data !== undefined ? { url, load: { state: 'ok', data } } : null;
  });
  useEffect(() => {
    if (url === null) return;
    let live = true;
    getJson(url, schema).then(
      // the same object as the answer at hand: no second render
      (data) =>
        live &&
        setResult((r) =>
          r?.url === url && r.load.state === 'ok' && r.load.data === data
            ? r
            : { url, load: { state: 'ok', data } },
        ),
      (error: unknown) =>
        live &&
        setResult({
          url,
          load: { state: 'error', error: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      live = false;
    };
  }, [url, schema]);
  return result !== null && result.url === url ? result.load : LOADING;
}
