import type { SecurityDomain } from '../cameo/categories.ts';
import type { CanonicalCategory } from './categories.ts';

interface Mapped {
  category: CanonicalCategory;
  domain: SecurityDomain;
}
const m = (category: CanonicalCategory, domain: SecurityDomain): Mapped => ({ category, domain });

/**
 * ACLED's event types: the current ones (2019 onwards, with sub-event types) and the older
 * spellings of the pre-2019 files, which had no sub-event types.
 */
const EVENT_TYPES: Readonly<Record<string, Mapped>> = {
  Battles: m('armed_clash', 'armed_conflict'),
  'Explosions/Remote violence': m('remote_violence', 'armed_conflict'),
  'Violence against civilians': m('violence_against_civilians', 'armed_conflict'),
  Protests: m('protest', 'unrest'),
  Riots: m('riot', 'unrest'),
  'Strategic developments': m('other', 'none'),
  // pre-2019 layouts
  'Battle-No change of territory': m('armed_clash', 'armed_conflict'),
  'Battle-Government regains territory': m('armed_clash', 'armed_conflict'),
  'Battle-Non-state actor overtakes territory': m('armed_clash', 'armed_conflict'),
  'Remote violence': m('remote_violence', 'armed_conflict'),
  'Riots/Protests': m('protest', 'unrest'),
  'Strategic development': m('other', 'none'),
  'Headquarters or base established': m('military_posture', 'military_pressure'),
  'Non-violent transfer of territory': m('other', 'armed_conflict'),
};

/** Sub-event types refine their event type; each belongs to one event type. */
const SUB_EVENT_TYPES: Readonly<Record<string, Mapped>> = {
  'Armed clash': m('armed_clash', 'armed_conflict'),
  'Government regains territory': m('armed_clash', 'armed_conflict'),
  'Non-state actor overtakes territory': m('armed_clash', 'armed_conflict'),
  'Chemical weapon': m('remote_violence', 'armed_conflict'),
  'Air/drone strike': m('remote_violence', 'armed_conflict'),
  // the tactics terrorism datasets count
  'Suicide bomb': m('remote_violence', 'terrorism'),
  'Shelling/artillery/missile attack': m('remote_violence', 'armed_conflict'),
  'Remote explosive/landmine/IED': m('remote_violence', 'terrorism'),
  Grenade: m('remote_violence', 'armed_conflict'),
  'Sexual violence': m('violence_against_civilians', 'armed_conflict'),
  Attack: m('violence_against_civilians', 'armed_conflict'),
  'Abduction/forced disappearance': m('violence_against_civilians', 'armed_conflict'),
  'Peaceful protest': m('protest', 'unrest'),
  'Protest with intervention': m('protest', 'unrest'),
  // the state's force against protesters is repression, whatever the protest was
  'Excessive force against protesters': m('repression', 'repression'),
  'Violent demonstration': m('riot', 'unrest'),
  'Mob violence': m('riot', 'unrest'),
  Agreement: m('agreement', 'agreement'),
  Arrests: m('repression', 'repression'),
  'Change to group/activity': m('other', 'none'),
  'Disrupted weapons use': m('military_posture', 'military_pressure'),
  'Headquarters or base established': m('military_posture', 'military_pressure'),
  'Looting/property destruction': m('violence_against_civilians', 'armed_conflict'),
  'Non-violent transfer of territory': m('other', 'armed_conflict'),
  Other: m('other', 'none'),
};

export const ACLED_EVENT_TYPES: readonly string[] = Object.keys(EVENT_TYPES);
export const ACLED_SUB_EVENT_TYPES: readonly string[] = Object.keys(SUB_EVENT_TYPES);

/** The category and domain of an ACLED event: by its sub-event type when it has one; undefined if unknown. */
export function acledCategory(eventType: string, subEventType?: string | null): Mapped | undefined {
  if (subEventType) return SUB_EVENT_TYPES[subEventType];
  return EVENT_TYPES[eventType];
}
