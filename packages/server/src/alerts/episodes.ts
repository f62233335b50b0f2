import { addDays, HOTSPOT_LEVELS, type HotspotLevel } from '@peacebell/model';

/** Where a subject's alerting stands: its open episode, if any. */
export interface EpisodeState {
  subject: string;
  started: string;
  last_day: string;
  severity: HotspotLevel;
}

export interface Raise<F> {
  firing: F;
  episode_start: string;
  escalation: boolean;
}

const rank = (l: HotspotLevel) => HOTSPOT_LEVELS.indexOf(l);

/**
 * Rings once per episode: a firing opens an episode unless the subject fired within the cooldown;
 * within an episode only a higher severity rings again. Firings must come in day order; the map
 * is updated in place, so the next batch continues where this one stopped.
 */
export function raise<F extends { subject: { key: string }; day: string; severity: HotspotLevel }>(
  firings: readonly F[],
  state: Map<string, EpisodeState>,
  cooldownDays: number,
): Raise<F>[] {
  const raised: Raise<F>[] = [];
  for (const f of firings) {
    const open = state.get(f.subject.key);
    if (!open || f.day > addDays(open.last_day, cooldownDays)) {
      state.set(f.subject.key, {
        subject: f.subject.key,
        started: f.day,
        last_day: f.day,
        severity: f.severity,
      });
      raised.push({ firing: f, episode_start: f.day, escalation: false });
      continue;
    }
    if (f.day > open.last_day) open.last_day = f.day;
    if (rank(f.severity) > rank(open.severity)) {
      open.severity = f.severity;
      raised.push({ firing: f, episode_start: open.started, escalation: true });
    }
  }
  return raised;
}
