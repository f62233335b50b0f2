import type { CanonicalCategory } from './categories.ts';

/** Codes whose category differs from their three-digit base's or root's. */
const BY_CODE: Readonly<Record<string, CanonicalCategory>> = {
  '036': 'consult', // intent to meet or negotiate
  '038': 'consult', // intent to accept mediation
  '039': 'consult', // intent to mediate
  '057': 'agreement', // sign formal agreement
  '145': 'riot',
  '1451': 'riot',
  '1452': 'riot',
  '1453': 'riot',
  '1454': 'riot',
  '183': 'remote_violence',
  '1831': 'remote_violence',
  '1832': 'remote_violence',
  '1833': 'remote_violence',
  '194': 'remote_violence', // artillery and tanks
  '195': 'remote_violence', // aerial weapons
  '1951': 'remote_violence',
  '1952': 'remote_violence',
};

const BY_ROOT: Readonly<Record<string, CanonicalCategory>> = {
  '01': 'statement',
  '02': 'demand_accuse',
  '03': 'agreement',
  '04': 'consult',
  '05': 'cooperation',
  '06': 'cooperation',
  '07': 'aid',
  '08': 'agreement',
  '09': 'demand_accuse',
  '10': 'demand_accuse',
  '11': 'demand_accuse',
  '12': 'demand_accuse',
  '13': 'threat',
  '14': 'protest',
  '15': 'military_posture',
  '16': 'sanctions',
  '17': 'repression',
  '18': 'violence_against_civilians',
  '19': 'armed_clash',
  '20': 'violence_against_civilians',
};

/**
 * The canonical category of a CAMEO code: its own entry, else its base's (three digits), else
 * its root's. Root 16 (reduce relations, sanctions, embargoes) is one category: cutting aid or
 * ties is economic and diplomatic pressure alike.
 */
export function canonicalCategoryOfCameo(code: string): CanonicalCategory {
  return BY_CODE[code] ?? BY_CODE[code.slice(0, 3)] ?? BY_ROOT[code.slice(0, 2)] ?? 'other';
}
