import { describe, expect, it } from 'vitest';
import { logGamma, logUpperTail, upperTail } from './surprise.ts';

describe('upperTail', () => {
  it('matches Poisson tails computed by hand', () => {
    // P(X ≥ 1 | λ = 2) = 1 − e^−2; P(X ≥ 5 | λ = 1) = 1 − e^−1 (1 + 1 + 1/2 + 1/6 + 1/24)
    expect(upperTail(1, 2, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(upperTail(5, 1, 1)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 1 / 2 + 1 / 6 + 1 / 24), 12);
    expect(upperTail(0, 3, 3)).toBe(1);
  });
  it('matches a geometric tail (negative binomial with r = 1)', () => {
    // mean 3, r = 1 → variance 3 + 9 = 12, p = 1/4: P(X ≥ k) = (3/4)^k
    for (const k of [1, 4, 10, 40]) expect(upperTail(k, 3, 12)).toBeCloseTo(0.75 ** k, 10);
    expect(upperTail(80, 3, 12) / 0.75 ** 80).toBeCloseTo(1, 8);
  });
  it('is far less surprised by the same count when the baseline is overdispersed', () => {
    expect(upperTail(20, 5, 50)).toBeGreaterThan(upperTail(20, 5, 5) * 1000);
  });
  it('keeps the logarithm of tails below the smallest double', () => {
    // P(X ≥ 400 | λ = 1) = e^−1 / 400! × (1 + 1/401 + 1/(401·402) + …)
    const exact = -1 - logGamma(401) + Math.log(1 + 1 / 401 + 1 / (401 * 402) + 1 / (401 * 402 * 403));
    expect(upperTail(400, 1, 1)).toBe(0);
    expect(logUpperTail(400, 1, 1)).toBeCloseTo(exact, 9);
    // geometric: ln (3/4)^2000
    expect(logUpperTail(2000, 3, 12) / (2000 * Math.log(0.75))).toBeCloseTo(1, 9);
  });
  it('computes log Γ', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});
