import type { CanonicalEvent, Source } from '@peacebell/model';
import type { Expr, Format } from '../util/format.ts';
import { EVENTS1_57, EVENTS1_58, EVENTS2, MENTIONS2 } from './layouts.ts';

type EventMapping = Record<keyof CanonicalEvent, Expr>;

const actor = (n: 1 | 2) => ({
  [`actor${n}_code`]: { col: `Actor${n}Code` },
  [`actor${n}_name`]: { col: `Actor${n}Name` },
  [`actor${n}_country`]: { lookup: 'iso3_by_cameo', col: `Actor${n}CountryCode` },
  [`actor${n}_type1`]: { col: `Actor${n}Type1Code` },
  [`actor${n}_type2`]: { col: `Actor${n}Type2Code` },
  [`actor${n}_type3`]: { col: `Actor${n}Type3Code` },
});

const eventMapping = (source: Source): EventMapping =>
  ({
    id: { prefixed: `${source}:`, col: 'GLOBALEVENTID' },
    source: { value: source },
    source_record_id: { text: 'GLOBALEVENTID' },
    source_file: { input: 'file' },
    feed: { input: 'feed' },
    event_date: { col: 'SQLDATE' },
    event_date_end: { col: 'SQLDATE' },
    date_added: { col: 'DATEADDED' },
    ...actor(1),
    ...actor(2),
    is_root_event: { flag: 'IsRootEvent' },
    event_code: { text: 'EventCode' },
    event_base_code: { text: 'EventBaseCode' },
    event_root_code: { text: 'EventRootCode' },
    quad_class: { quad: 'QuadClass' },
    goldstein: { col: 'GoldsteinScale' },
    category: { lookup: 'category_by_event', col: 'EventCode' },
    domain: { lookup: 'domain_by_event', col: 'EventCode' },
    source_event_type: { empty: true },
    source_sub_event_type: { empty: true },
    num_mentions: { col: 'NumMentions' },
    num_sources: { col: 'NumSources' },
    num_articles: { col: 'NumArticles' },
    avg_tone: { col: 'AvgTone' },
    action_geo_type: { col: 'ActionGeo_Type' },
    action_geo_name: { col: 'ActionGeo_FullName' },
    action_geo_country: { lookup: 'iso3_by_fips', col: 'ActionGeo_CountryCode' },
    action_geo_adm1: { col: 'ActionGeo_ADM1Code' },
    action_geo_lat: { coordinate: 'ActionGeo_Lat', geoType: 'ActionGeo_Type' },
    action_geo_lon: { coordinate: 'ActionGeo_Long', geoType: 'ActionGeo_Type' },
    action_geo_feature_id: { col: 'ActionGeo_FeatureID' },
    source_url: { col: 'SOURCEURL' },
    fatalities_best: { empty: true },
    fatalities_low: { empty: true },
    fatalities_high: { empty: true },
    notes: { empty: true },
  }) as EventMapping;

export const GDELT2_EVENTS: Format = {
  id: 'gdelt2-events',
  source: 'gdelt2',
  title: 'GDELT 2.0 Events export (61 columns)',
  target: 'events',
  encodings: ['utf-8'],
  layouts: [EVENTS2],
  mapping: eventMapping('gdelt2'),
};

export const GDELT1_EVENTS: Format = {
  id: 'gdelt1-events',
  source: 'gdelt1',
  title: 'GDELT 1.0 Events (57 or 58 columns)',
  target: 'events',
  encodings: ['utf-8'],
  layouts: [EVENTS1_58, EVENTS1_57],
  mapping: eventMapping('gdelt1'),
};

export const GDELT2_MENTIONS: Format = {
  id: 'gdelt2-mentions',
  source: 'gdelt2',
  title: 'GDELT 2.0 Mentions (16 columns)',
  target: 'gdelt_mentions',
  encodings: ['utf-8'],
  layouts: [MENTIONS2],
  mapping: {
    // One article can mention an event several times in one sentence, told apart by offsets and confidence.
    id: {
      concat: [
        'GLOBALEVENTID',
        'MentionTimeDate',
        'MentionIdentifier',
        'SentenceID',
        'Actor1CharOffset',
        'Actor2CharOffset',
        'ActionCharOffset',
        'Confidence',
      ],
    },
    event_id: { prefixed: 'gdelt2:', col: 'GLOBALEVENTID' },
    event_time: { col: 'EventTimeDate' },
    mention_time: { col: 'MentionTimeDate' },
    mention_type: { col: 'MentionType' },
    mention_source_name: { col: 'MentionSourceName' },
    mention_identifier: { col: 'MentionIdentifier' },
    sentence_id: { col: 'SentenceID' },
    actor1_char_offset: { col: 'Actor1CharOffset' },
    actor2_char_offset: { col: 'Actor2CharOffset' },
    action_char_offset: { col: 'ActionCharOffset' },
    in_raw_text: { flag: 'InRawText' },
    confidence: { col: 'Confidence' },
    doc_length: { col: 'MentionDocLen' },
    doc_tone: { col: 'MentionDocTone' },
    translation_info: { col: 'MentionDocTranslationInfo' },
    source_file: { input: 'file' },
  },
};

export const FORMATS: readonly Format[] = [GDELT2_EVENTS, GDELT1_EVENTS, GDELT2_MENTIONS];
