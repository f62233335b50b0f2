import type { CanonicalEvent } from '@peacebell/model';
import type { Expr, Format, RawColumn, RawType } from '../util/format.ts';

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
  date_added: { empty: true },
  actor1_code: { empty: true },
  actor1_name: { col: 'side_a' },
  actor1_country: { empty: true },
  actor1_type1: { empty: true },
  actor1_type2: { empty: true },
  actor1_type3: { empty: true },
  actor2_code: { empty: true },
  actor2_name: { col: 'side_b' },
  actor2_country: { empty: true },
  actor2_type1: { empty: true },
  actor2_type2: { empty: true },
  actor2_type3: { empty: true },
  is_root_event: { empty: true },
  event_code: { empty: true },
  event_base_code: { empty: true },
  event_root_code: { empty: true },
  quad_class: { empty: true },
  goldstein: { empty: true },
  category: { lookup: 'category_by_ucdp_type', col: 'type_of_violence' },
  domain: { lookup: 'domain_by_ucdp_type', col: 'type_of_violence' },
  source_event_type: { text: 'type_of_violence' },
  source_sub_event_type: { col: 'conflict_name' },
  num_mentions: { empty: true },
  num_sources: { col: 'number_of_sources' },
  num_articles: { empty: true },
  avg_tone: { empty: true },
  action_geo_type: { col: 'where_prec' },
  action_geo_name: { col: 'where_coordinates' },
  action_geo_country: { lookup: 'iso3_by_gw', col: 'country_id' },
  action_geo_adm1: { col: 'adm_1' },
  action_geo_lat: { coordinate: 'latitude' },
  action_geo_lon: { coordinate: 'longitude' },
  action_geo_feature_id: { text: 'priogrid_gid' },
  source_url: { empty: true },
  fatalities_best: { col: 'best' },
  fatalities_low: { col: 'low' },
  fatalities_high: { col: 'high' },
  notes: { col: 'source_headline' },
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
      const columns: RawColumn[] = names.map((name) => ({
        name,
        type:
          TYPES[name] ??
          (name === 'date_start' || name === 'date_end' ? (dated ? 'DATE' : 'TIMESTAMP') : 'VARCHAR'),
        ...(REQUIRED.has(name) ? { required: true } : {}),
      }));
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
