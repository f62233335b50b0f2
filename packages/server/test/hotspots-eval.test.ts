import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whyMissed } from '../../../eval/hotspots/diagnose.ts';
import { EpisodesFileError, readEpisodesFile } from '../../../eval/hotspots/episodes-file.ts';
import { DATASETS, type Dataset, type Episode } from '../../../eval/hotspots/episodes.ts';
import { applyRecordedRule, type CountrySeries } from '../../../eval/hotspots/series.ts';
import {
  alarmStarts,
  betterOnBoth,
  daysBetween,
  detect,
  quietDays,
  RULES,
  score,
  type Coverage,
  type MethodDay,
} from '../../../eval/hotspots/score.ts';
import type { HotspotDay } from '../src/analytics/hotspots/types.ts';
import { tempDir } from './helpers.ts';

const episode = (id: string, country: string, onset: string, dropped?: string): Episode => ({
  id,
  country,
  onset,
  what: 'test',
  source: 'test',
  dataset: 'acled',
  ...(dropped ? { dropped } : {}),
});

const alarm = (
  country: string,
  day: string,
  severity = 'warning',
  extra: Partial<MethodDay> = {},
): MethodDay => ({
  country,
  day,
  severity,
  rank: severity === 'alert' ? 3 : severity === 'warning' ? 2 : 1,
  alarm: severity !== 'watch',
  ...extra,
});

// One year of coverage for two countries.
const coverage: Coverage[] = ['AAA', 'BBB'].map((country) => ({
  country,
  dataset: 'acled',
  from: '2020-01-01',
  to: '2020-12-31',
  gaps: [],
}));

describe('hotspot evaluation scoring', () => {
  it('starts an alarm episode on a new day or after 14 unflagged days', () => {
    const days = [
      alarm('AAA', '2020-03-01'),
      alarm('AAA', '2020-03-02'),
      alarm('AAA', '2020-03-16'), // 13 days without a flag in between: same episode
      alarm('AAA', '2020-03-31'), // 14 days without: a new one
      alarm('AAA', '2020-04-02', 'warning', { isNew: true }),
      alarm('AAA', '2020-04-03', 'watch'), // not an alarm
      alarm('BBB', '2020-03-02'),
    ];
    expect(alarmStarts(days).map((d) => `${d.country} ${d.day}`)).toEqual([
      'AAA 2020-03-01',
      'BBB 2020-03-02',
      'AAA 2020-03-31',
      'AAA 2020-04-02',
    ]);
  });

  it('detects within [onset − 14, onset + 2], with lead, severity, and a miss when late', () => {
    const episodes = [
      episode('early', 'AAA', '2020-03-10'),
      episode('late', 'BBB', '2020-06-10'),
      episode('edge', 'AAA', '2020-09-10'),
      episode('not scored', 'BBB', '2020-11-01', 'no data'),
    ];
    const days = [
      alarm('AAA', '2020-03-05'),
      alarm('AAA', '2020-03-12', 'alert'),
      alarm('BBB', '2020-06-13', 'alert'), // onset + 3: too late
      alarm('AAA', '2020-08-27'), // onset − 14: just in
    ];
    const s = score(days, episodes, coverage);
    expect(s.detections.map((d) => [d.episode.id, d.detected, d.lead, d.severity])).toEqual([
      ['early', true, 5, 'alert'],
      ['late', false, null, 'alert'],
      ['edge', true, 14, 'warning'],
    ]);
    expect(s.scored).toBe(3);
    expect(s.rate).toBeCloseTo(2 / 3);
    expect(s.medianLead).toBe(9.5);
    expect(s.falseAlarms).toBe(0);
  });

  it('scores weekly alarms up to the end of the onset week', () => {
    const e = episode('w', 'AAA', '2020-03-11'); // a Wednesday; its ISO week ends on Sunday 15 March
    const days = [alarm('AAA', '2020-03-15')];
    const starts = alarmStarts(days);
    expect(detect(e, days, starts).detected).toBe(false);
    expect(detect(e, days, starts, { ...RULES, weekly: true })).toMatchObject({ detected: true, lead: -4 });
    const late = [alarm('AAA', '2020-03-22')];
    expect(detect(e, late, alarmStarts(late), { ...RULES, weekly: true }).detected).toBe(false);
  });

  it('does not count an alarm episode that began before the window, but says it is ongoing', () => {
    const days = ['2020-03-20', '2020-03-27', '2020-04-03', '2020-04-10'].map((d) => alarm('AAA', d));
    const [d] = score(days, [episode('e', 'AAA', '2020-04-20')], coverage).detections;
    expect(d).toMatchObject({ detected: false, ongoing: true });
  });

  it('counts false alarms per country-year over quiet days only', () => {
    const episodes = [episode('e', 'AAA', '2020-06-01'), episode('d', 'BBB', '2020-06-01', 'no data')];
    const quiet = quietDays(coverage, episodes);
    // 366 days in 2020, less 121 days around each onset (dropped episodes too)
    expect(quiet.get('AAA')?.size).toBe(366 - 121);
    expect(quiet.get('AAA')?.has('2020-05-02')).toBe(false); // onset − 30
    expect(quiet.get('AAA')?.has('2020-05-01')).toBe(true);
    const days = [
      alarm('AAA', '2020-02-01'), // quiet: false alarm
      alarm('AAA', '2020-07-01'), // near the episode: neither
      alarm('BBB', '2020-12-01'), // quiet: false alarm
      alarm('BBB', '2020-12-02'), // same alarm episode
      alarm('BBB', '2020-11-01', 'watch'), // not an alarm
    ];
    const s = score(days, episodes, coverage);
    expect(s.falseAlarms).toBe(2);
    expect(s.quietYears).toBeCloseTo((2 * (366 - 121)) / 365.25);
    expect(s.falseAlarmsPerYear).toBeCloseTo(2 / s.quietYears);
  });

  it('leaves uncovered days out of quiet time', () => {
    const gap: Coverage = { ...(coverage[0] as Coverage), gaps: [{ from: '2020-06-01', to: '2020-06-30' }] };
    expect(quietDays([gap], []).get('AAA')?.size).toBe(366 - 30);
  });

  it('is better on both only with more detections and fewer false alarms (or both perfect)', () => {
    const s = (rate: number, falseAlarmsPerYear: number) =>
      ({ ...score([], [], []), rate, falseAlarmsPerYear }) as ReturnType<typeof score>;
    expect(betterOnBoth(s(0.9, 0.5), s(0.5, 1))).toBe(true);
    expect(betterOnBoth(s(0.9, 1), s(0.5, 1))).toBe(false);
    expect(betterOnBoth(s(0.9, 0.5), s(0.9, 1))).toBe(false);
    expect(betterOnBoth(s(1, 0), s(1, 0))).toBe(true);
  });

  it('does not score an episode its data records no event of in the 14 days from the onset', () => {
    const dataset = {
      ...(DATASETS.find((d) => d.id === 'acled') as Dataset),
      from: '2020-01-01',
      to: '2020-12-31',
    };
    const events: (number | null)[] = Array.from({ length: 366 }, () => 0);
    events[daysBetween('2020-01-01', '2020-03-14')] = 1; // onset + 13
    const series: CountrySeries[] = [{ country: 'AAA', dataset, events, fatalities: events }];
    const [recorded, silent, foreign, kept] = applyRecordedRule(
      [
        episode('a', 'AAA', '2020-03-01'),
        episode('b', 'AAA', '2020-03-15'),
        episode('c', 'BBB', '2020-03-01'),
        episode('d', 'AAA', '2020-03-15', 'by hand'),
      ],
      series,
    );
    expect(recorded?.dropped).toBeUndefined();
    expect(silent?.dropped).toBe('no acled event in AAA in the 14 days from the onset');
    expect(foreign?.dropped).toBe('no acled event in BBB in the 14 days from the onset');
    expect(kept?.dropped).toBe('by hand');
  });

  it('says why an episode was missed: the strongest row in the window, and a late alarm', () => {
    const row = (day: string, level: HotspotDay['level'], extra: Partial<HotspotDay> = {}): HotspotDay => ({
      country: 'AAA',
      adm1: '',
      region: '',
      source: 'all',
      day,
      level,
      score: 3,
      count: 6,
      expected: 1.5,
      deaths: 0,
      deaths_expected: 0.1,
      confidence: 0.5,
      sources: 1,
      sources_agreeing: 1,
      phase: 'new',
      ...extra,
    });
    const e = episode('a', 'AAA', '2020-03-15');
    const rows = [
      row('2020-03-14', 'watch', { score: 2.5 }),
      row('2020-03-15', 'watch', { score: 4.1, region: 'Kampala', count: 7 }),
      row('2020-03-15', 'watch', { score: 9, source: 'acled' }),
      row('2020-03-16', 'watch', { score: 9, country: 'BBB' }),
      row('2020-03-21', 'warning', { score: 5, count: 12, phase: 'intensifying' }),
    ];
    const missed = { episode: e, detected: false, lead: null, severity: 'watch', ongoing: false };
    expect(whyMissed(missed, rows)).toBe(
      'strongest in the window: watch onset+0 in Kampala: 7 events (expected 1.5), 0 deaths (expected 0.1), score 4.1; ' +
        'first alarm after it: warning onset+6: 12 events (expected 1.5), 0 deaths (expected 0.1), score 5',
    );
    expect(whyMissed({ ...missed, ongoing: true }, rows.slice(4))).toBe(
      'an alarm that began earlier was still running; nothing flagged in the window',
    );
  });

  it('reads your own episodes from a file, resolving its paths, and names each problem in it', () => {
    const dir = tempDir();
    const write = (name: string, json: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(json));
      return path;
    };
    const dataset = {
      id: 'acled',
      file: 'data/acled.csv',
      from: '2016-01-01',
      to: '2016-05-28',
      fatalities: true,
    };
    const ep = { id: 'a', country: 'NGA', onset: '2016-02-24', what: 'w', source: 'ref', dataset: 'acled' };
    const good = readEpisodesFile(write('good.json', { datasets: [dataset], episodes: [ep] }));
    expect(good.datasets).toEqual([{ ...dataset, file: join(dir, 'data/acled.csv'), gaps: [], daily: true }]);
    expect(good.episodes).toEqual([ep]);
    const bad = write('bad.json', {
      datasets: [{ ...dataset, from: '2016-13-01' }],
      episodes: [{ ...ep, country: 'Nigeria' }],
    });
    expect(() => readEpisodesFile(bad)).toThrow(
      `${bad}: datasets.0.from: a UTC day, YYYY-MM-DD; episodes.0.country: an ISO3 country code, e.g. MMR`,
    );
    const dangling = write('dangling.json', {
      datasets: [dataset, dataset],
      episodes: [ep, { ...ep, dataset: 'ucdp' }],
    });
    expect(() => readEpisodesFile(dangling)).toThrow(
      `${dangling}: datasets.1.id: acled twice (a dataset is read by its source); episodes.1.id: a twice; episodes.1.dataset: no dataset ucdp in the file`,
    );
    expect(() => readEpisodesFile(join(dir, 'missing.json'))).toThrow(EpisodesFileError);
  });
});
