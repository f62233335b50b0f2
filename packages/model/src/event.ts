import { z } from 'zod';
import { CanonicalCategory, SecurityDomain } from './typology/categories.ts';

/** Where an event came from; one value per upstream dataset (and layout generation). */
export const SOURCES = ['gdelt2', 'gdelt1', 'acled', 'ucdp', 'icews'] as const;
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a UTC day, YYYY-MM-DD');
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

/**
 * One event in peacebell's canonical schema, whatever its source. Field names are the column
 * names of the `events` table and the CSV headers of `peacebell events`.
 */
export const CanonicalEvent = z.object({
  id: z.string().min(1).describe('source:source_record_id, unique in the store'),
  source: Source,
  source_record_id: z.string().min(1),
  source_file: z.string().min(1).describe('file name the event was last imported from'),
  feed: nullable(z.string()).describe("the source's sub-feed, e.g. GDELT 'export' or 'translation'"),
  event_date: day,
  event_date_end: nullable(day).describe('last day, for events the source dates as a span (UCDP)'),
  date_added: nullable(z.string()).describe('when the source published the record, ISO 8601 UTC'),
  actor1_code: nullable(z.string()),
  actor1_name: nullable(z.string()),
  actor1_country: nullable(iso3),
  actor1_type1: nullable(z.string()),
  actor1_type2: nullable(z.string()),
  actor1_type3: nullable(z.string()),
  actor2_code: nullable(z.string()),
  actor2_name: nullable(z.string()),
  actor2_country: nullable(iso3),
  actor2_type1: nullable(z.string()),
  actor2_type2: nullable(z.string()),
  actor2_type3: nullable(z.string()),
  is_root_event: nullable(z.boolean()),
  event_code: nullable(z.string().regex(/^\d{2,4}$/)),
  event_base_code: nullable(z.string().regex(/^\d{2,3}$/)),
  event_root_code: nullable(z.string().regex(/^\d{2}$/)),
  quad_class: nullable(z.number().int().min(1).max(4)),
  goldstein: nullable(z.number().min(-10).max(10)),
  category: CanonicalCategory.describe('canonical category (docs/typology.md)'),
  domain: SecurityDomain.describe('security domain (docs/typology.md)'),
  source_event_type: nullable(z.string()).describe(
    "the source's own event type (ACLED event_type, UCDP type_of_violence, ICEWS event text)",
  ),
  source_sub_event_type: nullable(z.string()).describe(
    "the source's own sub-type (ACLED sub_event_type, UCDP conflict)",
  ),
  num_mentions: nullable(z.number().int()),
  num_sources: nullable(z.number().int()),
  num_articles: nullable(z.number().int()),
  avg_tone: nullable(z.number()),
  action_geo_type: nullable(z.number().int()).describe(
    'GDELT precision: 1 country, 2 US state, 3 US city, 4 world city, 5 world state',
  ),
  action_geo_name: nullable(z.string()),
  action_geo_country: nullable(iso3),
  action_geo_adm1: nullable(z.string()),
  action_geo_lat: nullable(z.number().min(-90).max(90)),
  action_geo_lon: nullable(z.number().min(-180).max(180)),
  action_geo_feature_id: nullable(z.string()),
  source_url: nullable(z.string()),
  fatalities_best: nullable(z.number().int()),
  fatalities_low: nullable(z.number().int()),
  fatalities_high: nullable(z.number().int()),
  notes: nullable(z.string()),
});
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;

/** The canonical field names in schema order. */
export const EVENT_FIELDS = Object.keys(CanonicalEvent.shape) as (keyof CanonicalEvent)[];
