import type { SecurityDomain } from '../cameo/categories.ts';
import type { CanonicalCategory } from './categories.ts';

/** UCDP GED's three types of organised violence. */
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

export function ucdpCategory(
  typeOfViolence: number,
): { category: CanonicalCategory; domain: SecurityDomain } | undefined {
  const t = UCDP_VIOLENCE_TYPES.find((v) => v.id === typeOfViolence);
  return t && { category: t.category, domain: t.domain };
}
