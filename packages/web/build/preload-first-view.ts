import { readFileSync } from 'node:fs';
import { transformWithOxc, type Plugin, type Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;

/** The chunk of `module` (a dynamic import) and every chunk it imports, as /assets/... paths. */
function chunksOf(bundle: OutputBundle | undefined, module: string): string[] {
  const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk');
  const start = chunks.find((c) => c.facadeModuleId?.endsWith(module));
  const out = new Set<string>();
  const visit = (name: string) => {
    const chunk = chunks.find((c) => c.fileName === name);
    if (!chunk || out.has(name) || chunk.isEntry) return;
    out.add(name);
    chunk.imports.forEach(visit);
  };
  if (start) visit(start.fileName);
  return [...out].map((f) => `/${f}`);
}

/**
 * Makes the first view start sooner: inlines src/preload-urls.ts in index.html's head with the
 * lines that start its requests, so the API answers are on their way while the main script loads
 * and runs (api.ts takes them from `__peacebellPreload`); and preloads the world map's chunks
 * (the map, d3-geo, the atlas) beside the main script instead of after it has run.
 */
export function preloadFirstView(): Plugin {
  const file = new URL('../src/preload-urls.ts', import.meta.url);
  return {
    name: 'peacebell-preload-first-view',
    async transformIndexHtml(_html, ctx) {
      const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file.pathname, { lang: 'ts' });
      const start =
        'globalThis.__peacebellPreload = new Map(preloadUrls(location.search).map((url) => {' +
        " const answer = fetch(url, { headers: { accept: 'application/json' } });" +
        ' answer.catch(() => undefined); return [url, answer]; }));';
      const body = code.replace(/\/\*\*[\s\S]*?\*\/\n/g, '').replace(/^export /gm, '');
      const children = `(() => {\n${body}\n${start}\n})();`;
      const map = chunksOf(ctx.bundle, '/src/map/world-map.tsx').map((href) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: true, href },
        injectTo: 'head' as const,
      }));
      // first in the head: a script after a stylesheet waits for it (the server says the charset)
      return [{ tag: 'script', children, injectTo: 'head-prepend' }, ...map];
    },
  };
}
