import { z } from 'zod';
import { GRAINS } from '../periods.ts';
import { THREAT_DOMAIN_IDS } from '../threats/domains.ts';
import { CountryParam, DayParam, enumListParam, enumParam, intParam, MAX_PARAM_LENGTH } from './params.ts';

const threatWindow = {
  grain: enumParam(GRAINS).default('week').describe('day, week (ISO, from Monday) or month'),
  from: DayParam.optional().describe('first UTC day (default: 90 days, 52 weeks or 24 months before `to`)'),
  to: DayParam.optional().describe('last UTC day, inclusive (default: the last day with GKG data)'),
  domains: enumListParam(THREAT_DOMAIN_IDS)
    .optional()
    .describe(`only these threat domains, comma-separated: ${THREAT_DOMAIN_IDS.join(', ')}`),
  adm1: z
    .string()
    .min(1)
    .max(MAX_PARAM_LENGTH)
    .optional()
    .describe('a first-level region of the country (FIPS ADM1 code as GKG writes it, e.g. BG81)'),
  evidence: intParam(0, 10)
    .optional()
    .describe('evidence URLs per domain over the window, most intense first (default 3)'),
};

/** `GET /threats`: the world without `country`. */
export const ThreatsQuery = z.strictObject({
  country: CountryParam.optional().describe('ISO3 code or country name (default: every article)'),
  ...threatWindow,
});
export type ThreatsQuery = z.infer<typeof ThreatsQuery>;

/** `GET /countries/{country}/threats`. */
export const CountryThreatsQuery = z.strictObject(threatWindow);
export type CountryThreatsQuery = z.infer<typeof CountryThreatsQuery>;

const num = z.number().nullable();

export const ThreatRow = z.object({
  period: z.string().describe('first day of the period'),
  domain: z.enum(THREAT_DOMAIN_IDS),
  articles: z.number().describe('articles about the place tagged with the domain'),
  share: num.describe('articles / all articles about the place (null without articles)'),
  intensity: num.describe('theme mentions of the domain per tagged article'),
  tone: num.describe('mean V2Tone of the tagged articles'),
  change: num.describe('share against its mean over the baseline periods before (0: as usual)'),
  killed: z.number(),
  wounded: z.number(),
  arrested: z.number(),
  affected: z.number(),
  displaced: z.number(),
});

export const ThreatEvidence = z.object({
  domain: z.enum(THREAT_DOMAIN_IDS),
  day: z.string(),
  url: z.string(),
  source: z.string().nullable(),
  tone: z.number().nullable(),
  mentions: z.number().describe('theme mentions of the domain in the article'),
});

export const ThreatSeries = z.object({
  country: z.string().nullable(),
  adm1: z.string().nullable(),
  grain: z.enum(GRAINS),
  from: z.string(),
  to: z.string(),
  map_version: z.string().describe('version of the theme → domain map (docs/threats.md)'),
  baseline_periods: z.number(),
  domains: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
  coverage: z
    .array(z.object({ period: z.string(), articles: z.number() }))
    .describe('all GKG articles about the place per period (the denominator of shares)'),
  rows: z.array(ThreatRow).describe('one row per period and domain, empty periods filled'),
  evidence: z.array(ThreatEvidence),
});

/** `GET /threats/unmapped`. */
export const UnmappedThemesQuery = z.strictObject({
  from: DayParam.optional().describe('first UTC day (default: 30 days before `to`)'),
  to: DayParam.optional().describe('last UTC day (default: the last day with GKG data)'),
  limit: intParam(1, 1000).optional().describe('themes listed (default 50)'),
});

export const UnmappedThemes = z.object({
  from: z.string(),
  to: z.string(),
  map_version: z.string(),
  days: z.array(z.object({ day: z.string(), articles: z.number(), mentions: z.number() })),
  themes: z.array(z.object({ theme: z.string(), articles: z.number(), mentions: z.number() })),
});

/** `GET /threats/domains`. */
export const ThreatMap = z.object({
  version: z.string(),
  domains: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
  rules: z.array(z.object({ theme: z.string(), domains: z.array(z.string()) })),
});

/** `GET /threats/countries`: one domain over a window for every country (a map layer). */
export const ThreatCountriesQuery = z.strictObject({
  domain: enumParam(THREAT_DOMAIN_IDS).describe('the threat domain'),
  to: DayParam.optional().describe('last UTC day (default: the last day with GKG data)'),
  days: intParam(1, 366).default(7).describe('days in the window, ending on `to`'),
});
export type ThreatCountriesQuery = z.infer<typeof ThreatCountriesQuery>;

export const ThreatCountries = z.object({
  domain: z.enum(THREAT_DOMAIN_IDS),
  from: z.string(),
  to: z.string(),
  countries: z.array(
    z.object({
      country: z.string(),
      articles: z.number().describe('GKG articles about the country tagged with the domain'),
      share: z.number().nullable().describe('their share of all articles about the country'),
    }),
  ),
});
export type ThreatCountries = z.infer<typeof ThreatCountries>;
