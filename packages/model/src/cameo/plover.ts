import { z } from 'zod';

/**
 * PLOVER's 16 event types (the successor standard to CAMEO), kept on every CAMEO code for users who
 * work in PLOVER; 'other' holds what PLOVER does not code (CAMEO 01, 02). peacebell's own
 * canonical categories are in typology/.
 */
export const PloverType = z.enum([
  'agree',
  'consult',
  'support',
  'concede',
  'cooperate',
  'aid',
  'retreat',
  'request',
  'accuse',
  'reject',
  'threaten',
  'protest',
  'sanction',
  'mobilize',
  'coerce',
  'assault',
  'other',
]);
export type PloverType = z.infer<typeof PloverType>;

export const PLOVER_TYPES: readonly { id: PloverType; title: string; description: string }[] = [
  {
    id: 'agree',
    title: 'Agree',
    description: 'Agree to, offer or promise cooperation, including promises to sign agreements (CAMEO 03)',
  },
  {
    id: 'consult',
    title: 'Consult',
    description: 'Meetings, visits, calls, negotiation and mediation (CAMEO 04)',
  },
  {
    id: 'support',
    title: 'Support',
    description:
      'Diplomatic, non-material support: praise, recognition, apology, signing agreements (CAMEO 05)',
  },
  {
    id: 'concede',
    title: 'Concede',
    description:
      'Verbal concessions: ease restrictions or dissent, accede to demands for reform (CAMEO 080-083 except 0813, 0814)',
  },
  {
    id: 'cooperate',
    title: 'Cooperate',
    description: 'Mutual material cooperation: economic, military, judicial, intelligence (CAMEO 06)',
  },
  {
    id: 'aid',
    title: 'Aid',
    description:
      'Material aid that benefits the recipient: economic, military, humanitarian, asylum (CAMEO 07)',
  },
  {
    id: 'retreat',
    title: 'Retreat',
    description:
      'Concessions with material effect: release, ease sanctions, allow access, ceasefire, withdraw (CAMEO 084-087, 0813, 0814)',
  },
  {
    id: 'request',
    title: 'Request',
    description: 'Demands and orders (CAMEO 10)',
  },
  {
    id: 'accuse',
    title: 'Accuse',
    description: 'Investigate, criticise, accuse, sue or find guilty (CAMEO 09, 11)',
  },
  {
    id: 'reject',
    title: 'Reject',
    description: 'Reject proposals, demands or cooperation; refuse to yield; defy norms; veto (CAMEO 12)',
  },
  {
    id: 'threaten',
    title: 'Threaten',
    description: 'Threats of sanctions, restrictions, protest or force, and ultimatums (CAMEO 13)',
  },
  {
    id: 'protest',
    title: 'Protest',
    description: 'Demonstrations, hunger strikes, strikes and boycotts, blockades, riots (CAMEO 14)',
  },
  {
    id: 'sanction',
    title: 'Sanction',
    description: 'Reduce or break relations, stop aid, halt talks, expel (CAMEO 16 except 163)',
  },
  {
    id: 'mobilize',
    title: 'Mobilize',
    description: 'Raise the alert status or strength of military or police forces (CAMEO 15)',
  },
  {
    id: 'coerce',
    title: 'Coerce',
    description:
      'Seize property, restrict freedoms, arrest, deport; embargo; blockade, occupy (CAMEO 17 except 1712 and 175; 163, 191, 192)',
  },
  {
    id: 'assault',
    title: 'Assault',
    description:
      'Violence: attacks, bombings, killings, fighting, mass violence (CAMEO 18-20 except 191 and 192; 1712, 175)',
  },
  {
    id: 'other',
    title: 'Other',
    description: 'Public statements and appeals, which PLOVER does not code (CAMEO 01, 02)',
  },
];
