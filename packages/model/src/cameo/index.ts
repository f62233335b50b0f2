export { PLOVER_TYPES, PloverType, SECURITY_DOMAINS, SecurityDomain } from './categories.ts';
export { CAMEO_CODES, CAMEO_ROOTS, cameoCode, cameoRoot, quadClassOfRoot } from './taxonomy.ts';
export type { CameoCode, QuadClass } from './taxonomy.ts';
