import { addDays } from '@peacebell/model';
import { levelRank } from '../../packages/server/src/analytics/hotspots/method.ts';
import type { HotspotDay } from '../../packages/server/src/analytics/hotspots/types.ts';
import { daysBetween, RULES, type Detection } from './score.ts';

/**
 * Why an episode was missed, from the method's own rows: the strongest row of the country in the
 * detection window (highest level, then score), what it lacked, and the first alarm after the
 * window if one came late. Rows are `source: 'all'` rows of a scan with regions.
 */
export function whyMissed(d: Detection, rows: readonly HotspotDay[]): string {
  const { episode } = d;
  const from = addDays(episode.onset, -RULES.before);
  const to = addDays(episode.onset, RULES.after);
  const mine = rows.filter((r) => r.country === episode.country && r.source === 'all' && r.phase !== 'ended');
  const inWindow = mine.filter((r) => r.day >= from && r.day <= to);
  const best = [...inWindow].sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.score - a.score)[0];
  const at = (r: HotspotDay) => {
    const offset = daysBetween(episode.onset, r.day);
    return `onset${offset >= 0 ? '+' : ''}${offset}`;
  };
  const describe = (r: HotspotDay) =>
    `${r.level} ${at(r)}${r.region ? ` in ${r.region}` : ''}: ${r.count} events (expected ${r.expected}), ` +
    `${r.deaths} deaths (expected ${r.deaths_expected}), score ${r.score}`;
  const parts: string[] = [];
  if (d.ongoing) parts.push('an alarm that began earlier was still running');
  parts.push(best ? `strongest in the window: ${describe(best)}` : 'nothing flagged in the window');
  const late = mine.find(
    (r) => r.day > to && r.day <= addDays(episode.onset, 30) && levelRank(r.level) >= levelRank('warning'),
  );
  if (late && !d.ongoing) parts.push(`first alarm after it: ${describe(late)}`);
  return parts.join('; ');
}
