import { canonicalCategoryOfCameo } from '../typology/cameo.ts';
import type { CanonicalCategory, SecurityDomain } from '../typology/categories.ts';
import { CAMEO_CODE_ROWS } from './codes.ts';
import { domainOf, ploverOf } from './mapping.ts';
import type { PloverType } from './plover.ts';

/**
 * 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict: GDELT's QuadClass
 * column, which splits the roots 01-05, 06-09, 10-14, 15-20.
 */
export type QuadClass = 1 | 2 | 3 | 4;

export interface CameoCode {
  /** '010', '0211', '14': leading zeros kept. */
  code: string;
  description: string;
  /** Two digits, '01'..'20'. */
  root: string;
  /** Three digits, or the root itself for a root-level code: GDELT's EventBaseCode. */
  base: string;
  /** 1 root, 2 base (three digits), 3 leaf (four digits). */
  level: 1 | 2 | 3;
  quadClass: QuadClass;
  goldstein: number;
  /** peacebell's canonical category (typology/cameo.ts). */
  category: CanonicalCategory;
  /** PLOVER's event type for the code, the published standard (mapping.ts). */
  plover: PloverType;
  /** The security domain the act bears on (mapping.ts). */
  domain: SecurityDomain;
}

// GDELT's, as every GDELT 1.0 and 2.0 file shows: investigate (09) is material cooperation and protest
// (14) verbal conflict, one root off the usual 01-05, 06-08, 09-13, 14-20 of CAMEO's literature.
const QUAD_CLASS_RANGES: readonly (readonly [first: number, last: number, quadClass: QuadClass])[] = [
  [1, 5, 1],
  [6, 9, 2],
  [10, 14, 3],
  [15, 20, 4],
];

const QUAD_CLASS_BY_ROOT: ReadonlyMap<string, QuadClass> = new Map(
  QUAD_CLASS_RANGES.flatMap(([first, last, quadClass]) =>
    Array.from(
      { length: last - first + 1 },
      (_, i) => [String(first + i).padStart(2, '0'), quadClass] as const,
    ),
  ),
);

/** The quad class of a two-digit root code ('01'..'20'), as GDELT assigns it. */
export function quadClassOfRoot(root: string): QuadClass | undefined {
  return QUAD_CLASS_BY_ROOT.get(root);
}

function toCameoCode([code, description, goldstein]: readonly [string, string, number]): CameoCode {
  const root = code.slice(0, 2);
  const quadClass = quadClassOfRoot(root);
  const category = canonicalCategoryOfCameo(code);
  if (quadClass === undefined || category === undefined) throw new Error(`bad CAMEO code in table: ${code}`);
  return {
    code,
    description,
    root,
    base: code.slice(0, 3),
    level: (code.length - 1) as 1 | 2 | 3,
    quadClass,
    goldstein,
    category,
    plover: ploverOf(code),
    domain: domainOf(code),
  };
}

export const CAMEO_CODES: readonly CameoCode[] = CAMEO_CODE_ROWS.map(toCameoCode);

const BY_CODE: ReadonlyMap<string, CameoCode> = new Map(CAMEO_CODES.map((c) => [c.code, c]));

export const CAMEO_ROOTS: readonly CameoCode[] = CAMEO_CODES.filter((c) => c.level === 1);

/** The entry for an exact CAMEO code string, e.g. '0211' (not 211). */
export function cameoCode(code: string): CameoCode | undefined {
  return BY_CODE.get(code);
}

/**
 * The root-level entry of a code: cameoRoot('1831') is the entry for '18'. CAMEO codes missing from
 * GDELT's lookup (1213, 1214) still find their root, as a fallback.
 */
export function cameoRoot(code: string): CameoCode | undefined {
  return /^\d{2,4}$/.test(code) ? BY_CODE.get(code.slice(0, 2)) : undefined;
}
