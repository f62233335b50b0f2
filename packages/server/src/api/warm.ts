import type { FastifyInstance } from 'fastify';

/**
 * The answers the dashboard's first view asks for (the world page for the last day with data:
 * the same URLs as `packages/web/src/preload-urls.ts`, a test holds them equal). Asked once when
 * the server starts and after each import, they wait in the response cache, so the analyst who
 * opens the dashboard does not wait for the hotspot scan: index.html brings them inlined
 * (first-view-html.ts), and the page draws them without a request.
 */
export const FIRST_VIEW_URLS = [
  '/api/v1/countries',
  '/api/v1/hotspots',
  '/api/v1/indicators',
  '/api/v1/health',
];

export interface Warmer {
  /** Fills the response cache for the first view; a call during a warm-up makes one more after it. */
  warm(): Promise<void>;
  /** Resolves when no warm-up runs (before the store closes). */
  idle(): Promise<void>;
}

export function firstViewWarmer(app: FastifyInstance, log: (line: string) => void): Warmer {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      for (const url of FIRST_VIEW_URLS) {
        const r = await app.inject({ method: 'GET', url });
        if (r.statusCode !== 200) log(`warming ${url}: HTTP ${r.statusCode}`);
      }
    } while (again);
  };
  return {
    warm: () => {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
    idle: async () => {
      await running?.catch(() => undefined);
    },
  };
}
