import { ApiError, PairPath, PairQuery, PairRelations } from '@peacebell/model';
import { pairRelations } from '../../analytics/relations.ts';
import { resolveWindow } from '../../analytics/window.ts';
import type { RouteModule } from '../deps.ts';

/** The relations index of a pair, both ways, with its tracks and top events. */
export const pairRoutes: RouteModule = (app, deps) => {
  app.get(
    '/pairs/:a/:b',
    {
      schema: {
        summary:
          'Relations between two countries both ways: the index per period with its band, tracks and top events',
        description: 'The formula is in docs/relations.md.',
        tags: ['relations'],
        params: PairPath,
        querystring: PairQuery,
        response: { 200: PairRelations, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const { a, b } = req.params;
      const q = req.query;
      const window = await resolveWindow(deps.store, deps.clock, q.grain, q.from, q.to);
      return pairRelations(
        deps.store,
        a,
        b,
        q.grain,
        { ...window, ...(q.source ? { sources: q.source } : {}) },
        q.events,
        q.events_period,
      );
    },
  );
};
