/** GKG 2.1's 27 tab-separated columns, in order (GKG 2.1 codebook). */
export const GKG21_COLUMNS = [
  'GKGRECORDID',
  'V2.1DATE',
  'V2SOURCECOLLECTIONIDENTIFIER',
  'V2SOURCECOMMONNAME',
  'V2DOCUMENTIDENTIFIER',
  'V1COUNTS',
  'V2.1COUNTS',
  'V1THEMES',
  'V2ENHANCEDTHEMES',
  'V1LOCATIONS',
  'V2ENHANCEDLOCATIONS',
  'V1PERSONS',
  'V2ENHANCEDPERSONS',
  'V1ORGANIZATIONS',
  'V2ENHANCEDORGANIZATIONS',
  'V1.5TONE',
  'V2.1ENHANCEDDATES',
  'V2GCAM',
  'V2.1SHARINGIMAGE',
  'V2.1RELATEDIMAGES',
  'V2.1SOCIALIMAGEEMBEDS',
  'V2.1SOCIALVIDEOEMBEDS',
  'V2.1QUOTATIONS',
  'V2.1ALLNAMES',
  'V2.1AMOUNTS',
  'V2.1TRANSLATIONINFO',
  'V2EXTRASXML',
] as const;

/** GKG 1.0's daily graph file (gkg.csv): 11 columns, one row per distinct set of metadata. */
export const GKG1_COLUMNS = [
  'DATE',
  'NUMARTS',
  'COUNTS',
  'THEMES',
  'LOCATIONS',
  'PERSONS',
  'ORGANIZATIONS',
  'TONE',
  'CAMEOEVENTIDS',
  'SOURCES',
  'SOURCEURLS',
] as const;

/** The GKG 1.0 header line, which the daily files start with. */
export const GKG1_HEADER = GKG1_COLUMNS.join('\t');
