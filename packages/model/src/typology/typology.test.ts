import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../../test/shared-data.ts';
import { SecurityDomain } from '../cameo/categories.ts';
import { CAMEO_CODES, cameoCode } from '../cameo/taxonomy.ts';
import { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, acledCategory } from './acled.ts';
import { CANONICAL_CATEGORIES, CanonicalCategory } from './categories.ts';
import { UCDP_VIOLENCE_TYPES, ucdpCategory } from './ucdp.ts';

describe('canonical typology', () => {
  it('declares each category once, and every mapping uses declared ids', () => {
    expect(CANONICAL_CATEGORIES.map((c) => c.id)).toEqual(CanonicalCategory.options);
    const used = [
      ...CAMEO_CODES.map((c) => [c.category, c.domain]),
      ...ACLED_EVENT_TYPES.map((t) => Object.values(acledCategory(t) ?? {})),
      ...ACLED_SUB_EVENT_TYPES.map((s) => Object.values(acledCategory('', s) ?? {})),
      ...UCDP_VIOLENCE_TYPES.map((v) => [v.category, v.domain]),
    ];
    for (const [category, domain] of used) {
      expect(CanonicalCategory.options).toContain(category);
      expect(SecurityDomain.options).toContain(domain);
    }
  });

  it.each([
    ['190', 'armed_clash'],
    ['195', 'remote_violence'],
    ['194', 'remote_violence'],
    ['183', 'remote_violence'],
    ['145', 'riot'],
    ['163', 'sanctions'],
    ['043', 'consult'],
    ['036', 'consult'],
    ['057', 'agreement'],
    ['010', 'statement'],
    ['0233', 'demand_accuse'],
    ['073', 'aid'],
    ['173', 'repression'],
    ['202', 'violence_against_civilians'],
  ])('CAMEO %s is %s', (code, category) => {
    expect(cameoCode(code)?.category).toBe(category);
  });

  it('maps ACLED by sub-event type first, then by event type, and knows nothing else', () => {
    expect(acledCategory('Explosions/Remote violence', 'Suicide bomb')).toEqual({
      category: 'remote_violence',
      domain: 'terrorism',
    });
    expect(acledCategory('Strategic developments', 'Arrests')?.category).toBe('repression');
    expect(acledCategory('Riots/Protests')?.category).toBe('protest');
    expect(acledCategory('Picnic')).toBeUndefined();
    expect(ucdpCategory(3)?.category).toBe('violence_against_civilians');
    expect(ucdpCategory(4)).toBeUndefined();
  });

  describe.runIf(hasData)('real files', () => {
    it('every ICEWS CAMEO code is known', () => {
      const lines = readFileSync(dataFile('icews/icews-brazil-2013-except-june.tab'), 'utf8')
        .trim()
        .split('\n');
      const header = (lines[0] as string).split('\t');
      const at = header.indexOf('CAMEO Code');
      const unknown = lines.slice(1).filter((l) => !cameoCode(l.split('\t')[at] as string));
      expect(at).toBeGreaterThan(-1);
      expect(unknown).toEqual([]);
    });
  });
});
