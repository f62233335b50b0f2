import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AlertService } from '../alerts/service.ts';
import type { FileSummary, ImportOptions } from '../ingest/import-file.ts';
import type { Store } from '../store/store.ts';

/** The Fastify instance route modules get: zod schemas type the handlers' params, query and replies. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Everything route handlers touch outside themselves, passed in by the composition root. */
export interface ApiDeps {
  /** Read handle (the composition root passes `await writer.reader()`). */
  store: Store;
  /** Write handle for admin imports; absent, POST /imports answers 501. */
  writer?: Store;
  /** Imports one file into the writer: the engine's way, chosen by the composition root. */
  importer?: (store: Store, file: string, options: ImportOptions) => Promise<FileSummary>;
  clock: () => Date;
  /** peacebell's version, shown by /health and the OpenAPI document. */
  version: string;
  /** The data generation: part of every ETag and cache key; bumped by `onImported`. */
  generation(): number;
  /** Call after every import commit (API imports call it themselves). */
  onImported(): void;
  /** Rebuilds derived tables (rollups); absent, POST /rebuild answers 501. */
  rebuild?: () => Promise<unknown>;
  /** The bell: its own store connection, live checks and deliveries; absent, alert writes answer 501. */
  alerts?: AlertService;
  /** When the process started, for /health's uptime. */
  startedAt: Date;
}

/**
 * A group of routes, one module per resource (`api/routes/*.ts`), registered under `/api/v1`.
 * Set `config: { cache: 'generation' }` on a read route for ETag, Cache-Control and the response cache,
 * `config: { admin: true }` on a route that needs an API key.
 */
export type RouteModule = (app: ZodApp, deps: ApiDeps) => void;

/** A generation counter for `ApiDeps.generation` and `onImported`. */
export function generationCounter(start = 0): Pick<ApiDeps, 'generation' | 'onImported'> {
  let n = start;
  return {
    generation: () => n,
    onImported: () => {
      n++;
    },
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'generation': ETag from the data generation and the URL, Cache-Control and the in-process
     * response cache; 'content': ETag from the body, for answers that change without an import.
     */
    cache?: 'generation' | 'content';
    /** Needs an API key (Authorization: Bearer KEY or X-API-Key). */
    admin?: boolean;
  }
}
