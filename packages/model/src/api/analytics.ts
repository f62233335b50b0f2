import { z } from 'zod';
import { SOURCES } from '../event.ts';
import { INDICATOR_KINDS, INDICATOR_UNITS } from '../indicators/definition.ts';
import { GRAINS } from '../periods.ts';
import { CountryParam, DayParam, enumListParam, enumParam, intParam, MAX_PARAM_LENGTH } from './params.ts';

const window = {
  from: DayParam.optional().describe('first UTC day (default: 90 days, 52 weeks or 24 months before `to`)'),
  to: DayParam.optional().describe('last UTC day, inclusive (default: the last day with data)'),
  source: enumListParam(SOURCES)
    .optional()
    .describe(`only these sources, comma-separated: ${SOURCES.join(', ')}`),
};

export const CountryPath = z.strictObject({ country: CountryParam.describe('ISO3 code or country name') });
export const PairPath = z.strictObject({
  a: CountryParam.describe('the first country (ISO3)'),
  b: CountryParam.describe('the second country (ISO3)'),
});

/** `GET /countries/{country}/indicators` and `GET /pairs/{a}/{b}/indicators`. */
export const IndicatorsQuery = z.strictObject({
  grain: enumParam(GRAINS).default('week').describe('day, week (ISO, from Monday) or month'),
  ...window,
  indicators: z
    .string()
    .max(MAX_PARAM_LENGTH * 10)
    .optional()
    .describe(
      'indicator ids, comma-separated, or `all` (GET /indicators lists them); default a headline set',
    ),
  adm1: z
    .string()
    .min(1)
    .max(MAX_PARAM_LENGTH)
    .optional()
    .describe('a first-level region of the country (the source’s ADM1 code): the series for that region'),
});
export type IndicatorsQuery = z.infer<typeof IndicatorsQuery>;

export const IndicatorMeta = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  group: z.string(),
  definition: z
    .unknown()
    .describe('the declarative definition over the rollup measures (docs/indicators.md)'),
});

export const IndicatorCatalog = z.object({
  units: z.array(z.enum(INDICATOR_UNITS)),
  grains: z.array(z.enum(GRAINS)),
  indicators: z.array(IndicatorMeta),
});

export const IndicatorSeries = z.object({
  unit: z.enum(INDICATOR_UNITS),
  key: z.object({
    country: z.string().optional(),
    adm1: z.string().optional(),
    partner: z.string().optional(),
  }),
  grain: z.enum(GRAINS),
  from: z.string(),
  to: z.string(),
  indicators: z.array(IndicatorMeta),
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .describe('one row per period: `period` (its first day) and one value per indicator id'),
});

/** `GET /countries`. */
export const CountriesQuery = z.strictObject({
  date: DayParam.optional().describe('the last day of the week shown (default: the last day with data)'),
  source: window.source,
});

export const CountryStatus = z.object({
  country: z.string(),
  name: z.string().nullable(),
  events_7d: z.number(),
  baseline_7d: z.number().describe('mean events per 7 days over the 28 days before'),
  change: z.number().nullable().describe('events_7d / baseline_7d'),
  conflict_share_7d: z.number().nullable(),
  goldstein_7d: z.number().nullable(),
  fatalities_7d: z.number().describe('the largest of the sources’ best estimates (sources overlap)'),
  sources_7d: z.number(),
  last_day: z.string(),
});

export const CountriesStatus = z.object({ as_of: z.string().nullable(), countries: z.array(CountryStatus) });

const Score = {
  score: z.number().nullable().describe('(cooperation − conflict) / (cooperation + conflict), −1..1'),
  low: z.number().nullable().describe('95% band, lower end'),
  high: z.number().nullable().describe('95% band, upper end'),
  effective_events: z.number(),
  events: z.number(),
  reports: z.number().describe('events weighted by the number of sources reporting each'),
  tracks: z
    .record(z.string(), z.number())
    .describe('events per track: dialogue, agreements, aid, sanctions, threats, force'),
};
export const RelationTotal = z.object(Score);
export const RelationPoint = z.object({ period: z.string(), ...Score });

export const PairQuery = z.strictObject({
  grain: enumParam(GRAINS).default('month').describe('day, week or month'),
  ...window,
  events: intParam(0, 100).default(10).describe('top events to include (0..100)'),
  events_period: DayParam.optional().describe(
    'a day in the period whose top events to list (default: the last period of the window)',
  ),
});

export const PairRelations = z.object({
  a: z.string(),
  b: z.string(),
  grain: z.enum(GRAINS),
  from: z.string(),
  to: z.string(),
  directions: z
    .array(
      z.object({ from: z.string(), to: z.string(), total: RelationTotal, series: z.array(RelationPoint) }),
    )
    .describe('[a → b, b → a]: how each treats the other'),
  events_period: z.string().describe('first day of the period the top events are from'),
  top_events: z.array(
    z.object({
      id: z.string(),
      event_date: z.string(),
      from: z.string(),
      to: z.string(),
      actor1_name: z.string().nullable(),
      actor2_name: z.string().nullable(),
      event_code: z.string().nullable(),
      category: z.string(),
      goldstein: z.number().nullable(),
      num_sources: z.number().nullable(),
      action_geo_name: z.string().nullable(),
      source: z.string(),
      source_url: z.string().nullable(),
    }),
  ),
});

export const PartnersQuery = z.strictObject({
  ...window,
  limit: intParam(1, 300).default(20).describe('partners to list (1..300)'),
});

export const Partners = z.object({
  country: z.string(),
  from: z.string(),
  to: z.string(),
  partners: z.array(
    z.object({
      partner: z.string(),
      name: z.string().nullable(),
      events: z.number(),
      reports: z.number(),
      outgoing: RelationTotal.describe('how the country treats the partner'),
      incoming: RelationTotal.describe('how the partner treats the country'),
    }),
  ),
});

/** `GET /countries/{country}/regions`. */
export const RegionsQuery = z.strictObject(window);

export const Regions = z.object({
  country: z.string(),
  from: z.string(),
  to: z.string(),
  regions: z.array(
    z.object({
      adm1: z.string().describe('the region as the sources code it (GDELT: FIPS 10-4, e.g. NI05)'),
      name: z.string().describe('a readable name: for a GDELT code, the name GDELT’s place names give it'),
      events: z.number(),
      conflict_share: z.number().nullable(),
      fatalities: z.number().describe('the largest of the sources’ best estimates (sources overlap)'),
      sources: z.number(),
      lat: z.number().nullable().describe('latitude of the mean position of its events with coordinates'),
      lon: z.number().nullable().describe('longitude of that position (averaged on the circle)'),
    }),
  ),
});

export const IndicatorPath = z.strictObject({
  id: z.string().max(MAX_PARAM_LENGTH).describe('an indicator id (GET /indicators)'),
});

/** `GET /indicators/{id}/countries`: one indicator for every country, for a map. */
export const IndicatorMapQuery = z.strictObject(window);

export const IndicatorMap = z.object({
  indicator: IndicatorMeta,
  from: z.string(),
  to: z.string(),
  values: z.array(z.object({ country: z.string(), value: z.number().nullable() })),
});

/** `GET /conflict-series`: daily conflict events of a few countries, for sparklines. */
export const ConflictSeriesQuery = z.strictObject({
  countries: z
    .string()
    .max(4 * 50)
    .regex(/^[A-Za-z]{3}(,[A-Za-z]{3}){0,49}$/, { error: 'must be up to 50 ISO3 codes, comma-separated' })
    .transform((v) => v.toUpperCase().split(','))
    .describe('ISO3 codes, comma-separated (up to 50)'),
  to: DayParam.optional().describe('the last day (default: the last day with data)'),
  days: intParam(7, 366).default(60).describe('days up to `to` (7..366)'),
});

export const ConflictSeriesResult = z.object({
  from: z.string(),
  to: z.string(),
  series: z.array(z.object({ country: z.string(), values: z.array(z.number()) })),
});
