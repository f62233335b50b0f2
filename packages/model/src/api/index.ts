export { ImportedFile, ImportRequest, ImportResult, RebuildResult } from './admin.ts';
export { ApiError } from './errors.ts';
export {
  DEFAULT_EVENT_POINTS,
  DEFAULT_EVENTS_PAGE,
  EVENT_FORMATS,
  EventParams,
  EventPoints,
  EventPointsQuery,
  EventsPage,
  EventsQuery,
  MAX_EVENT_POINTS,
  MAX_EVENTS_PAGE,
} from './events.ts';
export {
  ActorParam,
  CodesParam,
  CountryParam,
  DayParam,
  MAX_PARAM_LENGTH,
  QuadsParam,
  RootsParam,
  enumListParam,
  enumParam,
  intParam,
} from './params.ts';
export { Health, SourceStatus, SourcesStatus } from './status.ts';
