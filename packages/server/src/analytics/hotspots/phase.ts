import { addDays } from '@peacebell/model';
import { levelRank, type HotspotParams } from './method.ts';
import type { Level, Phase } from './types.ts';

export interface Flag {
  day: string;
  level: Level;
  score: number;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/**
 * Phases of one unit's flagged days (in day order): new after a quiet spell, then intensifying,
 * persistent or diminishing against the previous flagged day, and an `ended` mark once the unit
 * has gone `endAfterDays` without a flag. With weekly tests (`step` 7) a flag a week after the
 * last one continues it, and `ended` is dated on the end of the first week without a flag.
 */
export function phases<T extends Flag>(
  flags: readonly T[],
  p: HotspotParams,
  until: string,
  step = 1,
): (T & { phase: Phase })[] {
  const out: (T & { phase: Phase })[] = [];
  const endedAfter = step > 1 ? Math.ceil(p.endAfterDays / step) * step : p.endAfterDays + 1;
  let previous: T | undefined;
  for (const flag of flags) {
    if (previous && daysBetween(previous.day, flag.day) > Math.max(p.endAfterDays, step)) {
      const ended = addDays(previous.day, endedAfter);
      if (ended <= until) out.push({ ...previous, day: ended, phase: 'ended' });
    }
    let phase: Phase;
    if (!previous || daysBetween(previous.day, flag.day) > p.newAfterDays) phase = 'new';
    else if (levelRank(flag.level) !== levelRank(previous.level))
      phase = levelRank(flag.level) > levelRank(previous.level) ? 'intensifying' : 'diminishing';
    else if (flag.score > previous.score * 1.25) phase = 'intensifying';
    else if (flag.score < previous.score * 0.8) phase = 'diminishing';
    else phase = 'persistent';
    out.push({ ...flag, phase });
    previous = flag;
  }
  if (previous) {
    const ended = addDays(previous.day, endedAfter);
    if (ended <= until) out.push({ ...previous, day: ended, phase: 'ended' });
  }
  return out;
}
