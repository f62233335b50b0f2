import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|svg|json)$/;

/**
 * Writes `<file>.gz` beside each script, stylesheet and data file of the build (index.html is
 * made per request: `serve` inlines answers in it). `serve` sends them to browsers that accept
 * gzip, so no request waits for compression: gzipping the main script took ~50 ms of the
 * server's time on every first view. Done once written, as Vite still edits chunks before.
 */
export function precompress(): Plugin {
  return {
    name: 'peacebell-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const name of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const source = readFileSync(join(dir, name));
        if (source.length >= 1024) writeFileSync(join(dir, `${name}.gz`), gzipSync(source, { level: 9 }));
      }
    },
  };
}
