import { GRAINS, type Grain } from '@peacebell/model';

/**
 * The dashboard's whole state lives in the query string (`?page=country&country=MMR&grain=week`):
 * a reload or a shared link reproduces the view. `parseState` reads any query string, dropping
 * values that are not what their field expects; `formatState` writes the canonical form back.
 */
export const PAGES = ['world', 'country', 'pair', 'events', 'sources', 'alerts'] as const;
export type Page = (typeof PAGES)[number];

export interface WorldState {
  page: 'world';
  /** The day shown (UTC); absent: the last day with data. */
  date?: string;
  /** The indicator the map is coloured by (an id of GET /indicators); absent: hotspot level. */
  colour?: string;
  /** The window of the indicator, in days to the date shown; absent: 7. */
  days?: '28';
}
export interface CountryState {
  page: 'country';
  country: string;
  from?: string;
  to?: string;
  grain?: Grain;
  /** The day whose hotspot is explained (UTC). */
  date?: string;
}
export interface PairState {
  page: 'pair';
  a: string;
  b: string;
  from?: string;
  to?: string;
  grain?: Grain;
  /** A day in the period whose events are listed (default: the last period). */
  point?: string;
}
export interface EventsState {
  page: 'events';
  country?: string;
  /** First-level region of the action location, as the source codes it. */
  adm1?: string;
  from?: string;
  to?: string;
  /** CAMEO actor code or prefix, either actor. */
  actor?: string;
  /** CAMEO root codes, comma-separated. */
  root?: string;
  /** CAMEO event codes, comma-separated. */
  code?: string;
  /** Quad classes 1..4, comma-separated. */
  quad?: string;
  /** Sources, comma-separated. */
  source?: string;
  cursor?: string;
}
export interface SourcesState {
  page: 'sources';
}
export interface AlertsState {
  page: 'alerts';
}
export type State = WorldState | CountryState | PairState | EventsState | SourcesState | AlertsState;

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isIso3 = (v: string) => /^[A-Z]{3}$/.test(v);
const isCursor = (v: string) => /^[A-Za-z0-9_-]{1,400}$/.test(v);
const isIndicatorId = (v: string) => /^[a-z][a-z0-9_]{0,79}$/.test(v);
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const isAdm1 = (v: string) => /^[^\u0000-\u001f]{1,200}$/.test(v);
const isActor = (v: string) => /^[A-Za-z0-9]{1,30}$/.test(v);
const isList = (item: RegExp) => (v: string) =>
  v.length <= 200 && v.split(',').every((x) => item.test(x.trim()));
const isRoots = isList(/^\d{1,2}$/);
const isCodes = isList(/^\d{2,4}$/);
const isQuads = isList(/^[1-4]$/);
const isSources = isList(/^[a-z][a-z0-9_]{0,30}$/);
const isGrain = (v: string): v is Grain => (GRAINS as readonly string[]).includes(v);

/** Reads one parameter, kept only if it passes `ok` (after trimming; ISO3 codes upper-cased). */
function reader(params: URLSearchParams) {
  const get = (name: string, ok: (v: string) => boolean, upper = false): string | undefined => {
    const raw = params.get(name)?.trim();
    const v = upper ? raw?.toUpperCase() : raw;
    return v !== undefined && ok(v) ? v : undefined;
  };
  return {
    day: (name: string) => get(name, isDay),
    iso3: (name: string) => get(name, isIso3, true),
    grain: (name: string) => {
      const v = get(name, isGrain);
      return v === undefined ? undefined : (v as Grain);
    },
    cursor: (name: string) => get(name, isCursor),
    text: (name: string, ok: (v: string) => boolean) => get(name, ok),
  };
}

/** Drops undefined fields so that parsed states compare equal to hand-written ones. */
function compact<T extends object>(state: T): T {
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as T;
}

export function parseState(search: string): State {
  const params = new URLSearchParams(search);
  const read = reader(params);
  const page = params.get('page') ?? 'world';
  if (page === 'country') {
    const country = read.iso3('country');
    if (country) {
      return compact<CountryState>({
        page,
        country,
        from: read.day('from'),
        to: read.day('to'),
        grain: read.grain('grain'),
        date: read.day('date'),
      });
    }
  }
  if (page === 'pair') {
    const a = read.iso3('a');
    const b = read.iso3('b');
    if (a && b) {
      return compact<PairState>({
        page,
        a,
        b,
        from: read.day('from'),
        to: read.day('to'),
        grain: read.grain('grain'),
        point: read.day('point'),
      });
    }
  }
  if (page === 'events') {
    return compact<EventsState>({
      page,
      country: read.iso3('country'),
      adm1: read.text('adm1', isAdm1),
      from: read.day('from'),
      to: read.day('to'),
      actor: read.text('actor', isActor)?.toUpperCase(),
      root: read.text('root', isRoots),
      code: read.text('code', isCodes),
      quad: read.text('quad', isQuads),
      source: read.text('source', isSources),
      cursor: read.cursor('cursor'),
    });
  }
  if (page === 'sources') return { page };
  if (page === 'alerts') return { page };
  return compact<WorldState>({
    page: 'world',
    date: read.day('date'),
    colour: read.text('colour', isIndicatorId),
    days: read.text('days', (v) => v === '28') === undefined ? undefined : '28',
  });
}

/** The query string for a state, `page` first, then its fields in declaration order. */
export function formatState(state: State): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  return `?${params.toString()}`;
}

/** A link's href for a state. */
export const hrefOf = (state: State): string => formatState(state);
