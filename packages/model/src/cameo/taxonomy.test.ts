import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dataFile, hasData } from '../../../../test/shared-data.ts';
import {
  CAMEO_CODES,
  CAMEO_ROOTS,
  PLOVER_TYPES,
  PloverType,
  SECURITY_DOMAINS,
  SecurityDomain,
  cameoCode,
  cameoRoot,
  quadClassOfRoot,
} from './index.ts';

/** Tab-separated rows of a lookup file, header and blank lines dropped. */
function lookupRows(relative: string): string[][] {
  const lines = readFileSync(dataFile(relative), 'utf8').split(/\r?\n/).slice(1);
  return lines.filter((line) => line.trim() !== '').map((line) => line.split('\t'));
}

/** GDELT's code -> description; its line for 1056 also carries 106 as "106:[-5.0] Demand withdrawal". */
function gdeltDescriptions(): Map<string, string> {
  const descriptions = new Map<string, string>();
  for (const [code = '', text = ''] of lookupRows('cameo/CAMEO.eventcodes.txt')) {
    const glued = /^(.*?)(\d{2,4}):\[-?[\d.]+\]\s*(.+)$/.exec(text);
    descriptions.set(code, glued?.[1] ?? text);
    if (glued?.[2] !== undefined && glued[3] !== undefined) descriptions.set(glued[2], glued[3]);
  }
  return descriptions;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Where our description deliberately differs from GDELT's text beyond whitespace and case. */
const CORRECTED: Readonly<Record<string, string>> = {
  '044': 'Meet at a "third" location', // GDELT: Mac Roman quotes read as UTF-8, "t" lost
  '033': 'Express intent to provide material aid, not specified below', // "matyerial"
  '0355': 'Express intent to allow international involvement (not mediation)', // "intent allow"
  '183': 'Conduct suicide, car, or other non-military bombing, not specified below', // "not spec below"
  '2041': 'Use chemical, biological, or radiological weapons', // "radiologicalweapons"
};

describe('structure', () => {
  // GDELT's split (see the exports test), not the 01-05/06-08/09-13/14-20 often quoted
  const QUAD_CLASSES = [
    { roots: ['01', '02', '03', '04', '05'], quadClass: 1 },
    { roots: ['06', '07', '08', '09'], quadClass: 2 },
    { roots: ['10', '11', '12', '13', '14'], quadClass: 3 },
    { roots: ['15', '16', '17', '18', '19', '20'], quadClass: 4 },
  ];

  test.each(QUAD_CLASSES)('roots $roots are quad class $quadClass', ({ roots, quadClass }) => {
    for (const root of roots) expect(quadClassOfRoot(root)).toBe(quadClass);
  });

  test.each(['00', '21', '1', '010', ''])('quadClassOfRoot(%j) is undefined', (root) => {
    expect(quadClassOfRoot(root)).toBeUndefined();
  });

  test('codes are unique, well formed and hang from a known base and root', () => {
    expect(new Set(CAMEO_CODES.map((c) => c.code)).size).toBe(CAMEO_CODES.length);
    for (const c of CAMEO_CODES) {
      expect(c.code).toMatch(/^\d{2,4}$/);
      expect(c.root).toBe(c.code.slice(0, 2));
      expect(c.base).toBe(c.level === 1 ? c.root : c.code.slice(0, 3));
      expect(c.level).toBe(c.code.length - 1);
      expect(c.quadClass).toBe(quadClassOfRoot(c.root));
      expect(cameoCode(c.base)?.code).toBe(c.base);
      expect(cameoRoot(c.code)?.code).toBe(c.root);
      expect(cameoCode(c.code)).toBe(c);
      expect(c.description).toMatch(/^[A-Z][ -~]*[^ ]$/);
      expect(c.goldstein).toBeGreaterThanOrEqual(-10);
      expect(c.goldstein).toBeLessThanOrEqual(10);
    }
  });

  test('the 20 roots, in order', () => {
    expect(CAMEO_ROOTS.map((c) => c.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(cameoRoot('1831')?.description).toBe('Assault');
    expect(cameoRoot('1213')?.code).toBe('12');
    expect(cameoRoot('x')).toBeUndefined();
    expect(cameoCode('211')).toBeUndefined();
  });

  test('every code has a listed PLOVER type and domain; a root has its "not specified" code\'s', () => {
    const plover = new Set(PLOVER_TYPES.map((c) => c.id));
    const domains = new Set(SECURITY_DOMAINS.map((d) => d.id));
    for (const c of CAMEO_CODES) {
      expect(plover.has(c.plover)).toBe(true);
      expect(domains.has(c.domain)).toBe(true);
    }
    for (const root of CAMEO_ROOTS) {
      const unspecified = cameoCode(`${root.code}0`);
      expect(root.plover).toBe(unspecified?.plover);
      expect(root.domain).toBe(unspecified?.domain);
      expect(root.category).toBe(unspecified?.category);
    }
  });

  test('the lists hold each id once, in the order of the enums, and every id is used', () => {
    expect(PLOVER_TYPES.map((c) => c.id)).toEqual(PloverType.options);
    expect(SECURITY_DOMAINS.map((d) => d.id)).toEqual(SecurityDomain.options);
    expect(new Set(CAMEO_CODES.map((c) => c.plover))).toEqual(new Set(PloverType.options));
    expect(new Set(CAMEO_CODES.map((c) => c.domain))).toEqual(new Set(SecurityDomain.options));
  });

  test('only statements and appeals (01, 02) fall outside PLOVER', () => {
    const other = CAMEO_CODES.filter((c) => c.plover === 'other').map((c) => c.root);
    expect(new Set(other)).toEqual(new Set(['01', '02']));
    expect(CAMEO_CODES.filter((c) => c.root <= '02' && c.plover !== 'other')).toEqual([]);
  });

  test.each([
    ['190', 'armed_conflict'],
    ['193', 'armed_conflict'],
    ['1823', 'armed_conflict'],
    ['202', 'armed_conflict'],
    ['0871', 'armed_conflict'],
    ['1056', 'armed_conflict'],
    ['181', 'terrorism'],
    ['1832', 'terrorism'],
    ['186', 'terrorism'],
    ['1822', 'repression'],
    ['173', 'repression'],
    ['175', 'repression'],
    ['1724', 'repression'],
    ['0811', 'repression'],
    ['1323', 'repression'],
    ['145', 'unrest'],
    ['1434', 'unrest'],
    ['133', 'unrest'],
    ['082', 'unrest'],
    ['154', 'military_pressure'],
    ['151', 'military_pressure'],
    ['1384', 'military_pressure'],
    ['0312', 'military_pressure'],
    ['0332', 'military_pressure'],
    ['072', 'military_pressure'],
    ['042', 'dialogue'],
    ['046', 'dialogue'],
    ['036', 'dialogue'],
    ['051', 'dialogue'],
    ['057', 'agreement'],
    ['030', 'agreement'],
    ['037', 'agreement'],
    ['061', 'agreement'],
    ['163', 'economic_coercion'],
    ['1312', 'economic_coercion'],
    ['0354', 'economic_coercion'],
    ['085', 'economic_coercion'],
    ['071', 'aid'],
    ['074', 'aid'],
    ['0233', 'humanitarian'],
    ['0333', 'humanitarian'],
    ['073', 'humanitarian'],
    ['1663', 'humanitarian'],
    ['1031', 'diplomatic_friction'],
    ['1123', 'diplomatic_friction'],
    ['125', 'diplomatic_friction'],
    ['161', 'diplomatic_friction'],
    ['164', 'diplomatic_friction'],
    ['010', 'none'],
    ['015', 'none'],
    ['020', 'none'],
  ])('%s is %s', (code, domain) => {
    expect(cameoCode(code)?.domain).toBe(domain);
  });
});

describe.runIf(hasData)('against the real lookups', () => {
  test("every code in GDELT's CAMEO.eventcodes.txt, with its description", () => {
    const descriptions = gdeltDescriptions();
    expect(descriptions.size).toBe(311);
    const differing = [];
    for (const [code, text] of descriptions) {
      const ours = cameoCode(code)?.description;
      const corrected = CORRECTED[code];
      if (corrected !== undefined) {
        expect(ours).toBe(corrected);
        expect(normalise(text)).not.toBe(normalise(corrected)); // the correction is still needed
      } else if (ours === undefined || normalise(ours) !== normalise(text)) {
        differing.push({ code, ours, gdelt: text });
      }
    }
    expect(differing).toEqual([]);
    expect(cameoCode('106')?.description).toBe('Demand withdrawal');
  });

  test('every code in CAMEO.goldsteinscale.txt, with its value, and no others', () => {
    const scale = lookupRows('cameo/CAMEO.goldsteinscale.txt');
    const differing = scale.filter(([code = '', value]) => cameoCode(code)?.goldstein !== Number(value));
    expect(differing).toEqual([]);
    expect(CAMEO_CODES.map((c) => c.code).sort()).toEqual(scale.map(([code]) => code).sort());
  });

  test('the `plover` of every code CAMEO2PLOVER-2021 maps is its PLOVER event type', () => {
    const text = readFileSync(dataFile('cameo/CAMEO2PLOVER-2021.txt'), 'utf8');
    const differing = [];
    const missing = [];
    const rootTypes = new Map<string, string[]>();
    for (const [, code = '', type = '', comma] of text.matchAll(/^(\d{2,4}):[ \t]*([A-Z]+)[ \t]*(,?)/gm)) {
      const plover = type.toLowerCase();
      // "08: CONCEDE" and "08: RETREAT" head sections; a root's section may list other roots' codes
      if (code.length === 2 && comma === '') rootTypes.set(code, [...(rootTypes.get(code) ?? []), plover]);
      else if (cameoCode(code) === undefined) missing.push(code);
      else if (cameoCode(code)?.plover !== plover)
        differing.push({ code, ours: cameoCode(code)?.plover, plover });
    }
    expect(differing).toEqual([]);
    expect(missing).toEqual(['1213', '1214']); // in CAMEO, not in GDELT's lookup
    expect(rootTypes.size).toBe(18);
    for (const [root, types] of rootTypes) expect(types).toContain(cameoCode(root)?.plover);
  });
});

describe.runIf(hasData)('against real GDELT 2.0 exports', () => {
  test('EventCode is known and its base, root, quad class and Goldstein value match the row', () => {
    const dir = dataFile('gdelt2/export');
    const files = readdirSync(dir).filter((name) => name.endsWith('.export.CSV'));
    expect(files.length).toBeGreaterThan(0);
    const seen = new Map<string, string[]>();
    for (const file of files) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const columns = line.replace(/\r$/, '').split('\t');
        expect(columns).toHaveLength(61);
        seen.set(columns.slice(26, 31).join('\t'), [file, ...columns.slice(26, 31)]);
      }
    }
    const differing = [...seen.values()].filter(([, code = '', base, root, quadClass, goldstein]) => {
      const c = cameoCode(code);
      return (
        c === undefined ||
        c.base !== base ||
        c.root !== root ||
        c.quadClass !== Number(quadClass) ||
        c.goldstein !== Number(goldstein)
      );
    });
    expect(differing).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
  });
});
