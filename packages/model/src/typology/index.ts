export { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, acledCategory } from './acled.ts';
export { canonicalCategoryOfCameo } from './cameo.ts';
export { CANONICAL_CATEGORIES, CanonicalCategory } from './categories.ts';
export { UCDP_VIOLENCE_TYPES, ucdpCategory } from './ucdp.ts';
