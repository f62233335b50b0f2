import { levelOf, levelRank, stepUp, type HotspotParams } from './method.ts';
import type { Candidate } from './scan-sql.ts';
import { logUpperTail } from './surprise.ts';
import type { Level } from './types.ts';

/** Sources whose counts follow the news: their expectations scale with the source's total volume. */
const NEWS_SOURCES = new Set(['gdelt1', 'gdelt2', 'icews', 'gkg']);

export interface Test {
  expected: number;
  score: number;
  ratio: number;
}

const MAX_SCORE = 50;

/** The surprise of `recent` events in the recent window given the baseline's daily mean and variance. */
export function surprise(
  recent: number,
  baseDays: number,
  baseSum: number,
  baseSumSq: number,
  p: HotspotParams,
  volume = 1,
): Test {
  const raw = baseSum / baseDays;
  const mean = (baseSum + p.priorEvents) / baseDays;
  const variance = baseDays > 1 ? Math.max(mean, (baseSumSq - baseDays * raw * raw) / (baseDays - 1)) : mean;
  const expected = p.recentDays * mean * volume;
  const spread = Math.max(expected, p.recentDays * variance * volume * volume);
  const ratio = expected > 0 ? recent / expected : Infinity;
  // Below the lowest level's ratio nothing is flagged: skip the tail, the costly part of a scan.
  if (ratio < p.levels.watch.ratio) return { expected, score: 0, ratio };
  const score = -logUpperTail(Math.round(recent), expected, spread) / Math.LN10;
  return { expected, score: Math.min(MAX_SCORE, score), ratio };
}

/**
 * The source's recent volume outside the unit against its baseline volume (1 for sources that do
 * not follow the news, or when there is too little volume outside the unit to say: a feed of one
 * country must not divide that country's surge by itself).
 */
export function volumeRatio(c: Candidate, p: HotspotParams): number {
  if (!NEWS_SOURCES.has(c.source) || c.volume_recent === null || c.volume_base === null) return 1;
  if (c.volume_base < MIN_OTHER_VOLUME || c.base_days <= 0) return 1;
  const ratio = c.volume_recent / p.recentDays / (c.volume_base / c.base_days);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
}

const MIN_OTHER_VOLUME = 1000;

export interface Evaluated {
  level: Level;
  events: Test;
  deaths: Test;
}

const deathParamsOf = new WeakMap<HotspotParams, HotspotParams>();

/** The parameters with the death counts in place of the event counts (made once per parameters). */
function deathParams(p: HotspotParams): HotspotParams {
  let d = deathParamsOf.get(p);
  if (!d) {
    const levels = Object.fromEntries(
      Object.entries(p.levels).map(([l, t]) => [l, { ...t, count: p.deathCounts[l as Level] }]),
    ) as unknown as HotspotParams['levels'];
    d = { ...p, levels };
    deathParamsOf.set(p, d);
  }
  return d;
}

/** A candidate's level from its events and its deaths; both surprising at once raises it a step. */
export function evaluate(c: Candidate, p: HotspotParams): Evaluated | null {
  if (c.base_days < p.minBaselineDays) return null;
  const events = surprise(c.recent, c.base_days, c.base_sum, c.base_sumsq, p, volumeRatio(c, p));
  const deaths = surprise(c.recent_deaths, c.base_days, c.base_deaths, c.base_deaths_sq, p);
  const byEvents = levelOf(events.score, c.recent, events.ratio, p);
  const byDeaths =
    c.recent_deaths > 0 ? levelOf(deaths.score, c.recent_deaths, deaths.ratio, deathParams(p)) : null;
  if (!byEvents && !byDeaths) return null;
  let level: Level =
    byEvents && byDeaths
      ? levelRank(byEvents) >= levelRank(byDeaths)
        ? byEvents
        : byDeaths
      : ((byEvents ?? byDeaths) as Level);
  if (byEvents && byDeaths && deaths.score >= p.deathsStep.score && c.recent_deaths >= p.deathsStep.deaths) {
    level = stepUp(level);
  }
  return { level, events, deaths };
}
