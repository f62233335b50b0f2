import type { CanonicalCategory, SecurityDomain, Classification } from './categories.ts';

const t = (category: CanonicalCategory, domain: SecurityDomain): Classification => ({ category, domain });

/*
 * ACLED → canonical category and domain. The sub-event type decides when there is one (each belongs
 * to one event type); the event type otherwise. The rules:
 *
 * 1. Battles are armed_clash, explosions/remote violence remote_violence, violence against civilians
 *    violence_against_civilians, all armed_conflict. Suicide bombs and remote explosives, landmines
 *    and IEDs are terrorism: the tactics terrorism datasets count, as CAMEO's non-military bombings
 *    (183x) are.
 * 2. Protests are protest, riots riot, both unrest; but excessive force against protesters is
 *    repression / repression: the state's violence is the event, whatever the protest was.
 * 3. Strategic developments are sorted by sub-event type: agreements agreement; arrests repression;
 *    bases and disrupted weapons use (seized or defused arms) military_posture / military_pressure;
 *    looting and property destruction violence_against_civilians / armed_conflict; non-violent
 *    transfers of territory other / armed_conflict (a conflict's front moved); changes to a group or
 *    its activity, and 'Other', other / none.
 * 4. The older layouts (2016 and before) have no sub-event types: 'Riots/Protests' is protest (it
 *    mixes both; riots cannot be told apart), the three 'Battle-*' types armed_clash, and the two
 *    strategic developments that were event types of their own ('Headquarters or base established',
 *    'Non-violent transfer of territory') map as their later sub-event types.
 *
 * Spellings are exact, as the files write them; anything else is unknown (undefined), so the
 * importer sets the row aside rather than guessing.
 */
const CURRENT: Readonly<
  Record<string, { type: Classification; subTypes: Readonly<Record<string, Classification>> }>
> = {
  Battles: {
    type: t('armed_clash', 'armed_conflict'),
    subTypes: {
      'Armed clash': t('armed_clash', 'armed_conflict'),
      'Government regains territory': t('armed_clash', 'armed_conflict'),
      'Non-state actor overtakes territory': t('armed_clash', 'armed_conflict'),
    },
  },
  'Explosions/Remote violence': {
    type: t('remote_violence', 'armed_conflict'),
    subTypes: {
      'Chemical weapon': t('remote_violence', 'armed_conflict'),
      'Air/drone strike': t('remote_violence', 'armed_conflict'),
      'Suicide bomb': t('remote_violence', 'terrorism'),
      'Shelling/artillery/missile attack': t('remote_violence', 'armed_conflict'),
      'Remote explosive/landmine/IED': t('remote_violence', 'terrorism'),
      Grenade: t('remote_violence', 'armed_conflict'),
    },
  },
  'Violence against civilians': {
    type: t('violence_against_civilians', 'armed_conflict'),
    subTypes: {
      'Sexual violence': t('violence_against_civilians', 'armed_conflict'),
      Attack: t('violence_against_civilians', 'armed_conflict'),
      'Abduction/forced disappearance': t('violence_against_civilians', 'armed_conflict'),
    },
  },
  Protests: {
    type: t('protest', 'unrest'),
    subTypes: {
      'Peaceful protest': t('protest', 'unrest'),
      'Protest with intervention': t('protest', 'unrest'),
      'Excessive force against protesters': t('repression', 'repression'),
    },
  },
  Riots: {
    type: t('riot', 'unrest'),
    subTypes: {
      'Violent demonstration': t('riot', 'unrest'),
      'Mob violence': t('riot', 'unrest'),
    },
  },
  'Strategic developments': {
    type: t('other', 'none'),
    subTypes: {
      Agreement: t('agreement', 'agreement'),
      Arrests: t('repression', 'repression'),
      'Change to group/activity': t('other', 'none'),
      'Disrupted weapons use': t('military_posture', 'military_pressure'),
      'Headquarters or base established': t('military_posture', 'military_pressure'),
      'Looting/property destruction': t('violence_against_civilians', 'armed_conflict'),
      'Non-violent transfer of territory': t('other', 'armed_conflict'),
      Other: t('other', 'none'),
    },
  },
};

/**
 * The other event types of the layouts before sub-event types (2016 and earlier); they also had
 * 'Violence against civilians', spelled as today.
 */
const OLDER: Readonly<Record<string, Classification>> = {
  'Battle-No change of territory': t('armed_clash', 'armed_conflict'),
  'Battle-Government regains territory': t('armed_clash', 'armed_conflict'),
  'Battle-Non-state actor overtakes territory': t('armed_clash', 'armed_conflict'),
  'Remote violence': t('remote_violence', 'armed_conflict'),
  'Riots/Protests': t('protest', 'unrest'),
  'Strategic development': t('other', 'none'),
  'Headquarters or base established': t('military_posture', 'military_pressure'),
  'Non-violent transfer of territory': t('other', 'armed_conflict'),
};

const EVENT_TYPES: ReadonlyMap<string, Classification> = new Map([
  ...Object.entries(CURRENT).map(([name, { type }]) => [name, type] as const),
  ...Object.entries(OLDER),
]);

const SUB_EVENT_TYPES: ReadonlyMap<string, Classification> = new Map(
  Object.values(CURRENT).flatMap(({ subTypes }) => Object.entries(subTypes)),
);

/** Every event type spelling known: the current layout's, then the older layouts' others. */
export const ACLED_EVENT_TYPES: readonly string[] = [...EVENT_TYPES.keys()];

/** Every sub-event type known (current layout only). */
export const ACLED_SUB_EVENT_TYPES: readonly string[] = [...SUB_EVENT_TYPES.keys()];

const PARENTS: ReadonlyMap<string, string> = new Map(
  Object.entries(CURRENT).flatMap(([name, { subTypes }]) => Object.keys(subTypes).map((s) => [s, name])),
);

/** The event type a sub-event type belongs to: acledEventTypeOf('Arrests') is 'Strategic developments'. */
export function acledEventTypeOf(subEventType: string): string | undefined {
  return PARENTS.get(subEventType);
}

/**
 * The category and domain of an ACLED event: by its sub-event type when it has one, else by its
 * event type; undefined for a type not known.
 */
export function acledCategory(eventType: string, subEventType?: string | null): Classification | undefined {
  if (subEventType) return SUB_EVENT_TYPES.get(subEventType);
  return EVENT_TYPES.get(eventType);
}
