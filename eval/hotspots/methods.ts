import { addDays } from '@peacebell/model';
import { acledChange, hdxSignals } from '../../packages/server/src/analytics/hotspots/baselines.ts';
import { levelRank } from '../../packages/server/src/analytics/hotspots/method.ts';
import type { HotspotDay } from '../../packages/server/src/analytics/hotspots/types.ts';
import type { Dataset, Episode } from './episodes.ts';
import { RULES, score, type MethodDay, type Score, type ScoreRules } from './score.ts';
import { coverageOf, dayAt, type CountrySeries } from './series.ts';

/** A method's flagged days over the datasets it applies to. */
export interface MethodRun {
  name: string;
  applies: (dataset: Dataset) => boolean;
  days: MethodDay[];
  /** Shown but not part of the verdict. */
  informational?: boolean;
  /** How its alarms are scored (default RULES: daily data). */
  rules?: ScoreRules;
}

/**
 * Ours: all sources together, warning or alert is an alarm, watch counts toward severity only.
 * `minScore` makes a stricter operating point: only flags at least that surprising are alarms.
 */
export function oursDays(
  rows: readonly HotspotDay[],
  series: readonly CountrySeries[],
  minScore = 0,
): MethodDay[] {
  const covered = (country: string, day: string) =>
    series.some(
      (s) =>
        s.country === country &&
        day >= s.dataset.from &&
        day <= s.dataset.to &&
        !s.dataset.gaps.some((g) => day >= g.from && day <= g.to),
    );
  return rows
    .filter((r) => r.source === 'all' && r.phase !== 'ended' && covered(r.country, r.day))
    .map((r) => ({
      country: r.country,
      day: r.day,
      severity: r.level,
      rank: levelRank(r.level),
      alarm: levelRank(r.level) >= levelRank('warning') && r.score >= minScore,
      isNew: r.phase === 'new',
    }));
}

/**
 * Ours as evaluated: daily tests on daily datasets, weekly tests (`weeklyRows`, grain week) on
 * weekly ones, each detected by its own rule (`ScoreRules.weekly`).
 */
export function oursRun(
  name: string,
  rows: { daily: readonly HotspotDay[]; weekly: readonly HotspotDay[] },
  series: readonly CountrySeries[],
  minScore = 0,
): MethodRun {
  const weeklyIds = new Set(series.filter((s) => !s.dataset.daily).map((s) => s.dataset.id));
  return {
    name,
    applies: () => true,
    days: [
      ...oursDays(
        rows.daily,
        series.filter((s) => s.dataset.daily),
        minScore,
      ),
      ...oursDays(
        rows.weekly,
        series.filter((s) => !s.dataset.daily),
        minScore,
      ),
    ],
    rules: { ...RULES, weekly: (e) => weeklyIds.has(e.dataset) },
  };
}

/** Index of the first Sunday (the end of an ISO week) that closes a whole week of the series. */
function firstSunday(dataset: Dataset): number {
  const weekday = (new Date(`${dataset.from}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const sunday = 6 - weekday;
  return sunday < 6 ? sunday + 7 : sunday;
}

/** ACLED-style: ISO weeks, dated on their Sunday (the day the week's count is complete). */
export function acledDays(series: readonly CountrySeries[]): MethodDay[] {
  return series.flatMap((s) =>
    acledChange(s.events, { step: 7, firstEnd: firstSunday(s.dataset) })
      .filter((w) => w.flagged)
      .map((w) => {
        const both = w.month === 'large_increase' && w.year === 'large_increase';
        const severity = both ? 'both' : w.month === 'large_increase' ? 'month' : 'year';
        return {
          country: s.country,
          day: dayAt(s.dataset, w.end),
          severity,
          rank: both ? 2 : 1,
          alarm: true,
        };
      }),
  );
}

/** HDX-Signals-style, only where the dataset reports fatalities. */
export function hdxDays(series: readonly CountrySeries[], partialHistory = false): MethodDay[] {
  return series
    .filter((s) => s.dataset.fatalities)
    .flatMap((s) =>
      hdxSignals(s.fatalities, { partialHistory }).map((signal) => ({
        country: s.country,
        day: addDays(s.dataset.from, signal.index),
        severity: signal.level,
        rank: signal.level === 'high' ? 2 : 1,
        alarm: true,
      })),
    );
}

/** A method's score on the episodes and quiet days of the datasets it applies to (of those given). */
export function scoreOn(
  run: MethodRun,
  datasets: readonly Dataset[],
  series: readonly CountrySeries[],
  episodes: readonly Episode[],
): Score {
  const ids = new Set(datasets.filter(run.applies).map((d) => d.id));
  return score(
    run.days,
    episodes.filter((e) => ids.has(e.dataset)),
    series.filter((s) => ids.has(s.dataset.id)).map(coverageOf),
    run.rules,
  );
}
