import { z } from 'zod';

/**
 * Threat domains beyond armed conflict, read from the themes GDELT's Global Knowledge Graph tags
 * articles with (docs/threats.md). An article belongs to every domain one of its themes maps to.
 */
export const THREAT_DOMAINS = [
  {
    id: 'armed_conflict',
    title: 'Armed conflict',
    description: 'War, insurgency, rebels, ceasefires, peacekeeping, weapons.',
  },
  {
    id: 'terrorism',
    title: 'Terrorism',
    description: 'Terrorism, named terrorist groups, violent extremism, suicide attacks.',
  },
  {
    id: 'unrest',
    title: 'Unrest',
    description: 'Protests, riots, strikes, coups, curfews and states of emergency.',
  },
  {
    id: 'crime',
    title: 'Organised crime',
    description: 'Organised crime, drug trade, trafficking, kidnapping, money laundering.',
  },
  { id: 'cyber', title: 'Cyber', description: 'Cyber attacks, hacking, data breaches, ransomware.' },
  {
    id: 'internet',
    title: 'Internet and information',
    description: 'Internet shutdowns, censorship, surveillance, disinformation and rumours.',
  },
  {
    id: 'climate_environment',
    title: 'Climate and environment',
    description: 'Climate change, pollution, deforestation, ecosystems, weather stress.',
  },
  {
    id: 'disasters',
    title: 'Disasters',
    description: 'Natural and man-made disasters: floods, storms, earthquakes, fires, hazardous materials.',
  },
  {
    id: 'food_security',
    title: 'Food and water security',
    description: 'Food insecurity, hunger, staple foods, nutrition, water security.',
  },
  {
    id: 'displacement',
    title: 'Refugees and displacement',
    description: 'Refugees, displaced people, evacuations, migration, repatriation.',
  },
  {
    id: 'health',
    title: 'Epidemics and biosecurity',
    description: 'Epidemics, pandemics, outbreaks, infectious diseases, quarantine, vaccination.',
  },
  {
    id: 'wmd',
    title: 'Nuclear and other WMD',
    description: 'Nuclear, chemical, biological and radiological weapons; proliferation.',
  },
  {
    id: 'maritime',
    title: 'Maritime and the deep sea',
    description: 'Maritime incidents, piracy, ports, navies, fisheries, the oceans.',
  },
  { id: 'polar', title: 'Polar regions', description: 'The Arctic and Antarctica.' },
  { id: 'space', title: 'Outer space', description: 'Space programmes, satellites, launches, astronauts.' },
  {
    id: 'economic_coercion',
    title: 'Economic coercion',
    description: 'Sanctions, embargoes, blockades, boycotts, confiscations, trade disputes.',
  },
] as const;

export type ThreatDomain = (typeof THREAT_DOMAINS)[number]['id'];
export const THREAT_DOMAIN_IDS = THREAT_DOMAINS.map((d) => d.id) as unknown as readonly [
  ThreatDomain,
  ...ThreatDomain[],
];
export const ThreatDomain = z.enum(THREAT_DOMAIN_IDS);
