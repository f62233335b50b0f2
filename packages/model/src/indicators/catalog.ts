import { CANONICAL_CATEGORIES, SECURITY_DOMAINS, type CanonicalCategory } from '../typology/categories.ts';
import type { Indicator, RowFilter } from './definition.ts';

const count = (where?: RowFilter) => ({ sum: 'events' as const, ...(where ? { where } : {}) });

/** Categories where one party acts against another, in words or deeds (quad classes 3 and 4). */
export const CONFLICT_CATEGORIES: readonly CanonicalCategory[] = CANONICAL_CATEGORIES.filter(
  (c) => c.quad === 'verbal conflict' || c.quad === 'material conflict',
).map((c) => c.id);

/** Uses of force: fighting, attacks from a distance and attacks on civilians. */
export const FORCE_CATEGORIES: readonly CanonicalCategory[] = [
  'armed_clash',
  'remote_violence',
  'violence_against_civilians',
];

/** The tracks behind a relation, in the order people read them: talk, agree, help, press, threaten, strike. */
export const TRACKS = [
  { id: 'dialogue', title: 'Dialogue', categories: ['consult'] },
  { id: 'agreements', title: 'Agreements', categories: ['agreement'] },
  { id: 'aid', title: 'Aid', categories: ['aid'] },
  { id: 'sanctions', title: 'Sanctions and embargoes', categories: ['sanctions'] },
  { id: 'threats', title: 'Threats', categories: ['threat'] },
  { id: 'force', title: 'Uses of force', categories: FORCE_CATEGORIES },
] as const satisfies readonly { id: string; title: string; categories: readonly CanonicalCategory[] }[];

const QUADS = [
  [1, 'verbal_cooperation', 'Verbal cooperation'],
  [2, 'material_cooperation', 'Material cooperation'],
  [3, 'verbal_conflict', 'Verbal conflict'],
  [4, 'material_conflict', 'Material conflict'],
] as const;

const FATALITY_SOURCES = [
  ['acled', 'ACLED', ['best']],
  ['ucdp', 'UCDP GED', ['best', 'low', 'high']],
] as const;

const headline: Indicator[] = [
  {
    id: 'events',
    title: 'Events',
    description: 'All events, every source and category.',
    unit: 'events',
    kind: 'count',
    definition: count(),
    group: 'activity',
  },
  {
    id: 'conflict_share',
    title: 'Conflict share',
    description:
      'Events in conflict categories (verbal or material conflict) as a share of all events. GDELT volume swings with the news; the share does not.',
    unit: 'share of events (0-1)',
    kind: 'share',
    definition: { ratio: [count({ categories: CONFLICT_CATEGORIES }), count()] },
    group: 'activity',
  },
  {
    id: 'goldstein',
    title: 'Goldstein (weighted mean)',
    description:
      'Mean Goldstein value (-10 most conflictual, +10 most cooperative), each event weighted by the number of sources reporting it. CAMEO sources only.',
    unit: 'Goldstein scale (-10..10)',
    kind: 'mean',
    definition: { ratio: [{ sum: 'gs_sum' }, { sum: 'gs_weight' }] },
    group: 'tone',
  },
  {
    id: 'tone',
    title: 'Average tone',
    description:
      'Mean of the events’ average tone (GDELT: -100 most negative, +100 most positive; usually -10..10).',
    unit: 'tone',
    kind: 'mean',
    definition: { ratio: [{ sum: 'tone_sum' }, { sum: 'tone_n' }] },
    group: 'tone',
  },
  {
    id: 'sources',
    title: 'Distinct sources',
    description: 'How many of the datasets (GDELT, ACLED, UCDP, ICEWS) report events here.',
    unit: 'datasets',
    kind: 'count',
    definition: { distinctSources: {} },
    group: 'activity',
  },
  {
    id: 'reports',
    title: 'Source reports',
    description: 'Events weighted by the number of sources reporting each (GDELT NumSources; 1 elsewhere).',
    unit: 'source reports',
    kind: 'sum',
    definition: { sum: 'weight' },
    group: 'activity',
  },
  {
    id: 'mentions',
    title: 'Mentions',
    description: 'Mentions of the events in the news (GDELT NumMentions).',
    unit: 'mentions',
    kind: 'sum',
    definition: { sum: 'mentions' },
    group: 'activity',
  },
  ...TRACKS.map((t): Indicator => ({
    id: t.id,
    title: t.title,
    description: `Events in the categories ${t.categories.join(', ')} (docs/typology.md).`,
    unit: 'events',
    kind: 'count',
    definition: count({ categories: t.categories }),
    group: 'tracks',
  })),
];

const fatalities: Indicator[] = FATALITY_SOURCES.flatMap(([source, name, estimates]) =>
  estimates.map((estimate): Indicator => ({
    id: `fatalities_${source}_${estimate}`,
    title: `Fatalities, ${name} (${estimate})`,
    description: `Sum of ${name}'s ${estimate} fatality estimates of its events.`,
    unit: 'deaths',
    kind: 'sum',
    definition: { sum: `fat_${estimate}`, where: { sources: [source] } },
    group: 'fatalities',
  })),
);

const byCategory: Indicator[] = CANONICAL_CATEGORIES.map((c) => ({
  id: `category_${c.id}`,
  title: c.title,
  description: c.description,
  unit: 'events',
  kind: 'count',
  definition: count({ categories: [c.id] }),
  group: 'category',
}));

const byQuad: Indicator[] = QUADS.map(([quad, id, title]) => ({
  id: `quad_${id}`,
  title,
  description: `Events of CAMEO quad class ${quad} (${title.toLowerCase()}); CAMEO sources only.`,
  unit: 'events',
  kind: 'count',
  definition: count({ quadClasses: [quad] }),
  group: 'quad class',
}));

const byDomain: Indicator[] = SECURITY_DOMAINS.map((d) => ({
  id: `domain_${d.id}`,
  title: d.title,
  description: d.description,
  unit: 'events',
  kind: 'count',
  definition: count({ domains: [d.id] }),
  group: 'domain',
}));

/** Every indicator peacebell computes, declared once; the API, CLI and dashboard read this list. */
export const INDICATORS: readonly Indicator[] = [
  ...headline,
  ...fatalities,
  ...byCategory,
  ...byQuad,
  ...byDomain,
];

/** The indicators shown when none are asked for. */
export const DEFAULT_INDICATORS: readonly string[] = [
  'events',
  'conflict_share',
  'goldstein',
  'tone',
  'sources',
  ...TRACKS.map((t) => t.id),
  'fatalities_acled_best',
  'fatalities_ucdp_best',
];

const byId = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorById(id: string): Indicator | undefined {
  return byId.get(id);
}
