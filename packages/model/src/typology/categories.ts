import { z } from 'zod';

/**
 * peacebell's canonical event categories: one vocabulary for CAMEO (GDELT, ICEWS), ACLED and UCDP,
 * in the terms analysts use. The mapping of each source is in docs/typology.md.
 */
export const CanonicalCategory = z.enum([
  'armed_clash',
  'remote_violence',
  'violence_against_civilians',
  'riot',
  'protest',
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

type Quad = 'verbal cooperation' | 'material cooperation' | 'verbal conflict' | 'material conflict' | 'none';

export const CANONICAL_CATEGORIES: readonly {
  id: CanonicalCategory;
  title: string;
  quad: Quad;
  description: string;
}[] = [
  {
    id: 'armed_clash',
    title: 'Armed clash',
    quad: 'material conflict',
    description:
      'Fighting between armed, organised groups (CAMEO 19x; ACLED battles; UCDP state-based and non-state violence).',
  },
  {
    id: 'remote_violence',
    title: 'Remote violence',
    quad: 'material conflict',
    description:
      'Attacks from a distance: shelling, air and drone strikes, bombs, mines (CAMEO 183x, 194, 195; ACLED explosions/remote violence).',
  },
  {
    id: 'violence_against_civilians',
    title: 'Violence against civilians',
    quad: 'material conflict',
    description:
      'Attacks on unarmed people, abductions, mass violence (CAMEO 18x, 20x; ACLED violence against civilians; UCDP one-sided violence).',
  },
  {
    id: 'riot',
    title: 'Riot',
    quad: 'material conflict',
    description: 'Violent demonstrations and mob violence (CAMEO 145x; ACLED riots).',
  },
  {
    id: 'protest',
    title: 'Protest',
    quad: 'verbal conflict',
    description: 'Demonstrations, strikes, boycotts by the public (CAMEO 14x; ACLED protests).',
  },
  {
    id: 'repression',
    title: 'Coercion and repression',
    quad: 'material conflict',
    description: 'Arrests, restrictions, seizures, crackdowns (CAMEO 17x; ACLED arrests).',
  },
  { id: 'threat', title: 'Threat', quad: 'verbal conflict', description: 'Threats, ultimatums (CAMEO 13x).' },
  {
    id: 'military_posture',
    title: 'Military posture',
    quad: 'material conflict',
    description:
      'Mobilisation, exercises, deployments, new bases (CAMEO 15x; ACLED headquarters established, disrupted weapons use).',
  },
  {
    id: 'sanctions',
    title: 'Sanctions and embargoes',
    quad: 'material conflict',
    description: 'Sanctions, embargoes, boycotts and cutting ties (CAMEO 16x).',
  },
  {
    id: 'demand_accuse',
    title: 'Demand, accuse, reject',
    quad: 'verbal conflict',
    description: 'Appeals, demands, accusations, disapproval, rejection, investigations (CAMEO 02, 09-12).',
  },
  {
    id: 'consult',
    title: 'Consult and negotiate',
    quad: 'verbal cooperation',
    description: 'Meetings, visits, negotiation, mediation (CAMEO 04x, 036, 038, 039).',
  },
  {
    id: 'agreement',
    title: 'Agreement',
    quad: 'verbal cooperation',
    description:
      'Agreements, intent to agree, concessions and ceasefires (CAMEO 03x, 057, 08x; ACLED agreements).',
  },
  {
    id: 'aid',
    title: 'Aid',
    quad: 'material cooperation',
    description: 'Economic, military, humanitarian aid and protection (CAMEO 07x).',
  },
  {
    id: 'cooperation',
    title: 'Other cooperation',
    quad: 'material cooperation',
    description: 'Diplomatic and material cooperation, praise, recognition (CAMEO 05x, 06x).',
  },
  {
    id: 'statement',
    title: 'Statement',
    quad: 'none',
    description: 'Public statements and comments (CAMEO 01x).',
  },
  {
    id: 'other',
    title: 'Other',
    quad: 'none',
    description:
      'Events no category above fits (ACLED changes to a group, non-violent transfers of territory).',
  },
];
