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
 * P(X ≥ k) for a count with the given mean and variance: negative binomial when the variance
 * exceeds the mean (overdispersed, as event counts are), Poisson otherwise. Summed from k upward
 * so that tiny tails keep their precision.
 */
export function upperTail(k: number, mean: number, variance: number): number {
  if (k <= 0) return 1;
  if (!(mean > 0)) return 0;
  const overdispersed = variance > mean * 1.000001;
  const r = overdispersed ? (mean * mean) / (variance - mean) : Infinity;
  const logPmf = (j: number) => (overdispersed ? logNbPmf(j, mean, r) : logPoissonPmf(j, mean));
  // Below the mode the tail is large: 1 − P(X < k) is then precise enough.
  if (k <= mean) {
    let below = 0;
    for (let j = 0; j < k; j++) below += Math.exp(logPmf(j));
    return Math.min(1, Math.max(0, 1 - below));
  }
  let sum = 0;
  for (let j = k; j < k + 100_000; j++) {
    const term = Math.exp(logPmf(j));
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}
