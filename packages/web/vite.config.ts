import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { precompress } from './build/precompress.ts';
import { preloadFirstView } from './build/preload-first-view.ts';
import { worldShapes } from './build/world-shapes.ts';

const VENDOR = /node_modules\/(react|react-dom|scheduler|zod)\/|packages\/model\//;

// The dashboard is served by `peacebell serve` from dist/ at `/`. In development (`vite`) and
// preview, /api goes to a local server: http://127.0.0.1:8080 unless PEACEBELL_API says otherwise.
export default defineConfig(({ mode }) => {
  const api = loadEnv(mode, '.', 'PEACEBELL_')['PEACEBELL_API'] ?? 'http://127.0.0.1:8080';
  const proxy = { '/api': { target: api } };
  return {
    plugins: [preloadFirstView(), worldShapes(), react(), precompress()],
    server: { proxy },
    preview: { proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // React, zod and the model in one chunk beside the app's: two scripts that download and
      // compile in parallel, instead of small shared chunks split off by the pages' maps
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: VENDOR }] } } },
    },
  };
});
