import type { CanonicalCategory } from './categories.ts';

/*
 * CAMEO (GDELT, ICEWS) → canonical category. A code takes its own entry in BY_CODE, else its
 * three-digit base's, else its root's (BY_ROOT). The rules:
 *
 * 1. Each root has one category: 01 statement; 02 appeals, 09 investigate, 10 demand, 11 disapprove,
 *    12 reject → demand_accuse; 03 intent to cooperate, 08 yield (concessions, releases, ceasefires)
 *    → agreement; 04 consult; 05 diplomatic and 06 material cooperation → cooperation; 07 aid;
 *    13 threat; 14 protest; 15 military_posture; 16 sanctions; 17 repression; 18 assault and
 *    20 mass violence → violence_against_civilians; 19 fight → armed_clash.
 * 2. The category says what was done, the domain (cameo/mapping.ts) what it was about: an appeal
 *    for aid (023x) is a demand, a threat of force (138x) a threat, a ceasefire (0871) an agreement,
 *    whatever their subject. So appeals to meet or mediate (026, 028) stay demand_accuse.
 * 3. Exceptions where the act itself belongs elsewhere:
 *    - intent to meet, accept mediation or mediate (036, 038, 039) is consult, as 04x;
 *    - signing a formal agreement (057) is agreement, not diplomatic cooperation;
 *    - protesting violently, rioting (145x) is riot;
 *    - non-military bombings (183x: suicide, car, roadside) are remote_violence, as ACLED's IEDs and
 *      suicide bombs; the rest of 18 (abduction, assault, torture, assassination, human shields)
 *      targets people directly and stays violence_against_civilians;
 *    - fighting with artillery and tanks (194) and aerial weapons (195x) is remote_violence; the
 *      rest of 19 (unspecified force, small arms, blockade, occupation, ceasefire violations) is
 *      armed_clash, as ACLED counts territorial takeovers among battles;
 *    - halting negotiations or mediation (164, 165) is demand_accuse, beside rejecting talks or
 *      mediation (125, 126): a refusal of dialogue, not a cost imposed. The rest of 16 stays
 *      sanctions, diplomatic downgrades (161) and expulsions (166x) included: like embargoes and
 *      cuts in aid (162x), they withdraw something the target had (PLOVER's SANCTION, too).
 * 4. Mass violence (20x), WMD use included, is violence_against_civilians: CAMEO's 20 is what
 *    ACLED and UCDP call one-sided violence. Coercion (17x), violent repression and destruction of
 *    property (175, 1712) included, is repression: the state acting on its own population.
 *
 * No CAMEO code maps to 'other'. Codes GDELT's table lacks (1213, 1214, 1951, 1952) still map.
 */

const BY_CODE: Readonly<Record<string, CanonicalCategory>> = {
  '036': 'consult', // express intent to meet or negotiate
  '038': 'consult', // express intent to accept mediation
  '039': 'consult', // express intent to mediate
  '057': 'agreement', // sign formal agreement
  '145': 'riot', // protest violently, riot
  '164': 'demand_accuse', // halt negotiations
  '165': 'demand_accuse', // halt mediation
  '183': 'remote_violence', // suicide, car or other non-military bombing
  '194': 'remote_violence', // fight with artillery and tanks
  '195': 'remote_violence', // employ aerial weapons
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

/** The canonical category of a CAMEO code ('0211', '19', '1951'); undefined if it is not one. */
export function canonicalCategoryOfCameo(code: string): CanonicalCategory | undefined {
  if (!/^\d{2,4}$/.test(code)) return undefined;
  return BY_CODE[code] ?? BY_CODE[code.slice(0, 3)] ?? BY_ROOT[code.slice(0, 2)];
}
