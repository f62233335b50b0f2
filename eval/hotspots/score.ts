import { addDays, periodStart } from '@peacebell/model';
import type { DatasetId, Episode } from './episodes.ts';

/**
 * Scoring of one method against the labelled episodes (docs/hotspots-eval.md): pure functions from
 * a method's flagged days, the episodes and the data's coverage to detections, leads and false
 * alarms per country-year.
 */

/** One flagged country-day of a method. */
export interface MethodDay {
  country: string;
  day: string;
  /** What the method says there (ours: level; ACLED-style: month/year/both; HDX: medium/high). */
  severity: string;
  /** Order of severities, higher is more severe. */
  rank: number;
  /** An alarm (not only a lower-level mark that counts toward severity reached). */
  alarm: boolean;
  /** The method itself calls this day the start of a new episode. */
  isNew?: boolean;
}

/** Days a country is in the data: one dataset's span, less the days it does not cover. */
export interface Coverage {
  country: string;
  dataset: DatasetId;
  from: string;
  to: string;
  gaps: readonly { from: string; to: string }[];
}

export interface ScoreRules {
  /** An alarm episode must start within [onset − before, onset + after] to detect an episode. */
  before: number;
  after: number;
  /** A flagged day after at least this many unflagged days starts a new alarm episode. */
  gapDays: number;
  /** Days around an onset that are never quiet: [onset − quietBefore, onset + quietAfter]. */
  quietBefore: number;
  quietAfter: number;
  /** Severity reached is the highest mark in [onset − before, onset + severityAfter]. */
  severityAfter: number;
  /** Weekly data (all episodes, or those it says): the window also runs to the end of the onset's ISO week. */
  weekly?: boolean | ((episode: Episode) => boolean);
}

export const RULES: ScoreRules = {
  before: 14,
  after: 2,
  gapDays: 14,
  quietBefore: 30,
  quietAfter: 90,
  severityAfter: 30,
};

export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The days alarm episodes start: a day the method calls new, or the first alarm after a gap. */
export function alarmStarts(days: readonly MethodDay[], rules: ScoreRules = RULES): MethodDay[] {
  const byCountry = new Map<string, MethodDay[]>();
  for (const d of days) if (d.alarm) byCountry.set(d.country, [...(byCountry.get(d.country) ?? []), d]);
  const starts: MethodDay[] = [];
  for (const list of byCountry.values()) {
    const sorted = [...list].sort((a, b) => a.day.localeCompare(b.day));
    let previous: string | undefined;
    for (const d of sorted) {
      if (d.day === previous) continue;
      if (d.isNew || previous === undefined || daysBetween(previous, d.day) > rules.gapDays) starts.push(d);
      previous = d.day;
    }
  }
  return starts.sort((a, b) => a.day.localeCompare(b.day) || a.country.localeCompare(b.country));
}

export interface Detection {
  episode: Episode;
  detected: boolean;
  /** Days the first alarm start in the window came before the onset (negative: after). */
  lead: number | null;
  /** The highest mark in the severity window, if any. */
  severity: string | null;
  /** Not detected, but an alarm episode that started earlier runs into the window (no new start). */
  ongoing: boolean;
}

export function detect(
  episode: Episode,
  days: readonly MethodDay[],
  starts: readonly MethodDay[],
  rules: ScoreRules = RULES,
): Detection {
  const from = addDays(episode.onset, -rules.before);
  const after = addDays(episode.onset, rules.after);
  const weekEnd = addDays(periodStart(episode.onset, 'week'), 6);
  const weekly = typeof rules.weekly === 'function' ? rules.weekly(episode) : rules.weekly === true;
  const to = weekly && weekEnd > after ? weekEnd : after;
  const first = starts.find((s) => s.country === episode.country && s.day >= from && s.day <= to);
  let severity: MethodDay | undefined;
  const severityTo = addDays(episode.onset, rules.severityAfter);
  for (const d of days) {
    if (d.country !== episode.country || d.day < from || d.day > severityTo) continue;
    if (!severity || d.rank > severity.rank) severity = d;
  }
  const since = addDays(from, -rules.gapDays);
  const ongoing =
    !first && days.some((d) => d.alarm && d.country === episode.country && d.day >= since && d.day <= to);
  return {
    episode,
    detected: first !== undefined,
    lead: first ? daysBetween(first.day, episode.onset) : null,
    severity: severity?.severity ?? null,
    ongoing,
  };
}

/** Quiet days per country: covered days outside every episode's window (dropped ones included). */
export function quietDays(
  coverage: readonly Coverage[],
  episodes: readonly Episode[],
  rules: ScoreRules = RULES,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of coverage) {
    const windows = episodes
      .filter((e) => e.country === c.country)
      .map((e) => ({ from: addDays(e.onset, -rules.quietBefore), to: addDays(e.onset, rules.quietAfter) }));
    const excluded = [...c.gaps, ...windows];
    const days = out.get(c.country) ?? new Set<string>();
    for (let day = c.from; day <= c.to; day = addDays(day, 1)) {
      if (!excluded.some((w) => day >= w.from && day <= w.to)) days.add(day);
    }
    out.set(c.country, days);
  }
  return out;
}

export interface Score {
  detections: Detection[];
  detected: number;
  scored: number;
  rate: number;
  medianLead: number | null;
  falseAlarms: number;
  /** The alarm starts on quiet days. */
  falseAlarmDays: MethodDay[];
  quietYears: number;
  falseAlarmsPerYear: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * A method's score over the episodes it is scored on (not dropped) and the quiet days of the
 * coverage given; both should already be limited to the datasets the method applies to.
 */
export function score(
  days: readonly MethodDay[],
  episodes: readonly Episode[],
  coverage: readonly Coverage[],
  rules: ScoreRules = RULES,
): Score {
  const starts = alarmStarts(days, rules);
  const scored = episodes.filter((e) => !e.dropped);
  const detections = scored.map((e) => detect(e, days, starts, rules));
  const quiet = quietDays(coverage, episodes, rules);
  const falseAlarmDays = starts.filter((s) => quiet.get(s.country)?.has(s.day));
  const quietYears = [...quiet.values()].reduce((n, days) => n + days.size, 0) / 365.25;
  const detected = detections.filter((d) => d.detected).length;
  return {
    detections,
    detected,
    scored: scored.length,
    rate: scored.length ? detected / scored.length : 0,
    medianLead: median(detections.flatMap((d) => (d.lead === null ? [] : [d.lead]))),
    falseAlarms: falseAlarmDays.length,
    falseAlarmDays,
    quietYears,
    falseAlarmsPerYear: quietYears > 0 ? falseAlarmDays.length / quietYears : 0,
  };
}

/**
 * Better on both measures: a higher detection rate and fewer false alarms per country-year, where
 * a tie at the best possible value (every episode detected, no false alarm) also counts.
 */
export function betterOnBoth(ours: Score, baseline: Score): boolean {
  const detection = ours.rate > baseline.rate || (ours.rate === 1 && baseline.rate === 1);
  const alarms =
    ours.falseAlarmsPerYear < baseline.falseAlarmsPerYear ||
    (ours.falseAlarmsPerYear === 0 && baseline.falseAlarmsPerYear === 0);
  return detection && alarms;
}
