import type { CodeNote } from './types.ts';

const region = (code: string, label: string): CodeNote => ({
  code,
  label,
  iso3: null,
  note: 'CAMEO region code: an actor of the region as a whole, not of one country.',
});

/** CAMEO actor-country codes that are not one country. Non-null iso3: a part of that country. */
export const CAMEO_NON_COUNTRY_CODES: readonly CodeNote[] = [
  { code: 'WSB', label: 'West Bank', iso3: 'PSE', note: 'Part of the territory ISO 3166 codes PS / PSE.' },
  { code: 'GZS', label: 'Gaza Strip', iso3: 'PSE', note: 'Part of the territory ISO 3166 codes PS / PSE.' },
  { code: 'BAG', label: 'Baghdad', iso3: 'IRQ', note: 'CAMEO code for the city of Baghdad, Iraq.' },
  region('AFR', 'Africa'),
  region('ASA', 'Asia'),
  region('BLK', 'Balkans'),
  region('CRB', 'Caribbean'),
  region('CAU', 'Caucasus'),
  region('CFR', 'Central Africa'),
  region('CAS', 'Central Asia'),
  region('CEU', 'Central Europe'),
  region('EIN', 'East Indies'),
  region('EAF', 'Eastern Africa'),
  region('EEU', 'Eastern Europe'),
  region('EUR', 'Europe'),
  region('LAM', 'Latin America'),
  region('MEA', 'Middle East'),
  region('MDT', 'Mediterranean'),
  region('NAF', 'North Africa'),
  region('NMR', 'North America'),
  region('PGS', 'Persian Gulf'),
  region('SCN', 'Scandinavia'),
  region('SAM', 'South America'),
  region('SAS', 'South Asia'),
  region('SEA', 'Southeast Asia'),
  region('SAF', 'Southern Africa'),
  region('WAF', 'West Africa'),
  region('WST', 'The West'),
];

const part = (code: string, label: string, iso3: string, note: string): CodeNote => ({
  code,
  label,
  iso3,
  note,
});
const usIsland = (code: string, label: string) =>
  part(code, label, 'UMI', 'FIPS codes this island apart; ISO 3166 counts it in UM / UMI.');
const scatteredIsland = (code: string, label: string, claimant: string) =>
  part(code, label, 'ATF', `French island, also claimed by ${claimant}; ISO 3166 counts it in TF / ATF.`);
const contested = (code: string, label: string, claimants: string): CodeNote => ({
  code,
  label,
  iso3: null,
  note: `Sovereignty disputed (claimed in whole or in part by ${claimants}); no ISO 3166 code.`,
});

/** FIPS 10-4 codes (GDELT geo columns) of places without an ISO code of their own, and GDELT extras. */
export const FIPS_NON_COUNTRY_CODES: readonly CodeNote[] = [
  part('WE', 'West Bank', 'PSE', 'Part of the territory ISO 3166 codes PS / PSE.'),
  part('GZ', 'Gaza Strip', 'PSE', 'Part of the territory ISO 3166 codes PS / PSE.'),
  part('RB', 'Serbia', 'SRB', "Serbia's earlier FIPS code (now RI); GDELT still writes it."),
  part('JN', 'Jan Mayen', 'SJM', 'FIPS codes Jan Mayen apart from Svalbard (SV); ISO 3166 has one code.'),
  part('AT', 'Ashmore and Cartier Islands', 'AUS', 'Australian external territory; no ISO 3166 code.'),
  part('CR', 'Coral Sea Islands', 'AUS', 'Australian external territory; no ISO 3166 code.'),
  part('IP', 'Clipperton Island', 'FRA', 'French Pacific island; no ISO 3166-1 code.'),
  part('AX', 'Akrotiri', 'GBR', 'UK Sovereign Base Area on Cyprus; no ISO 3166 code.'),
  part('DX', 'Dhekelia', 'GBR', 'UK Sovereign Base Area on Cyprus; no ISO 3166 code.'),
  usIsland('FQ', 'Baker Island'),
  usIsland('HQ', 'Howland Island'),
  usIsland('DQ', 'Jarvis Island'),
  usIsland('JQ', 'Johnston Atoll'),
  usIsland('KQ', 'Kingman Reef'),
  usIsland('MQ', 'Midway Islands'),
  usIsland('LQ', 'Palmyra Atoll'),
  usIsland('WQ', 'Wake Island'),
  part('BQ', 'Navassa Island', 'UMI', 'US island, also claimed by Haiti; ISO 3166 counts it in UM / UMI.'),
  scatteredIsland('BS', 'Bassas da India', 'Madagascar'),
  scatteredIsland('EU', 'Europa Island', 'Madagascar'),
  scatteredIsland('GO', 'Glorioso Islands', 'Madagascar'),
  scatteredIsland('JU', 'Juan de Nova Island', 'Madagascar'),
  scatteredIsland('TE', 'Tromelin Island', 'Mauritius'),
  contested('PF', 'Paracel Islands', 'China, Taiwan and Vietnam'),
  contested('PG', 'Spratly Islands', 'Brunei, China, Malaysia, the Philippines, Taiwan and Vietnam'),
  { code: 'OS', label: 'Oceans', iso3: null, note: 'GDELT code for places at sea, outside any country.' },
];
