import { describe, expect, it } from 'vitest';
import { raise, type EpisodeState } from './episodes.ts';

const f = (key: string, day: string, severity: 'watch' | 'warning' | 'alert' = 'warning') => ({
  subject: { key },
  day,
  severity,
});

describe('raise', () => {
  it('rings once per episode, again only when worse, and after the cooldown anew', () => {
    const state = new Map<string, EpisodeState>();
    const raised = raise(
      [
        f('MLI', '2020-01-01'),
        f('MLI', '2020-01-02'),
        f('NER', '2020-01-02'),
        f('MLI', '2020-01-05', 'alert'),
        f('MLI', '2020-01-06', 'warning'),
        f('MLI', '2020-01-20'), // 14 days after the last firing: same episode
        f('MLI', '2020-02-04'), // 15 days after: a new one
      ],
      state,
      14,
    );
    expect(raised.map((r) => [r.firing.subject.key, r.firing.day, r.episode_start, r.escalation])).toEqual([
      ['MLI', '2020-01-01', '2020-01-01', false],
      ['NER', '2020-01-02', '2020-01-02', false],
      ['MLI', '2020-01-05', '2020-01-01', true],
      ['MLI', '2020-02-04', '2020-02-04', false],
    ]);
    expect(state.get('MLI')).toEqual({
      subject: 'MLI',
      started: '2020-02-04',
      last_day: '2020-02-04',
      severity: 'warning',
    });
  });

  it('continues from the state a previous batch left, so a re-check raises nothing twice', () => {
    const state = new Map<string, EpisodeState>();
    const firings = [f('MLI', '2020-01-01'), f('MLI', '2020-01-03', 'alert')];
    expect(raise(firings, state, 14)).toHaveLength(2);
    expect(raise(firings, state, 14)).toEqual([]);
    expect(raise([f('MLI', '2020-01-04', 'alert')], state, 14)).toEqual([]);
  });
});
