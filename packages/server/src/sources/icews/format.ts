import type { CanonicalEvent } from '@peacebell/model';
import { absent, typedColumns, type Expr, type Format, type RawType } from '../util/format.ts';

/** ICEWS coded events (tab-separated, header row): CAMEO codes, intensity, sectors, country names. */
const TYPES: Readonly<Record<string, RawType>> = {
  event_id: 'BIGINT',
  event_date: 'DATE',
  source_country: 'country_name',
  target_country: 'country_name',
  cameo_code: 'cameo_event_code',
  intensity: 'DOUBLE',
  story_id: 'BIGINT',
  sentence_number: 'INTEGER',
  country: 'country_name',
  latitude: 'DOUBLE',
  longitude: 'DOUBLE',
};
const REQUIRED = new Set(['event_id', 'event_date', 'cameo_code']);

const mapping: Record<keyof CanonicalEvent, Expr> = {
  id: { prefixed: 'icews:', col: 'event_id' },
  source: { value: 'icews' },
  source_record_id: { text: 'event_id' },
  source_file: { input: 'file' },
  feed: { input: 'feed' },
  event_date: { col: 'event_date' },
  event_date_end: { col: 'event_date' },
  actor1_name: { col: 'source_name' },
  actor1_country: { lookup: 'iso3_by_name', col: 'source_country' },
  actor1_type1: { col: 'source_sectors' },
  actor2_name: { col: 'target_name' },
  actor2_country: { lookup: 'iso3_by_name', col: 'target_country' },
  actor2_type1: { col: 'target_sectors' },
  event_code: { text: 'cameo_code' },
  event_base_code: { lookup: 'base_by_event', col: 'cameo_code' },
  event_root_code: { lookup: 'root_by_event', col: 'cameo_code' },
  quad_class: { lookup: 'quad_by_event', col: 'cameo_code' },
  goldstein: { col: 'intensity' },
  category: { lookup: 'category_by_event', col: 'cameo_code' },
  domain: { lookup: 'domain_by_event', col: 'cameo_code' },
  source_event_type: { col: 'event_text' },
  action_geo_name: { col: 'city' },
  action_geo_country: { lookup: 'iso3_by_name', col: 'country' },
  action_geo_adm1: { col: 'province' },
  action_geo_lat: { coordinate: 'latitude' },
  action_geo_lon: { coordinate: 'longitude' },
  notes: { col: 'publisher' },
  // fields this source does not have
  ...absent(
    'date_added',
    'actor1_code',
    'actor1_type2',
    'actor1_type3',
    'actor2_code',
    'actor2_type2',
    'actor2_type3',
    'is_root_event',
    'source_sub_event_type',
    'num_mentions',
    'num_sources',
    'num_articles',
    'avg_tone',
    'action_geo_type',
    'action_geo_feature_id',
    'source_url',
    'fatalities_best',
    'fatalities_low',
    'fatalities_high',
  ),
};

export const ICEWS_EVENTS: Format = {
  id: 'icews-events',
  source: 'icews',
  title: 'ICEWS coded events (tab-separated, header row)',
  target: 'events',
  encodings: ['utf-8', 'windows-1252'],
  headered: {
    delimiter: '\t',
    recognise: (names) =>
      names.includes('event_id') && names.includes('cameo_code') && names.includes('event_text'),
    layout: (names) => ({ columns: typedColumns(names, TYPES, REQUIRED), dateFormat: '%Y-%m-%d' }),
  },
  mapping,
};
