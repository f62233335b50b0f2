import { readFileSync } from 'node:fs';
import { transformWithOxc, type Plugin } from 'vite';

/**
 * Makes the first view start sooner: inlines src/preload-urls.ts in index.html's head with the
 * lines that start its requests, so the API answers are on their way while the main script loads
 * and runs (api.ts takes them from `__peacebellPreload`). Answers `serve` inlined before this
 * script (head-answers.ts) need no request.
 */
export function preloadFirstView(): Plugin {
  const file = new URL('../src/preload-urls.ts', import.meta.url);
  return {
    name: 'peacebell-preload-first-view',
    async transformIndexHtml() {
      const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file.pathname, { lang: 'ts' });
      const start =
        "const inlined = new Set([...document.querySelectorAll('script[data-answer]')].map((s) => s.dataset.answer));" +
        ' globalThis.__peacebellPreload = new Map(preloadUrls(location.search).filter((url) => !inlined.has(url)).map((url) => {' +
        " const answer = fetch(url, { headers: { accept: 'application/json' } });" +
        ' answer.catch(() => undefined); return [url, answer]; }));';
      const body = code.replace(/\/\*\*[\s\S]*?\*\/\n/g, '').replace(/^export /gm, '');
      const children = `(() => {\n${body}\n${start}\n})();`;
      // first in the head: a script after a stylesheet waits for it (the server says the charset)
      return [{ tag: 'script', children, injectTo: 'head-prepend' }];
    },
  };
}
