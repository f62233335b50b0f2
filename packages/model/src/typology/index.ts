export { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, acledCategory, acledEventTypeOf } from './acled.ts';
export { canonicalCategoryOfCameo } from './cameo.ts';
export { CANONICAL_CATEGORIES, CanonicalCategory, SECURITY_DOMAINS, SecurityDomain } from './categories.ts';
export type { CategoryQuad, Classification } from './categories.ts';
export { UCDP_VIOLENCE_TYPES, ucdpCategory } from './ucdp.ts';
