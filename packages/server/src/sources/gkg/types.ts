/** One GKG record as GDELT writes it, every nested list split (GKG 2.1 codebook; GKG 1.0 mapped onto it). */

export interface GkgLocation {
  /** 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1). */
  type: number;
  name: string;
  /** FIPS 10-4 code as written (early GKG 2.0 files repeat one code for all of a record's places). */
  countryCode: string;
  /** FIPS country code + ADM1 code ('HU05'); the country code alone for a country. */
  adm1: string;
  /** V2 only; null in V1 blocks. */
  adm2: string | null;
  lat: number | null;
  lon: number | null;
  featureId: string;
  /** Character offset in the article (V2 only). */
  offset: number | null;
}

export interface GkgCount {
  /** KILL, WOUND, ARREST, AFFECT, EVACUATION, CRISISLEX_T03_DEAD ... */
  type: string;
  count: number;
  objectType: string;
  location: GkgLocation | null;
  /** V2.1 only. */
  offset: number | null;
}

export interface GkgTheme {
  theme: string;
  offset: number;
}

/** V2Tone: tone, positive score, negative score, polarity, activity density, self/group density, word count. */
export interface GkgTone {
  tone: number;
  positive: number;
  negative: number;
  polarity: number;
  activity: number;
  selfGroup: number;
  wordCount: number | null;
}

export interface GkgRecord {
  id: string;
  /** ISO timestamp, UTC: 'YYYY-MM-DDTHH:MM:SSZ'. */
  date: string;
  /** How many articles the record stands for: 1 in GKG 2.1, NUMARTS in GKG 1.0. */
  articles: number;
  /** 1 web, 2 citation only, 3 core, 4 DTIC, 5 JSTOR, 6 non-textual. */
  collection: number;
  sourceName: string;
  documentId: string;
  v1Counts: GkgCount[];
  v21Counts: GkgCount[];
  v1Themes: string[];
  v2Themes: GkgTheme[];
  v1Locations: GkgLocation[];
  v2Locations: GkgLocation[];
  tone: GkgTone | null;
  translationInfo: string;
}

/** A field of a record that cannot be read; the record is set aside with it. */
export class GkgFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'GkgFieldError';
  }
}
