/**
 * The first view's answers index.html brings, each taken once by `api.ts`: those `serve` inlined
 * (computed ahead for the data it holds now, as `<script type="application/json" data-answer=URL>`),
 * and the requests its head script started for the others (preload-urls.ts).
 */
declare global {
  /** Requests index.html's head started before the main script ran, by URL. */
  var __peacebellPreload: Map<string, Promise<Response>> | undefined;
}

/** The inlined answer to `url` as its JSON text, once; undefined when the page has none. */
export function takeInlined(url: string): string | undefined {
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[data-answer]')) {
    if (script.dataset['answer'] !== url) continue;
    script.remove();
    return script.textContent ?? undefined;
  }
  return undefined;
}

/** The request the head started for `url`, once; later asks go to the network. */
export function takePreloaded(url: string): Promise<Response> | undefined {
  const response = globalThis.__peacebellPreload?.get(url);
  globalThis.__peacebellPreload?.delete(url);
  return response;
}
