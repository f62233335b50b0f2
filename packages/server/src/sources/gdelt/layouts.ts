/**
 * GDELT's tab-separated layouts (no header, no quoting) as typed raw columns. Codes are read as
 * reference enums (see ingest/reference.ts): an unknown code sets the row aside, with its line
 * and field, inside the engine's CSV reader.
 */
import type { RawColumn, RawLayout, RawType } from '../util/format.ts';

const TEXT = { delimiter: '\t', quote: '', skip: 0 } as const;

const col = (name: string, type: RawType = 'VARCHAR'): RawColumn => ({ name, type });
const required = (name: string, type: RawType): RawColumn => ({ name, type, required: true });

const actor = (n: 1 | 2): RawColumn[] => [
  col(`Actor${n}Code`),
  col(`Actor${n}Name`),
  col(`Actor${n}CountryCode`, 'cameo_country_code'),
  col(`Actor${n}KnownGroupCode`),
  col(`Actor${n}EthnicCode`),
  col(`Actor${n}Religion1Code`),
  col(`Actor${n}Religion2Code`),
  col(`Actor${n}Type1Code`),
  col(`Actor${n}Type2Code`),
  col(`Actor${n}Type3Code`),
];

const eventAttributes: RawColumn[] = [
  col('IsRootEvent', 'TINYINT'),
  required('EventCode', 'cameo_event_code'),
  col('EventBaseCode', 'cameo_event_code'),
  col('EventRootCode', 'cameo_event_code'),
  col('QuadClass', 'quad_class_code'),
  col('GoldsteinScale', 'DOUBLE'),
  col('NumMentions', 'INTEGER'),
  col('NumSources', 'INTEGER'),
  col('NumArticles', 'INTEGER'),
  col('AvgTone', 'DOUBLE'),
];

/** A geography block; GDELT 2.0 added ADM2Code. */
const geo = (prefix: string, adm2: boolean): RawColumn[] => [
  col(`${prefix}_Type`, 'TINYINT'),
  col(`${prefix}_FullName`),
  col(`${prefix}_CountryCode`, 'fips_country_code'),
  col(`${prefix}_ADM1Code`),
  ...(adm2 ? [col(`${prefix}_ADM2Code`)] : []),
  col(`${prefix}_Lat`, 'DOUBLE'),
  col(`${prefix}_Long`, 'DOUBLE'),
  col(`${prefix}_FeatureID`),
];

const eventHead: RawColumn[] = [
  required('GLOBALEVENTID', 'BIGINT'),
  required('SQLDATE', 'DATE'),
  col('MonthYear', 'INTEGER'),
  col('Year', 'INTEGER'),
  col('FractionDate', 'DOUBLE'),
  ...actor(1),
  ...actor(2),
  ...eventAttributes,
];

/** GDELT 2.0 Events (and the translingual export): 61 columns. */
export const EVENTS2: RawLayout = {
  ...TEXT,
  columns: [
    ...eventHead,
    ...geo('Actor1Geo', true),
    ...geo('Actor2Geo', true),
    ...geo('ActionGeo', true),
    col('DATEADDED', 'TIMESTAMP'),
    col('SOURCEURL'),
  ],
  dateFormat: '%Y%m%d',
  timestampFormat: '%Y%m%d%H%M%S',
};

const events1 = (withUrl: boolean): RawLayout => ({
  ...TEXT,
  columns: [
    ...eventHead,
    ...geo('Actor1Geo', false),
    ...geo('Actor2Geo', false),
    ...geo('ActionGeo', false),
    col('DATEADDED', 'DATE'),
    ...(withUrl ? [col('SOURCEURL')] : []),
  ],
  dateFormat: '%Y%m%d',
});

/** GDELT 1.0 Events: 58 columns since April 2013 (SOURCEURL added), 57 before; both may share a file. */
export const EVENTS1_58 = events1(true);
export const EVENTS1_57 = events1(false);

/** GDELT 2.0 Mentions: 16 columns, linked to events by GLOBALEVENTID. */
export const MENTIONS2: RawLayout = {
  ...TEXT,
  columns: [
    required('GLOBALEVENTID', 'BIGINT'),
    col('EventTimeDate', 'TIMESTAMP'),
    required('MentionTimeDate', 'TIMESTAMP'),
    col('MentionType', 'TINYINT'),
    col('MentionSourceName'),
    col('MentionIdentifier'),
    col('SentenceID', 'INTEGER'),
    col('Actor1CharOffset', 'INTEGER'),
    col('Actor2CharOffset', 'INTEGER'),
    col('ActionCharOffset', 'INTEGER'),
    col('InRawText', 'TINYINT'),
    col('Confidence', 'INTEGER'),
    col('MentionDocLen', 'INTEGER'),
    col('MentionDocTone', 'DOUBLE'),
    col('MentionDocTranslationInfo'),
    col('Extras'),
  ],
  timestampFormat: '%Y%m%d%H%M%S',
};
