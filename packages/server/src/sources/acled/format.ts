import type { CanonicalEvent } from '@peacebell/model';
import { absent, typedColumns, type Expr, type Format, type RawType } from '../util/format.ts';

/**
 * ACLED files: the current layout (lower-case headers, 'event_id_cnty', sub-event types, iso
 * numeric country codes, epoch `timestamp`) and the older ones (upper-case headers, dd/mm/yyyy,
 * GWNO country codes, no sub-event types, trailing empty columns, Windows-1252). Names are
 * normalised to lower case, so both meet in one mapping.
 */
const TYPES: Readonly<Record<string, RawType>> = {
  event_id_cnty: 'VARCHAR',
  event_date: 'DATE',
  year: 'INTEGER',
  time_precision: 'TINYINT',
  event_type: 'acled_event_type',
  sub_event_type: 'acled_sub_event_type',
  inter1: 'VARCHAR',
  inter2: 'VARCHAR',
  interaction: 'VARCHAR',
  iso: 'iso_numeric_code',
  gwno: 'gw_code',
  latitude: 'DOUBLE',
  longitude: 'DOUBLE',
  geo_precision: 'TINYINT',
  fatalities: 'INTEGER',
  timestamp: 'BIGINT',
};
const REQUIRED = new Set(['event_id_cnty', 'event_date', 'event_type']);

/** ACLED writes dates three ways: '01 November 2024' (exports), '2024-11-01' (API), '29/12/2015' (2016 files). */
function dateFormat(sample: string | undefined): string {
  if (sample && /^\d{4}-\d{2}-\d{2}$/.test(sample)) return '%Y-%m-%d';
  if (sample && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(sample)) return '%d/%m/%Y';
  return '%d %B %Y';
}

const mapping: Record<keyof CanonicalEvent, Expr> = {
  id: { prefixed: 'acled:', col: 'event_id_cnty' },
  source: { value: 'acled' },
  source_record_id: { text: 'event_id_cnty' },
  source_file: { input: 'file' },
  feed: { input: 'feed' },
  event_date: { col: 'event_date' },
  event_date_end: { col: 'event_date' },
  date_added: { epochSeconds: 'timestamp' },
  actor1_name: { col: 'actor1' },
  actor1_type1: { text: 'inter1' },
  actor2_name: { col: 'actor2' },
  actor2_type1: { text: 'inter2' },
  category: {
    firstOf: [
      { lookup: 'category_by_acled_sub_type', col: 'sub_event_type' },
      { lookup: 'category_by_acled_type', col: 'event_type' },
    ],
  },
  domain: {
    firstOf: [
      { lookup: 'domain_by_acled_sub_type', col: 'sub_event_type' },
      { lookup: 'domain_by_acled_type', col: 'event_type' },
    ],
  },
  source_event_type: { text: 'event_type' },
  source_sub_event_type: { text: 'sub_event_type' },
  action_geo_type: { col: 'geo_precision' },
  action_geo_name: { col: 'location' },
  action_geo_country: {
    firstOf: [
      { lookup: 'iso3_by_isonum', col: 'iso' },
      { lookup: 'iso3_by_gw', col: 'gwno' },
    ],
  },
  action_geo_adm1: { col: 'admin1' },
  action_geo_lat: { coordinate: 'latitude' },
  action_geo_lon: { coordinate: 'longitude' },
  fatalities_best: { col: 'fatalities' },
  notes: { col: 'notes' },
  // fields this source does not have
  ...absent(
    'actor1_code',
    'actor1_country',
    'actor1_type2',
    'actor1_type3',
    'actor2_code',
    'actor2_country',
    'actor2_type2',
    'actor2_type3',
    'is_root_event',
    'event_code',
    'event_base_code',
    'event_root_code',
    'quad_class',
    'goldstein',
    'num_mentions',
    'num_sources',
    'num_articles',
    'avg_tone',
    'action_geo_feature_id',
    'source_url',
    'fatalities_low',
    'fatalities_high',
  ),
};

export const ACLED_EVENTS: Format = {
  id: 'acled-events',
  source: 'acled',
  title: 'ACLED events (CSV, current or pre-2019 layout)',
  target: 'events',
  encodings: ['utf-8', 'windows-1252'],
  headered: {
    delimiter: ',',
    recognise: (names) => names.includes('event_id_cnty') && names.includes('event_type'),
    layout(names, sample) {
      return { columns: typedColumns(names, TYPES, REQUIRED), dateFormat: dateFormat(sample.event_date) };
    },
  },
  mapping,
};
