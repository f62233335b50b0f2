import { ApiError, Rejects, RejectsQuery, SyncErrors, SyncErrorsQuery } from '@peacebell/model';
import { listRejects, syncErrors } from '../../analytics/rejects.ts';
import type { RouteModule } from '../deps.ts';

/** What did not get in: rows set aside at import, and GDELT files that failed or are missing. */
export const rejectRoutes: RouteModule = (app, deps) => {
  app.get(
    '/rejects',
    {
      schema: {
        summary: 'Rows set aside at import: file, line, field, reason and the line as read',
        tags: ['status'],
        querystring: RejectsQuery,
        response: { 200: Rejects, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => ({ rejects: await listRejects(deps.store, req.query.file, req.query.limit) }),
  );
  app.get(
    '/sync/errors',
    {
      schema: {
        summary: 'GDELT files that failed or are missing upstream, with their last error and next attempt',
        tags: ['status'],
        querystring: SyncErrorsQuery,
        response: { 200: SyncErrors, 400: ApiError },
      },
      config: { cache: 'content' },
    },
    async (req) => ({ files: await syncErrors(deps.store, req.query.limit) }),
  );
};
