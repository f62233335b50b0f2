import type { SecurityDomain } from '../typology/categories.ts';
import type { PloverType } from './plover.ts';

/*
 * The canonical category of a code is in typology/cameo.ts; this file gives the other two columns.
 *
 * PLOVER type: CAMEO2PLOVER (PLOVER draft 0.8, 2021), code by code. Each root has one PLOVER type except
 * YIELD (08), which PLOVER splits into verbal CONCEDE (080-083) and material RETREAT (084-087, 0813,
 * 0814). PLOVER drops statements (01) and appeals (02); they are 'other'.
 *
 * Domain: the security field an act bears on; quad class and Goldstein value give its direction.
 * 1. Each root has a default (ROOT_DOMAIN). Roots 18-20 are armed_conflict.
 * 2. Within 18, the attack types the Global Terrorism Database counts as terrorism tactics are
 *    terrorism: hijacking and hostage-taking (181), non-military bombings (183x), assassination
 *    (185, 186). Torture (1822) is repression: it happens to people in custody.
 * 3. CAMEO repeats a set of instruments under appeal (02), intent (03), yield (08), demand (10),
 *    reject (12), threaten (13) and reduce relations (16). Where the instrument is a security field,
 *    the code goes to that field whatever the verb, so that promising to ease sanctions lands beside
 *    the sanctions: economic sanctions, humanitarian aid, military cooperation and aid, military
 *    de-escalation (armed_conflict), administrative restrictions (repression) and popular dissent (unrest).
 * 4. Talks and agreements are not moved out of the conflict roots: rejecting or halting talks stays
 *    diplomatic_friction, since for dialogue the direction is the signal. Appeals and intents to talk
 *    or mediate (026, 028, 036, 038, 039) are dialogue; the appeal to settle a dispute (027) is
 *    agreement, like the intent to settle (037) and signing a formal agreement (057).
 * 5. Left at the root default on purpose: peacekeeping and military protection (third-party conflict
 *    management, not a party's strength), release of persons, political reform, accusations and
 *    investigations (about past acts), and 105-108, whose meaning differs between GDELT's and
 *    ICEWS's labels.
 */

const ROOT_PLOVER: Readonly<Record<string, PloverType>> = {
  '01': 'other',
  '02': 'other',
  '03': 'agree',
  '04': 'consult',
  '05': 'support',
  '06': 'cooperate',
  '07': 'aid',
  '08': 'concede',
  '09': 'accuse',
  '10': 'request',
  '11': 'accuse',
  '12': 'reject',
  '13': 'threaten',
  '14': 'protest',
  '15': 'mobilize',
  '16': 'sanction',
  '17': 'coerce',
  '18': 'assault',
  '19': 'assault',
  '20': 'assault',
};

/** Codes, or three-digit codes with their children, whose PLOVER type is not their root's. */
const PLOVER_EXCEPTIONS: Readonly<Record<string, PloverType>> = {
  '0813': 'retreat',
  '0814': 'retreat',
  '084': 'retreat',
  '085': 'retreat',
  '086': 'retreat',
  '087': 'retreat',
  '163': 'coerce',
  '1712': 'assault',
  '175': 'assault',
  '191': 'coerce',
  '192': 'coerce',
};

const ROOT_DOMAIN: Readonly<Record<string, SecurityDomain>> = {
  '01': 'none',
  '02': 'none',
  '03': 'agreement',
  '04': 'dialogue',
  '05': 'dialogue',
  '06': 'agreement',
  '07': 'aid',
  '08': 'agreement',
  '09': 'diplomatic_friction',
  '10': 'diplomatic_friction',
  '11': 'diplomatic_friction',
  '12': 'diplomatic_friction',
  '13': 'diplomatic_friction',
  '14': 'unrest',
  '15': 'military_pressure',
  '16': 'diplomatic_friction',
  '17': 'repression',
  '18': 'armed_conflict',
  '19': 'armed_conflict',
  '20': 'armed_conflict',
};

/** Codes, or three-digit codes with their children, that leave their root's domain (rules 2-4). */
const DOMAIN_EXCEPTIONS: readonly (readonly [SecurityDomain, readonly string[]])[] = [
  ['terrorism', ['181', '183', '185', '186']],
  ['repression', ['1822', '0251', '0351', '081', '1051', '1241', '132', '137']],
  ['unrest', ['0252', '0352', '082', '1052', '1242', '133']],
  ['economic_coercion', ['0254', '0354', '085', '1054', '1244', '1312', '163']],
  ['humanitarian', ['0233', '0333', '073', '0863', '1033', '1223', '1623', '1663']],
  [
    'military_pressure',
    ['0212', '0232', '0312', '0332', '062', '072', '1012', '1032', '1212', '1222', '1622', '138'],
  ],
  ['armed_conflict', ['0256', '0356', '087', '1056', '1246']],
  ['dialogue', ['026', '028', '036', '038', '039']],
  ['agreement', ['027', '057']],
];

const DOMAIN_BY_CODE = new Map(DOMAIN_EXCEPTIONS.flatMap(([domain, codes]) => codes.map((c) => [c, domain])));

/** An exception for the code itself, else for its three-digit parent, else the root's value. */
function lookup<T>(
  code: string,
  exceptions: (key: string) => T | undefined,
  roots: Readonly<Record<string, T>>,
) {
  return (
    exceptions(code) ??
    (code.length === 4 ? exceptions(code.slice(0, 3)) : undefined) ??
    roots[code.slice(0, 2)]
  );
}

export function ploverOf(code: string): PloverType {
  return lookup(code, (key) => PLOVER_EXCEPTIONS[key], ROOT_PLOVER) ?? 'other';
}

export function domainOf(code: string): SecurityDomain {
  return lookup(code, (key) => DOMAIN_BY_CODE.get(key), ROOT_DOMAIN) ?? 'none';
}
