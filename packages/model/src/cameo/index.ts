export { PLOVER_TYPES, PloverType } from './plover.ts';
export { CAMEO_CODES, CAMEO_ROOTS, cameoCode, cameoRoot, quadClassOfRoot } from './taxonomy.ts';
export type { CameoCode, QuadClass } from './taxonomy.ts';
// the domains are the canonical typology's; re-exported here for the CAMEO tables' users
export { SECURITY_DOMAINS, SecurityDomain } from '../typology/categories.ts';
