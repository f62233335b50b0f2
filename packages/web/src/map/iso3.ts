import { countryByIsoNumeric, countryByName } from '@peacebell/model';

/**
 * The ISO3 code of a world-atlas shape: its id is the ISO numeric code; the three shapes without
 * one (N. Cyprus, Somaliland, Kosovo) go by name.
 */
export const iso3OfShape = (id: string | number | null | undefined, name: string): string | undefined =>
  (id !== undefined && id !== null ? countryByIsoNumeric(String(id))?.iso3 : undefined) ??
  countryByName(name)?.iso3;
