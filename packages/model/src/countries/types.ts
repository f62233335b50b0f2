export type Region = 'Africa' | 'Americas' | 'Asia' | 'Europe' | 'Oceania' | 'Antarctica';

/** UN M49 subregion, at the finer ("intermediate") level where M49 has one, e.g. 'Eastern Africa'. */
export const SUBREGIONS = {
  'Northern Africa': 'Africa',
  'Eastern Africa': 'Africa',
  'Middle Africa': 'Africa',
  'Southern Africa': 'Africa',
  'Western Africa': 'Africa',
  Caribbean: 'Americas',
  'Central America': 'Americas',
  'South America': 'Americas',
  'Northern America': 'Americas',
  'Central Asia': 'Asia',
  'Eastern Asia': 'Asia',
  'South-eastern Asia': 'Asia',
  'Southern Asia': 'Asia',
  'Western Asia': 'Asia',
  'Eastern Europe': 'Europe',
  'Northern Europe': 'Europe',
  'Southern Europe': 'Europe',
  'Western Europe': 'Europe',
  'Australia and New Zealand': 'Oceania',
  Melanesia: 'Oceania',
  Micronesia: 'Oceania',
  Polynesia: 'Oceania',
  Antarctica: 'Antarctica',
} as const satisfies Record<string, Region>;

export type Subregion = keyof typeof SUBREGIONS;

export interface Country {
  /** ISO 3166-1 alpha-3; ISO 3166-3 codes for historical states (SUN, YUG, CSK, DDR); XKX for Kosovo. */
  iso3: string;
  /** Alpha-2; '' when the state never had one of its own. */
  iso2: string;
  /** Three digits, zero-padded ('004'); '' when none exists (Kosovo, states ISO never coded apart). */
  isoNumeric: string;
  /** FIPS 10-4 codes (GDELT geo columns) that mean this country or a part of it; first = main. */
  fips: readonly string[];
  /** CAMEO country codes (GDELT actor columns) for it: its ISO3 first, then legacy and sub-area codes. */
  cameo: readonly string[];
  /** Gleditsch-Ward state number; null for territories and states outside the GW lists. */
  gw: number | null;
  /** English short name. */
  name: string;
  aliases: readonly string[];
  region: Region;
  subregion: Subregion;
  /** The state no longer exists. */
  historical?: boolean;
  /** Last year the historical state existed. */
  until?: number;
  /**
   * iso3 is not an ISO code: ISO never coded this state apart from its successor (West Germany kept
   * DEU, North Yemen YEM, ...), so iso3 holds the Gleditsch-Ward / Correlates of War abbreviation.
   */
  nonIso?: boolean;
}

/**
 * Codes that are real but are not (exactly) one ISO country: CAMEO region codes (AFR, EUR, WSB, GZS,
 * BAG, ...), FIPS codes of places without an ISO code of their own. iso3 null when the code is a region
 * or contested area.
 */
export interface CodeNote {
  code: string;
  label: string;
  iso3: string | null;
  note: string;
}
