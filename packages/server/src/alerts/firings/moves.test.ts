import { describe, expect, it } from 'vitest';
import { compare, fireCondition, moveSeverity, moveTest } from './moves.ts';

describe('moves', () => {
  const none = () => 0;

  it('judges a value against the window before it, never itself', () => {
    const t = moveTest([1, 3, 1, 3, 10], 4, 4, none);
    expect(t).toMatchObject({ mean: 2, days: 4 });
    expect(t?.sd).toBeCloseTo(Math.sqrt(4 / 3));
    expect(t?.z).toBeCloseTo(8 / Math.sqrt(4 / 3));
  });

  it('needs half the window known and honours the floor', () => {
    expect(moveTest([null, null, null, 1, 5], 4, 4, none)).toBeNull();
    expect(moveTest([0, 0, 0, 0, 1], 4, 4, none)).toBeNull(); // no spread, no floor: no verdict
    expect(moveTest([0, 0, 0, 0, 1], 4, 4, () => 1)?.z).toBe(1);
  });

  it('fires in the direction asked, alert at twice the sd', () => {
    const t = { z: -4.5, mean: 0, sd: 1, days: 10 };
    expect(moveSeverity(t, { type: 'move', direction: 'drops', sd: 2, days: 10 })).toBe('alert');
    expect(moveSeverity(t, { type: 'move', direction: 'rises', sd: 2, days: 10 })).toBeNull();
    expect(moveSeverity({ ...t, z: 3 }, { type: 'move', direction: 'moves', sd: 2, days: 10 })).toBe(
      'warning',
    );
    expect([compare(1, '>', 1), compare(1, '>=', 1), compare(0, '<', 1), compare(2, '<=', 1)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('fires thresholds and moves over a series from its start index', () => {
    const days = ['d0', 'd1', 'd2', 'd3', 'd4'];
    const fired = fireCondition(days, [5, 1, null, 6, 0], 1, { type: 'threshold', op: '>', value: 4 }, none);
    expect(fired.map((f) => [f.day, f.value, f.severity])).toEqual([['d3', 6, 'warning']]);
  });
});
