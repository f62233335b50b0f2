import { ALIASES } from './aliases.ts';
import type { Row } from './row.ts';
import { AFRICA } from './table-africa.ts';
import { AMERICAS } from './table-americas.ts';
import { ASIA } from './table-asia.ts';
import { EUROPE } from './table-europe.ts';
import { HISTORICAL } from './table-historical.ts';
import { OCEANIA } from './table-oceania.ts';
import { SUBREGIONS, type Country } from './types.ts';

function toCountry([iso3, iso2, isoNumeric, fips, gw, name, subregion, extra = {}]: Row): Country {
  const country: Country = {
    iso3,
    iso2,
    isoNumeric,
    fips: Object.freeze(fips === '' ? [] : fips.split(' ')),
    cameo: Object.freeze([...(extra.nonIso ? [] : [iso3]), ...(extra.cameo ?? [])]),
    gw,
    name,
    aliases: Object.freeze([...(ALIASES[iso3] ?? [])]),
    region: SUBREGIONS[subregion],
    subregion,
  };
  if (extra.until !== undefined) Object.assign(country, { historical: true, until: extra.until });
  if (extra.nonIso) country.nonIso = true;
  return Object.freeze(country);
}

/** Every ISO 3166-1 country and territory, Kosovo, then the historical states. */
export const COUNTRIES: readonly Country[] = [
  ...AFRICA,
  ...AMERICAS,
  ...ASIA,
  ...EUROPE,
  ...OCEANIA,
  ...HISTORICAL,
].map(toCountry);
