import { z } from 'zod';
import { CanonicalEvent, SOURCES } from '../event.ts';
import {
  ActorParam,
  CodesParam,
  CountryParam,
  DayParam,
  enumListParam,
  enumParam,
  intParam,
  MAX_PARAM_LENGTH,
  QuadsParam,
  RootsParam,
} from './params.ts';

export const EVENT_FORMATS = ['json', 'ndjson', 'csv'] as const;
/** A page of JSON holds at most this many events; ndjson and csv stream any number. */
export const MAX_EVENTS_PAGE = 10_000;
export const DEFAULT_EVENTS_PAGE = 100;

/** The filters every events endpoint shares (`GET /events`, `GET /events/points`). */
const eventFilters = {
  country: CountryParam.optional().describe('ISO3 code (or name) of the action location or either actor'),
  adm1: z
    .string()
    .min(1)
    .max(MAX_PARAM_LENGTH)
    .optional()
    .describe('first-level region of the action location, as the source codes it (NI05, Borno)'),
  actor: ActorParam.optional().describe('CAMEO actor code or prefix (KAZ, KAZGOV), either actor'),
  from: DayParam.optional().describe('first event day, YYYY-MM-DD (UTC)'),
  to: DayParam.optional().describe('last event day, YYYY-MM-DD (UTC), inclusive'),
  root: RootsParam.optional().describe('CAMEO root codes, comma-separated (14 protest, 18 assault)'),
  code: CodesParam.optional().describe('CAMEO event codes, comma-separated, with leading zeros'),
  quad: QuadsParam.optional().describe('quad classes 1-4, comma-separated'),
  source: enumListParam(SOURCES)
    .optional()
    .describe(`sources, comma-separated: ${SOURCES.join(', ')}`),
};

/** `GET /api/v1/events`: the filters of `peacebell events`, a cursor and a format. */
export const EventsQuery = z
  .strictObject({
    ...eventFilters,
    limit: intParam(1, 1_000_000_000)
      .optional()
      .describe(
        `at most N events: json pages default to ${DEFAULT_EVENTS_PAGE}, at most ${MAX_EVENTS_PAGE}; ndjson and csv stream every match unless given`,
      ),
    order: enumParam(['asc', 'desc'])
      .default('asc')
      .describe('asc: oldest first (default); desc: newest first (the cursor follows the order)'),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/, { error: 'must be a next_cursor value returned by this endpoint' })
      .optional()
      .describe('next_cursor of the previous page'),
    format: enumParam(EVENT_FORMATS).default('json').describe('json (a page), ndjson or csv (streamed)'),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${q.to})` });
    }
    if (q.format === 'json' && q.limit !== undefined && q.limit > MAX_EVENTS_PAGE) {
      ctx.addIssue({
        code: 'custom',
        path: ['limit'],
        message: `must be at most ${MAX_EVENTS_PAGE} with format=json (ndjson and csv stream any number)`,
      });
    }
  });
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventsPage = z.object({
  events: z.array(CanonicalEvent),
  next_cursor: z.string().nullable().describe('pass as cursor for the next page; null on the last page'),
});
export type EventsPage = z.infer<typeof EventsPage>;

export const EventParams = z.strictObject({
  id: z.string().min(1).max(300, { error: 'must be at most 300 characters' }).describe('source:record id'),
});

export const DEFAULT_EVENT_POINTS = 2_000;
export const MAX_EVENT_POINTS = 10_000;

/** `GET /api/v1/events/points`: where the events of a selection happened, for a map. */
export const EventPointsQuery = z
  .strictObject({
    ...eventFilters,
    limit: intParam(1, MAX_EVENT_POINTS)
      .default(DEFAULT_EVENT_POINTS)
      .describe(`at most N places, the busiest first (default ${DEFAULT_EVENT_POINTS})`),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${q.to})` });
    }
  });
export type EventPointsQuery = z.infer<typeof EventPointsQuery>;

export const EventPoints = z.object({
  points: z
    .array(
      z.object({
        lat: z.number(),
        lon: z.number(),
        events: z.number().describe('events of the selection at this place'),
      }),
    )
    .describe('places (coordinates rounded to 0.01°, about 1 km), the busiest first'),
  places: z.number().describe('distinct places in the selection (more than points when capped)'),
  events: z.number().describe('events of the selection'),
  located: z.number().describe('events of the selection that have coordinates'),
});
export type EventPoints = z.infer<typeof EventPoints>;
