import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { HOTSPOT_METHOD } from './method.ts';
import { phases } from './phase.ts';
import type { Candidate } from './scan-sql.ts';

const p = HOTSPOT_METHOD.params;
const candidate = (over: Partial<Candidate>): Candidate => ({
  country: 'XXX',
  adm1: '',
  source: 'acled',
  day: '2020-01-01',
  recent: 0,
  recent_deaths: 0,
  base_days: 90,
  base_sum: 0,
  base_sumsq: 0,
  base_deaths: 0,
  base_deaths_sq: 0,
  volume_recent: null,
  volume_base: null,
  ...over,
});

describe('evaluate', () => {
  it('does not ring for a jump from 1 to 3 events', () => {
    expect(evaluate(candidate({ recent: 3, base_sum: 13, base_sumsq: 13 }), p)).toBeNull();
  });
  it('rings louder the further a week is above an overdispersed baseline', () => {
    // ~1 event a day with variance 3
    const base = { base_sum: 90, base_sumsq: 90 * 4 };
    expect(evaluate(candidate({ ...base, recent: 20 }), p)).toBeNull();
    expect(evaluate(candidate({ ...base, recent: 30 }), p)?.level).toBe('watch');
    expect(evaluate(candidate({ ...base, recent: 40 }), p)?.level).toBe('warning');
    expect(evaluate(candidate({ ...base, recent: 60 }), p)?.level).toBe('alert');
  });
  it('needs history before it tests', () => {
    expect(evaluate(candidate({ recent: 100, base_days: 10 }), p)).toBeNull();
  });
  it('scales a news source’s expectation with its volume', () => {
    const news = { source: 'gdelt2', base_sum: 900, base_sumsq: 900 * 12, recent: 250 };
    expect(evaluate(candidate({ ...news, volume_recent: 7_000, volume_base: 90_000 }), p)?.level).toBe(
      'alert',
    );
    // the whole feed tripled that week: the same count is no longer surprising
    expect(evaluate(candidate({ ...news, volume_recent: 21_000, volume_base: 90_000 }), p)).toBeNull();
  });
  it('raises a level when deaths surge with the events', () => {
    const base = { base_sum: 90, base_sumsq: 360, base_deaths: 45, base_deaths_sq: 200 };
    const without = evaluate(candidate({ ...base, recent: 40, recent_deaths: 3 }), p);
    const withDeaths = evaluate(candidate({ ...base, recent: 40, recent_deaths: 50 }), p);
    expect(without?.level).toBe('warning');
    expect(withDeaths?.level).toBe('alert');
  });
});

describe('phases', () => {
  it('goes new, intensifying, persistent, diminishing, ended', () => {
    const flags = [
      { day: '2020-01-01', level: 'watch' as const, score: 2.5 },
      { day: '2020-01-02', level: 'warning' as const, score: 4 },
      { day: '2020-01-03', level: 'warning' as const, score: 4.2 },
      { day: '2020-01-05', level: 'watch' as const, score: 2.1 },
      { day: '2020-03-01', level: 'watch' as const, score: 2.2 },
    ];
    expect(phases(flags, p, '2020-03-20').map((f) => `${f.day} ${f.phase}`)).toEqual([
      '2020-01-01 new',
      '2020-01-02 intensifying',
      '2020-01-03 persistent',
      '2020-01-05 diminishing',
      '2020-01-13 ended',
      '2020-03-01 new',
      '2020-03-09 ended',
    ]);
  });
});
