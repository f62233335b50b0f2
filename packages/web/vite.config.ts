import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { preloadFirstView } from './build/preload-first-view.ts';
import { worldShapes } from './build/world-shapes.ts';

// The dashboard is served by `peacebell serve` from dist/ at `/`. In development (`vite`) and
// preview, /api goes to a local server: http://127.0.0.1:8080 unless PEACEBELL_API says otherwise.
export default defineConfig(({ mode }) => {
  const api = loadEnv(mode, '.', 'PEACEBELL_')['PEACEBELL_API'] ?? 'http://127.0.0.1:8080';
  const proxy = { '/api': { target: api } };
  return {
    plugins: [preloadFirstView(), worldShapes(), react()],
    server: { proxy },
    preview: { proxy },
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  };
});
