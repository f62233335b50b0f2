import type { CanonicalCategory, SecurityDomain, Classification } from './categories.ts';

/**
 * UCDP GED's three types of organised violence (`type_of_violence`). State-based and non-state
 * conflict are fighting between organised armed groups: armed_clash. One-sided violence is an
 * organised group's violence against civilians. All three are armed_conflict: UCDP records only
 * violence by organised actors in a conflict.
 */
export const UCDP_VIOLENCE_TYPES: readonly {
  id: 1 | 2 | 3;
  title: string;
  category: CanonicalCategory;
  domain: SecurityDomain;
}[] = [
  { id: 1, title: 'State-based conflict', category: 'armed_clash', domain: 'armed_conflict' },
  { id: 2, title: 'Non-state conflict', category: 'armed_clash', domain: 'armed_conflict' },
  { id: 3, title: 'One-sided violence', category: 'violence_against_civilians', domain: 'armed_conflict' },
];

/** The category and domain of a UCDP `type_of_violence`; undefined for any other number. */
export function ucdpCategory(typeOfViolence: number): Classification | undefined {
  const v = UCDP_VIOLENCE_TYPES.find((type) => type.id === typeOfViolence);
  return v && { category: v.category, domain: v.domain };
}
