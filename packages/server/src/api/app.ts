import compress from '@fastify/compress';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Store } from '../store/store.ts';
import { registerAuth } from './auth.ts';
import { DEFAULT_CACHE, registerCache, type CacheOptions } from './cache.ts';
import type { AlertService } from '../alerts/service.ts';
import { generationCounter, type ApiDeps, type RouteModule } from './deps.ts';
import { registerErrorHandlers } from './errors.ts';
import { ROUTES } from './routes/index.ts';
import { defaultWebRoot, registerWeb } from './web.ts';

export const API_PREFIX = '/api/v1';

export interface AppOptions {
  /** Read handle: the composition root passes `await writer.reader()`. */
  store: Store;
  /** Write handle for POST /imports; without it that route answers 501. */
  writer?: Store;
  /** How POST /imports imports a file into `writer` (default ingest's importFile). */
  importer?: ApiDeps['importer'];
  clock: () => Date;
  version: string;
  /** The data generation and its bump; default a counter of this app's own. */
  generation?: Pick<ApiDeps, 'generation' | 'onImported'>;
  rebuild?: () => Promise<unknown>;
  /** A key from settings (PEACEBELL_API_KEY), accepted besides the stored ones. */
  apiKey?: string;
  /** Origins allowed to call the API from a browser; none (no CORS headers) by default. */
  cors?: readonly string[];
  /** Requests per client address and window; false (the default) for no limit. */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Fastify's request log: false (tests), true, or Fastify's logger options. */
  logger?: FastifyServerOptions['logger'];
  cache?: Partial<CacheOptions>;
  /** Route modules besides (after) the built-in ones. */
  routes?: readonly RouteModule[];
  /** The built dashboard to serve at `/` (default packages/web/dist when built; false for none). */
  web?: string | false;
  /** The bell (rules, alerts, deliveries, the stream); without it alert writes answer 501. */
  alerts?: AlertService;
}

/** The HTTP API as a Fastify instance, ready to `inject` or `listen`; everything under /api/v1. */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const deps: ApiDeps = {
    store: o.store,
    ...(o.writer ? { writer: o.writer } : {}),
    ...(o.importer ? { importer: o.importer } : {}),
    clock: o.clock,
    version: o.version,
    ...(o.generation ?? generationCounter()),
    ...(o.rebuild ? { rebuild: o.rebuild } : {}),
    ...(o.alerts ? { alerts: o.alerts } : {}),
    startedAt: o.clock(),
  };
  const app = Fastify({
    logger: o.logger ?? false,
    bodyLimit: 1_000_000,
    routerOptions: { maxParamLength: 500 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandlers(app);

  if (o.rateLimit) {
    await app.register(rateLimit, {
      max: o.rateLimit.max,
      timeWindow: o.rateLimit.windowMs,
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        error: 'too_many_requests',
        message: `more than ${ctx.max} requests in ${ctx.after}; try again later`,
      }),
    });
  }
  if (o.cors?.length) await app.register(cors, { origin: [...o.cors], methods: ['GET', 'HEAD', 'POST'] });
  await app.register(compress, { threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'peacebell',
        version: o.version,
        description:
          'Early warning of conflict and cooperation: canonical events, indicators, relations between countries, hotspots.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const answers = registerCache(app, deps, { ...DEFAULT_CACHE, ...o.cache });
  registerAuth(app, deps, o.apiKey);
  await app.register(
    async (api) => {
      const zodApi = api.withTypeProvider<ZodTypeProvider>();
      for (const routes of [...ROUTES, ...(o.routes ?? [])]) routes(zodApi, deps);
    },
    { prefix: API_PREFIX },
  );
  const web = o.web === undefined ? defaultWebRoot() : o.web || undefined;
  if (web) registerWeb(app, web, answers);
  return app;
}
