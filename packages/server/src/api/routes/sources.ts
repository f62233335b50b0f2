import { ApiError, SourcesStatus } from '@peacebell/model';
import { gdeltFeedHealth, sourceFreshness } from '../../analytics/sources.ts';
import type { RouteModule } from '../deps.ts';

/** `GET /sources`: freshness per source, and GDELT 2.0's completeness over the last 7 days. */
export const sourceRoutes: RouteModule = (app, deps) => {
  app.get(
    '/sources',
    {
      schema: {
        summary: 'Freshness per source; completeness of the GDELT 2.0 feed over the last 7 days',
        tags: ['status'],
        response: { 200: SourcesStatus, 500: ApiError },
      },
      config: { cache: 'content' },
    },
    async () => {
      const sources = await sourceFreshness(deps.store);
      const today = deps.clock().toISOString().slice(0, 10);
      return {
        sources: await Promise.all(
          sources.map(async (s) =>
            s.source === 'gdelt2' ? { ...s, gdelt: await gdeltFeedHealth(deps.store, today) } : s,
          ),
        ),
      };
    },
  );
};
