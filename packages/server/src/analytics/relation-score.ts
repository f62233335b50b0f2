/** Sums over a directed pair's events in one period (from the pair rollup). */
export interface RelationSums {
  events: number;
  /** Σ w, w = number of sources reporting an event (1 where the source has no count). */
  weight: number;
  /** Σ w². */
  weightSq: number;
  /** Σ w·g over events with Goldstein value g > 0. */
  coop: number;
  /** Σ w·|g| over events with g < 0. */
  conflict: number;
}

export interface RelationScore {
  /** (coop − conflict) / (coop + conflict): −1 all conflict, +1 all cooperation; null with no signal. */
  score: number | null;
  /** 95% band (Wilson) on the score, from the effective number of events. */
  low: number | null;
  high: number | null;
  /** Kish's effective number of events, (Σw)² / Σw²: one event reported 100 times is still one event. */
  effective_events: number;
}

const Z = 1.959964;

/** The cooperation-versus-conflict index of docs/relations.md. */
export function relationScore(s: RelationSums): RelationScore {
  const n = s.weightSq > 0 ? (s.weight * s.weight) / s.weightSq : 0;
  const mass = s.coop + s.conflict;
  if (mass <= 0 || n <= 0) return { score: null, low: null, high: null, effective_events: round(n) };
  const p = s.coop / mass;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    score: round(2 * p - 1),
    low: round(Math.max(-1, 2 * (centre - half) - 1)),
    high: round(Math.min(1, 2 * (centre + half) - 1)),
    effective_events: round(n),
  };
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
