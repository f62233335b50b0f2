import { z } from 'zod';

/**
 * peacebell's canonical event categories: one vocabulary for CAMEO (GDELT, ICEWS), ACLED and UCDP,
 * in the terms analysts use. Each source's mapping is in this folder and summed up in
 * docs/typology.md.
 */
export const CanonicalCategory = z.enum([
  'armed_clash',
  'remote_violence',
  'violence_against_civilians',
  'protest',
  'riot',
  'repression',
  'threat',
  'military_posture',
  'sanctions',
  'demand_accuse',
  'consult',
  'agreement',
  'aid',
  'cooperation',
  'statement',
  'other',
]);
export type CanonicalCategory = z.infer<typeof CanonicalCategory>;

/** The quadrant a category falls in: cooperation or conflict, in words or in deeds. */
export type CategoryQuad =
  'verbal cooperation' | 'material cooperation' | 'verbal conflict' | 'material conflict';

export const CANONICAL_CATEGORIES: readonly {
  id: CanonicalCategory;
  title: string;
  /** null only for `other`, which holds events of any kind. */
  quad: CategoryQuad | null;
  description: string;
}[] = [
  {
    id: 'armed_clash',
    title: 'Armed clash',
    quad: 'material conflict',
    description:
      'Fighting between armed, organised groups, blockades and occupation (CAMEO 19x but 194, 195; ACLED battles; UCDP state-based and non-state violence).',
  },
  {
    id: 'remote_violence',
    title: 'Remote violence',
    quad: 'material conflict',
    description:
      'Attacks from a distance: shelling, air and drone strikes, bombs, mines (CAMEO 183x, 194, 195x; ACLED explosions/remote violence).',
  },
  {
    id: 'violence_against_civilians',
    title: 'Violence against civilians',
    quad: 'material conflict',
    description:
      'Attacks on unarmed people, abductions, assassinations, mass violence, looting (CAMEO 18x but 183x, 20x; ACLED violence against civilians, looting/property destruction; UCDP one-sided violence).',
  },
  {
    id: 'protest',
    title: 'Protest',
    quad: 'verbal conflict',
    description:
      'Demonstrations, hunger strikes, strikes and boycotts, blockades by the public (CAMEO 14x but 145x; ACLED protests).',
  },
  {
    id: 'riot',
    title: 'Riot',
    quad: 'material conflict',
    description: 'Violent demonstrations and mob violence (CAMEO 145x; ACLED riots).',
  },
  {
    id: 'repression',
    title: 'Coercion and repression',
    quad: 'material conflict',
    description:
      'Arrests, restrictions, curfews, seizures, deportations, violent repression (CAMEO 17x; ACLED arrests, excessive force against protesters).',
  },
  {
    id: 'threat',
    title: 'Threat',
    quad: 'verbal conflict',
    description: 'Threats of sanctions, repression or force, and ultimatums (CAMEO 13x).',
  },
  {
    id: 'military_posture',
    title: 'Military posture',
    quad: 'material conflict',
    description:
      'Alerts, mobilisation, new bases, weapons seized or defused (CAMEO 15x; ACLED headquarters or base established, disrupted weapons use).',
  },
  {
    id: 'sanctions',
    title: 'Sanctions and embargoes',
    quad: 'material conflict',
    description:
      'Sanctions, embargoes and boycotts, and costs imposed by cutting ties: aid, diplomatic relations, expulsions (CAMEO 16x but 164, 165).',
  },
  {
    id: 'demand_accuse',
    title: 'Demand, accuse, reject',
    quad: 'verbal conflict',
    description:
      'Appeals, demands, accusations, disapproval, rejection, halted talks, investigations (CAMEO 02x, 09x-12x, 164, 165).',
  },
  {
    id: 'consult',
    title: 'Consult and negotiate',
    quad: 'verbal cooperation',
    description: 'Meetings, visits, negotiation, mediation, and the intent to (CAMEO 04x, 036, 038, 039).',
  },
  {
    id: 'agreement',
    title: 'Agreement',
    quad: 'verbal cooperation',
    description:
      'Agreements, intent to agree, concessions and ceasefires (CAMEO 03x but 036, 038, 039; 057; 08x; ACLED agreements).',
  },
  {
    id: 'aid',
    title: 'Aid',
    quad: 'material cooperation',
    description: 'Economic, military and humanitarian aid, protection and asylum (CAMEO 07x).',
  },
  {
    id: 'cooperation',
    title: 'Other cooperation',
    quad: 'material cooperation',
    description:
      'Diplomatic and material cooperation, praise, recognition, apology (CAMEO 05x but 057, 06x).',
  },
  {
    id: 'statement',
    title: 'Statement',
    quad: 'verbal cooperation',
    description: 'Public statements and comments (CAMEO 01x, which GDELT counts as verbal cooperation).',
  },
  {
    id: 'other',
    title: 'Other',
    quad: null,
    description:
      'Events no category above fits (ACLED changes to a group or its activity, non-violent transfers of territory, other strategic developments).',
  },
];

/** Security domains for the comprehensive-security view: which field of security an event bears on. */
export const SecurityDomain = z.enum([
  'armed_conflict',
  'military_pressure',
  'terrorism',
  'unrest',
  'repression',
  'dialogue',
  'agreement',
  'economic_coercion',
  'aid',
  'humanitarian',
  'diplomatic_friction',
  'none',
]);
export type SecurityDomain = z.infer<typeof SecurityDomain>;

export const SECURITY_DOMAINS: readonly { id: SecurityDomain; title: string; description: string }[] = [
  {
    id: 'armed_conflict',
    title: 'Armed conflict',
    description: 'Fighting, attacks and mass violence, and the ceasefires and de-escalation that end them',
  },
  {
    id: 'military_pressure',
    title: 'Military pressure',
    description: 'Force posture, mobilisation, threats of force, military cooperation and military aid',
  },
  {
    id: 'terrorism',
    title: 'Terrorism',
    description: 'Bombings, hijacking and hostage-taking, assassinations',
  },
  {
    id: 'unrest',
    title: 'Unrest',
    description: 'Demonstrations, strikes, blockades and riots, and calls to start or stop them',
  },
  {
    id: 'repression',
    title: 'Repression',
    description:
      'Arrests, restrictions on freedoms, curfews, states of emergency, violent repression, torture',
  },
  {
    id: 'dialogue',
    title: 'Dialogue',
    description: 'Consultations, visits, negotiation, mediation and diplomatic cooperation',
  },
  {
    id: 'agreement',
    title: 'Agreement',
    description: 'Pledges to cooperate, formal agreements, concessions and cooperation carried out',
  },
  {
    id: 'economic_coercion',
    title: 'Economic coercion',
    description: 'Sanctions, embargoes and boycotts: imposed, threatened, demanded, eased or refused',
  },
  {
    id: 'aid',
    title: 'Aid',
    description: 'Economic aid, peacekeeping, military protection and asylum',
  },
  {
    id: 'humanitarian',
    title: 'Humanitarian',
    description: 'Humanitarian aid and access: requested, pledged, given, allowed, refused or cut',
  },
  {
    id: 'diplomatic_friction',
    title: 'Diplomatic friction',
    description: 'Demands, investigations, criticism and accusations, rejections, reduced relations',
  },
  {
    id: 'none',
    title: 'None',
    description: 'Statements and appeals with no security subject, and events of no one field',
  },
];

/** What a source's code maps to: a category and a domain. */
export interface Classification {
  category: CanonicalCategory;
  domain: SecurityDomain;
}
