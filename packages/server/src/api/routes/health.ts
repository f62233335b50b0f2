import { ApiError, Health } from '@peacebell/model';
import { schemaVersion } from '../../analytics/sources.ts';
import type { RouteModule } from '../deps.ts';

/** `GET /health`: alive, which version, which store and schema, since when, which data generation. */
export const healthRoutes: RouteModule = (app, deps) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness: version, store, schema version, uptime and data generation',
        tags: ['status'],
        response: { 200: Health, 500: ApiError },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        status: 'ok' as const,
        version: deps.version,
        store: deps.store.location,
        schema_version: await schemaVersion(deps.store),
        uptime_seconds: Math.max(0, (deps.clock().getTime() - deps.startedAt.getTime()) / 1000),
        generation: deps.generation(),
      };
    },
  );
};
