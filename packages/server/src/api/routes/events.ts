import { z } from 'zod';
import {
  ApiError,
  CanonicalEvent,
  DEFAULT_EVENTS_PAGE,
  EVENT_FIELDS,
  EventParams,
  EventPoints,
  EventPointsQuery,
  EventsPage,
  EventsQuery,
} from '@peacebell/model';
import { eventById } from '../../analytics/event-by-id.ts';
import { eventPoints } from '../../analytics/event-points.ts';
import { eventsQuery, type EventFilter } from '../../analytics/events.ts';
import { HttpError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { RouteModule } from '../deps.ts';
import { EXPORT_TYPES, exportRows } from '../export.ts';

function toFilter(q: EventsQuery | EventPointsQuery): EventFilter {
  return {
    country: q.country,
    adm1: q.adm1,
    actor: q.actor,
    from: q.from,
    to: q.to,
    roots: q.root,
    codes: q.code,
    quads: q.quad,
    sources: q.source,
  };
}

/** `GET /events` (a page, or every match streamed as NDJSON or CSV) and `GET /events/{id}`. */
export const eventRoutes: RouteModule = (app, deps) => {
  app.get(
    '/events',
    {
      schema: {
        summary: 'Canonical events with the filters of `peacebell events`, oldest first',
        description:
          'format=json answers a page and a next_cursor; ndjson and csv stream every match (or `limit`) for bulk export.',
        tags: ['events'],
        querystring: EventsQuery,
        response: {
          200: {
            description: 'a page of events, or the export stream',
            content: {
              'application/json': { schema: EventsPage },
              'application/x-ndjson': { schema: CanonicalEvent.describe('one event a line') },
              'text/csv': { schema: z.string().describe('header: the canonical field names') },
            },
          },
          400: ApiError,
        },
      },
      config: { cache: 'generation' },
    },
    async (req, reply) => {
      const q = req.query;
      const filter: EventFilter = {
        ...toFilter(q),
        order: q.order,
        ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
      };
      if (q.format !== 'json') {
        const query = eventsQuery({ ...filter, ...(q.limit ? { limit: q.limit } : {}) }, deps.store.dialect);
        reply.header('content-type', EXPORT_TYPES[q.format]);
        if (q.format === 'csv') reply.header('content-disposition', 'attachment; filename="events.csv"');
        // A stream is sent as is: the response schemas describe it, they do not serialize it.
        return reply.send(exportRows(deps.store, query, EVENT_FIELDS, q.format) as unknown as string);
      }
      const limit = q.limit ?? DEFAULT_EVENTS_PAGE;
      const rows = await deps.store.query<CanonicalEvent>(
        eventsQuery({ ...filter, limit: limit + 1 }, deps.store.dialect),
      );
      const events = rows.slice(0, limit);
      const last = events[events.length - 1];
      return { events, next_cursor: rows.length > limit && last ? encodeCursor(last) : null };
    },
  );

  app.get(
    '/events/points',
    {
      schema: {
        summary: 'Where the events of a selection happened: places with their event counts, for a map',
        description:
          'The filters of GET /events; coordinates rounded to 0.01°; at most `limit` places, the busiest first.',
        tags: ['events'],
        querystring: EventPointsQuery,
        response: { 200: EventPoints, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => eventPoints(deps.store, toFilter(req.query), req.query.limit),
  );

  app.get(
    '/events/:id',
    {
      schema: {
        summary: 'One canonical event by its id (source:record id)',
        tags: ['events'],
        params: EventParams,
        response: { 200: CanonicalEvent, 400: ApiError, 404: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const event = await eventById(deps.store, req.params.id);
      if (!event) throw new HttpError(404, `no event ${req.params.id.slice(0, 300)}`, 'id');
      return event as CanonicalEvent;
    },
  );
};
