import { describe, expect, it } from 'vitest';
import { relationScore } from './relation-score.ts';

describe('relationScore', () => {
  it('is the balance of cooperative and conflictual mass', () => {
    expect(relationScore({ events: 4, weight: 4, weightSq: 4, coop: 30, conflict: 10 }).score).toBe(0.5);
    expect(relationScore({ events: 2, weight: 2, weightSq: 2, coop: 0, conflict: 8 }).score).toBe(-1);
  });
  it('has no score without signal', () => {
    expect(relationScore({ events: 3, weight: 3, weightSq: 3, coop: 0, conflict: 0 })).toEqual({
      score: null,
      low: null,
      high: null,
      effective_events: 3,
    });
  });
  it('is as sure as a busy pair is, and unsure for a quiet one, whatever the scale', () => {
    const quiet = relationScore({ events: 3, weight: 3, weightSq: 3, coop: 6, conflict: 3 });
    const busy = relationScore({ events: 3000, weight: 3000, weightSq: 3000, coop: 6000, conflict: 3000 });
    expect(quiet.score).toBe(busy.score);
    const width = (s: typeof quiet) => (s.high ?? 0) - (s.low ?? 0);
    expect(width(quiet)).toBeGreaterThan(0.8);
    expect(width(busy)).toBeLessThan(0.1);
    expect(busy.low).toBeLessThanOrEqual(busy.score ?? 0);
    expect(busy.high).toBeGreaterThanOrEqual(busy.score ?? 0);
  });
  it('counts an event reported by many sources as one event for the band', () => {
    // one event with 100 sources: Σw = 100, Σw² = 10,000 → one effective event
    const s = relationScore({ events: 1, weight: 100, weightSq: 10_000, coop: 300, conflict: 0 });
    expect(s.effective_events).toBe(1);
    expect(s.score).toBe(1);
    expect(s.low).toBeLessThan(-0.5);
  });
});
