/** Upper-tail probabilities of counts under a baseline: the "how surprising" of a hotspot. */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log P(X = k) under a negative binomial with mean `mean` and dispersion r (variance mean + mean²/r). */
function logNbPmf(k: number, mean: number, r: number): number {
  const p = r / (r + mean);
  return logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(p) + k * Math.log1p(-p);
}

function logPoissonPmf(k: number, mean: number): number {
  return k * Math.log(mean) - mean - logGamma(k + 1);
}

/**
 * ln P(X ≥ k) for a count with the given mean and variance: negative binomial when the variance
 * exceeds the mean (overdispersed, as event counts are), Poisson otherwise. The terms are summed
 * from k upward as multiples of P(X = k) (each the one before times P(X = j + 1) / P(X = j)), so
 * tails far below the smallest double keep their logarithm, and a scan of many places is cheap.
 */
export function logUpperTail(k: number, mean: number, variance: number): number {
  if (k <= 0) return 0;
  if (!(mean > 0)) return -Infinity;
  const overdispersed = variance > mean * 1.000001;
  const r = overdispersed ? (mean * mean) / (variance - mean) : Infinity;
  const q = overdispersed ? mean / (r + mean) : 0;
  // P(X = j + 1) / P(X = j)
  const next = (j: number) => (overdispersed ? ((j + r) / (j + 1)) * q : mean / (j + 1));
  const logPmf = (j: number) => (overdispersed ? logNbPmf(j, mean, r) : logPoissonPmf(j, mean));
  // Below the mode the tail is large: 1 − P(X < k) is then precise enough, summed downward from k − 1.
  if (k <= mean) {
    let term = 1;
    let sum = 1;
    for (let j = k - 1; j > 0; j--) {
      term /= next(j - 1);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    const below = Math.exp(logPmf(k - 1)) * sum;
    return Math.log(Math.min(1, Math.max(0, 1 - below)));
  }
  let term = 1;
  let sum = 1;
  for (let j = k; j < k + 100_000; j++) {
    term *= next(j);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return Math.min(0, logPmf(k) + Math.log(sum));
}

/** P(X ≥ k): `logUpperTail` as a probability (0 once it is below the smallest double). */
export function upperTail(k: number, mean: number, variance: number): number {
  return Math.exp(logUpperTail(k, mean, variance));
}
