import type { CanonicalEvent } from '@peacebell/model';
import { absent, typedColumns, type Expr, type Format, type RawType } from '../util/format.ts';

/**
 * UCDP GED files: 42 columns (19.x), 49 (23.x and later, with the *_dset_id columns), and HDX's
 * republished variant (a HXL hashtag row after the header, start/end years and iso3 added).
 * Country by Gleditsch-Ward number (`country_id`); fatalities best, low and high.
 */
const TYPES: Readonly<Record<string, RawType>> = {
  id: 'BIGINT',
  year: 'INTEGER',
  type_of_violence: 'ucdp_violence_type',
  number_of_sources: 'INTEGER',
  where_prec: 'TINYINT',
  latitude: 'DOUBLE',
  longitude: 'DOUBLE',
  country_id: 'gw_code',
  date_prec: 'TINYINT',
  deaths_a: 'INTEGER',
  deaths_b: 'INTEGER',
  deaths_civilians: 'INTEGER',
  deaths_unknown: 'INTEGER',
  low: 'INTEGER',
  best: 'INTEGER',
  high: 'INTEGER',
};
const REQUIRED = new Set(['id', 'date_start', 'type_of_violence']);

const mapping: Record<keyof CanonicalEvent, Expr> = {
  id: { prefixed: 'ucdp:', col: 'id' },
  source: { value: 'ucdp' },
  source_record_id: { text: 'id' },
  source_file: { input: 'file' },
  feed: { input: 'feed' },
  event_date: { day: 'date_start' },
  event_date_end: { day: 'date_end' },
  actor1_name: { col: 'side_a' },
  actor2_name: { col: 'side_b' },
  category: { lookup: 'category_by_ucdp_type', col: 'type_of_violence' },
  domain: { lookup: 'domain_by_ucdp_type', col: 'type_of_violence' },
  source_event_type: { text: 'type_of_violence' },
  source_sub_event_type: { col: 'conflict_name' },
  num_sources: { col: 'number_of_sources' },
  action_geo_type: { col: 'where_prec' },
  action_geo_name: { col: 'where_coordinates' },
  action_geo_country: { lookup: 'iso3_by_gw', col: 'country_id' },
  action_geo_adm1: { col: 'adm_1' },
  action_geo_lat: { coordinate: 'latitude' },
  action_geo_lon: { coordinate: 'longitude' },
  action_geo_feature_id: { text: 'priogrid_gid' },
  fatalities_best: { col: 'best' },
  fatalities_low: { col: 'low' },
  fatalities_high: { col: 'high' },
  notes: { col: 'source_headline' },
  // fields this source does not have
  ...absent(
    'date_added',
    'actor1_code',
    'actor1_country',
    'actor1_type1',
    'actor1_type2',
    'actor1_type3',
    'actor2_code',
    'actor2_country',
    'actor2_type1',
    'actor2_type2',
    'actor2_type3',
    'is_root_event',
    'event_code',
    'event_base_code',
    'event_root_code',
    'quad_class',
    'goldstein',
    'num_mentions',
    'num_articles',
    'avg_tone',
    'source_url',
  ),
};

export const UCDP_GED: Format = {
  id: 'ucdp-ged',
  source: 'ucdp',
  title: 'UCDP GED events (CSV, 42/49 columns or HDX with HXL row)',
  target: 'events',
  encodings: ['utf-8', 'windows-1252'],
  headered: {
    delimiter: ',',
    recognise: (names) =>
      names.includes('type_of_violence') && names.includes('best') && names.includes('id'),
    layout(names, sample) {
      const dated = /^\d{4}-\d{2}-\d{2}$/.test(sample.date_start ?? '');
      const dateType = dated ? 'DATE' : 'TIMESTAMP';
      const columns = typedColumns(names, TYPES, REQUIRED, (name) =>
        name === 'date_start' || name === 'date_end' ? dateType : 'VARCHAR',
      );
      return dated
        ? { columns, dateFormat: '%Y-%m-%d' }
        : {
            columns,
            timestampFormat: /T/.test(sample.date_start ?? '') ? '%Y-%m-%dT%H:%M:%S' : '%Y-%m-%d %H:%M:%S.%g',
          };
    },
  },
  mapping,
};
