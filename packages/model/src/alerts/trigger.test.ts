import { describe, expect, it } from 'vitest';
import { formatTrigger, parseTrigger, TriggerSyntaxError } from './trigger.ts';
import { AlertRuleInput, ruleProblems, scopeCountries } from './rule.ts';

describe('parseTrigger', () => {
  it('reads every kind of condition', () => {
    expect(parseTrigger('hotspot >= warning')).toEqual({ kind: 'hotspot', op: '>=', level: 'warning' });
    expect(parseTrigger('  HOTSPOT>=alert ')).toEqual({ kind: 'hotspot', op: '>=', level: 'alert' });
    expect(parseTrigger('hotspot phase new, intensifying')).toEqual({
      kind: 'phase',
      phases: ['new', 'intensifying'],
    });
    expect(parseTrigger('indicator conflict_share > 0.4')).toEqual({
      kind: 'indicator',
      indicator: 'conflict_share',
      condition: { type: 'threshold', op: '>', value: 0.4 },
    });
    expect(parseTrigger('relations drop 2 sd in 14d')).toEqual({
      kind: 'relations',
      condition: { type: 'move', direction: 'drops', sd: 2, days: 14 },
    });
    expect(parseTrigger('indicator events rises 1.5 sd in 4w').kind).toBe('indicator');
    expect(parseTrigger('relations < -0.3')).toEqual({
      kind: 'relations',
      condition: { type: 'threshold', op: '<', value: -0.3 },
    });
    expect(parseTrigger('first sanctions')).toEqual({ kind: 'first', what: 'sanctions' });
  });

  it('formats to text that parses back to the same trigger', () => {
    for (const text of [
      'hotspot > watch',
      'hotspot phase new',
      'indicator events moves 3 sd in 28d',
      'first aid',
    ]) {
      const t = parseTrigger(text);
      expect(parseTrigger(formatTrigger(t))).toEqual(t);
    }
  });

  const failure = (text: string) => {
    try {
      parseTrigger(text);
    } catch (error) {
      if (error instanceof TriggerSyntaxError) return error;
    }
    throw new Error(`${text} parsed`);
  };

  it('points at the mistake', () => {
    const e = failure('hotspot >= warnin');
    expect(e.column).toBe(12);
    expect(e.found).toBe('warnin');
    expect(e.message).toContain('expected a level (watch, warning, alert) at column 12, found "warnin"');
    expect(e.message).toContain('\n  hotspot >= warnin\n             ^');
    expect(failure('relations drop 2 sd').message).toContain('expected in after "relations drop 2 sd"');
    expect(failure('relations drop 2 sd in 400d').message).toContain('a window of 2 to 365 days');
    expect(failure('relations < -3').message).toContain('an index between -1 and 1');
    expect(failure('indicator nope > 1').message).toContain('an indicator id (events,');
    expect(failure('first cake').found).toBe('cake');
    expect(failure('hotspot >= warning now').message).toContain('expected the end of the rule at column 20');
    expect(failure('').message).toContain('expected hotspot, indicator, relations, first');
  });
});

describe('rules', () => {
  const spec = (when: string, scope: object = {}) => AlertRuleInput.parse({ name: 'r', when, scope });

  it('refuses triggers that do not fit the scope, naming the field', () => {
    expect(ruleProblems(spec('hotspot >= warning'))).toEqual([]);
    expect(ruleProblems(spec('relations drop 2 sd in 14d'))[0]?.field).toBe('scope.pairs');
    expect(ruleProblems(spec('hotspot >= warning', { pairs: ['CHN-KAZ'] }))[0]?.field).toBe('scope.pairs');
    expect(ruleProblems(spec('indicator events > 3'))[0]?.field).toBe('scope');
    expect(
      ruleProblems(spec('indicator events > 3', { countries: ['MLI'], domains: ['terrorism'] }))[0]?.field,
    ).toBe('scope.domains');
    expect(ruleProblems(spec('hotspot >= nope'))[0]).toMatchObject({ field: 'when' });
  });

  it('normalises places and refuses unknown ones', () => {
    const s = spec('first sanctions', {
      countries: ['mli', 'Niger'],
      pairs: ['chn,kaz'],
      adm1: ['mmr/Rakhine State'],
    });
    expect(s.scope).toMatchObject({
      countries: ['MLI', 'NER'],
      pairs: ['CHN-KAZ'],
      adm1: ['MMR/Rakhine State'],
    });
    expect(() => spec('first aid', { countries: ['XXX'] })).toThrow(/unknown country .{0,4}XXX/);
    expect(() => spec('first aid', { pairs: ['CHN-CHN'] })).toThrow(/two different ISO3 codes/);
    expect(() => spec('first aid', { regions: ['Sahel'] })).toThrow(/unknown region .{0,4}Sahel/);
    expect(
      scopeCountries(spec('hotspot >= watch', { regions: ['Central Asia'], countries: ['MNG'] }).scope),
    ).toEqual(['KAZ', 'KGZ', 'MNG', 'TJK', 'TKM', 'UZB']);
  });
});
