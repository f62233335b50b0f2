import { z } from 'zod';
import { SOURCES } from '../event.ts';
import { HOTSPOT_LEVELS, HOTSPOT_PHASES } from '../hotspots.ts';
import { THREAT_DOMAIN_IDS } from '../threats/domains.ts';
import { CountryParam, DayParam, enumParam, MAX_PARAM_LENGTH } from './params.ts';

/** `GET /hotspots`. */
export const HotspotsQuery = z.strictObject({
  date: DayParam.optional().describe('one UTC day (default: the last day with data)'),
  from: DayParam.optional().describe('first UTC day of a range (instead of date)'),
  to: DayParam.optional().describe('last UTC day of a range'),
  country: CountryParam.optional().describe('only this country (ISO3 or name)'),
  unit: enumParam(['country', 'adm1']).default('country').describe('country or adm1 (first-level regions)'),
  grain: enumParam(['day', 'week'])
    .default('day')
    .describe(
      'day: a test every day over the 7 days to it; week: one per ISO week (Monday to Sunday), dated on its Sunday; date picks its week',
    ),
  source: enumParam(['all', 'any', ...SOURCES])
    .default('all')
    .describe('all: every source together (default); any: every row; or one source'),
  level: enumParam(HOTSPOT_LEVELS).default('watch').describe('lowest level listed'),
  regions: enumParam(['true', 'false'])
    .default('false')
    .describe('for countries: weigh their regions too (a local escalation lifts its country)'),
  threat: enumParam(THREAT_DOMAIN_IDS)
    .optional()
    .describe('scan GDELT GKG articles of this threat domain instead of conflict events (docs/threats.md)'),
});
export type HotspotsQuery = z.infer<typeof HotspotsQuery>;

export const Hotspot = z.object({
  country: z.string(),
  name: z.string().nullable(),
  adm1: z.string(),
  region: z.string().describe('with regions=true: the region (ADM1) that led a country’s combined row'),
  region_name: z
    .string()
    .describe(
      'the readable name of adm1, or of region (GDELT’s FIPS codes named from its place names); empty for a country',
    ),
  source: z.string(),
  day: z.string(),
  level: z.enum(HOTSPOT_LEVELS),
  phase: z.enum(HOTSPOT_PHASES),
  score: z.number().describe('−log10 of the probability of so many events under the baseline'),
  count: z.number().describe('conflict events in the 7 days up to day'),
  expected: z.number().describe('what the baseline expects for those 7 days'),
  deaths: z.number(),
  deaths_expected: z.number(),
  confidence: z.number().describe('0..1: volume of evidence and agreement of sources'),
  sources: z.number(),
  sources_agreeing: z.number(),
});

export const Hotspots = z.object({
  from: z.string(),
  to: z.string(),
  method: z.object({ id: z.string(), version: z.string() }),
  hotspots: z.array(Hotspot),
});

export const ExplainQuery = z.strictObject({
  date: DayParam.optional().describe('the day (default: the last day with data)'),
  adm1: z.string().min(1).max(MAX_PARAM_LENGTH).optional().describe('a region of the country'),
});

export const HotspotPath = z.strictObject({ country: CountryParam.describe('ISO3 code or country name') });

const Nullable = { string: z.string().nullable(), number: z.number().nullable() };

export const Explanation = z.object({
  country: z.string(),
  adm1: z.string(),
  adm1_name: z.string().describe('the readable name of adm1 (empty for a country)'),
  date: z.string(),
  hotspots: z.array(Hotspot.omit({ name: true })),
  series: z.array(
    z.object({
      source: z.string(),
      points: z.array(
        z.object({
          day: z.string(),
          count: z.number(),
          expected: z.number(),
          watch_at: z.number(),
          warning_at: z.number(),
          score: z.number(),
          deaths: z.number(),
        }),
      ),
    }),
  ),
  drivers: z.array(z.object({ category: z.string(), recent: z.number(), baseline_weekly: z.number() })),
  actors: z.array(z.object({ actor: z.string(), events: z.number() })),
  top_events: z.array(
    z.object({
      id: z.string(),
      event_date: z.string(),
      source: z.string(),
      category: z.string(),
      actor1_name: Nullable.string,
      actor2_name: Nullable.string,
      action_geo_name: Nullable.string,
      fatalities_best: Nullable.number,
      num_sources: Nullable.number,
      source_url: Nullable.string,
      notes: Nullable.string,
    }),
  ),
});

export const HotspotRuns = z.object({
  runs: z.array(
    z.object({
      run_id: z.number(),
      method: z.string(),
      version: z.string(),
      params: z.string(),
      unit: z.string(),
      from_day: z.string(),
      to_day: z.string(),
      country: z.string().nullable(),
      last_batch: z.number().nullable(),
      hotspots: z.number(),
      created_at: z.string(),
    }),
  ),
});
