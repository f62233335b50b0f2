import { describe, expect, it } from 'vitest';
import { acledChange, changeLevel, hdxSignals, rollingSums } from './baselines.ts';

const repeat = (value: number | null, n: number) => Array.from({ length: n }, () => value);

describe('ACLED-style change', () => {
  it('sorts a week against an average by the published thresholds', () => {
    expect(changeLevel(13, 10)).toBe('large_increase'); // +30%
    expect(changeLevel(12.5, 10)).toBe('moderate_increase'); // +25% is not "greater than 25%"
    expect(changeLevel(11, 10)).toBe('limited_change'); // +10%
    expect(changeLevel(7.5, 10)).toBe('limited_change'); // −25%
    expect(changeLevel(7, 10)).toBe('large_decrease');
  });

  it('calls low-baseline weeks limited change, and a jump from nothing a large increase', () => {
    expect(changeLevel(5, 2)).toBe('limited_change');
    expect(changeLevel(5, 0)).toBe('limited_change');
    expect(changeLevel(6, 0)).toBe('large_increase');
    expect(changeLevel(3, 2.5)).toBe('moderate_increase'); // an average above 2 is judged by the change
  });

  it('compares each week with the 4 weeks before; the 52-week norm waits for a year of data', () => {
    // 5 weeks of 1 event a day, then a week of 2 a day.
    const events = [...repeat(1, 35), ...repeat(2, 7)];
    const weeks = acledChange(events);
    expect(weeks.map((w) => w.end)).toEqual([6, 13, 20, 27, 34, 41]);
    const last = weeks.at(-1);
    expect(last).toMatchObject({ count: 14, monthAverage: 7, yearAverage: null, month: 'large_increase' });
    expect(last?.flagged).toBe(true);
    expect(weeks.filter((w) => w.flagged)).toHaveLength(1);
    expect(weeks[3]?.monthAverage).toBeNull(); // the first 4 weeks have no full month before them
    expect(weeks[4]).toMatchObject({ monthAverage: 7, month: 'limited_change', flagged: false });
  });

  it('flags against the year norm too, and never across an uncovered day', () => {
    const year = [...repeat(1, 7 * 52), ...repeat(3, 7)];
    const last = acledChange(year).at(-1);
    expect(last).toMatchObject({ yearAverage: 7, year: 'large_increase', month: 'large_increase' });
    const gap = [...repeat(1, 28), null, ...repeat(1, 6), ...repeat(4, 7)];
    const weeks = acledChange(gap);
    expect(weeks.map((w) => w.end)).toEqual([6, 13, 20, 27, 41]); // the week with the gap is skipped
    expect(weeks.at(-1)?.monthAverage).toBeNull(); // its month holds the gap
  });

  it('can roll daily instead of by calendar week', () => {
    const weeks = acledChange(repeat(0, 40), { step: 1, firstEnd: 34 });
    expect(weeks.map((w) => w.end)).toEqual([34, 35, 36, 37, 38, 39]);
  });
});

describe('HDX-Signals-style', () => {
  it('sums 30 days, and not across a gap', () => {
    const sums = rollingSums([...repeat(1, 31), null, 1], 30);
    expect(sums[28]).toBeNull();
    expect(sums[29]).toBe(30);
    expect(sums[30]).toBe(30);
    expect(sums[31]).toBeNull();
  });

  it('signals a 1-year high of at least 100 only after a whole year of history', () => {
    const quiet = repeat(0, 400);
    const series = [...quiet, 120, ...repeat(0, 60)];
    const signals = hdxSignals(series);
    expect(signals).toEqual([{ index: 400, level: 'medium', fatalities: 120 }]);
    expect(hdxSignals([...repeat(0, 100), 120, ...repeat(0, 60)])).toEqual([]); // < 1 year of data
    expect(hdxSignals([...repeat(0, 100), 120], { partialHistory: true })).toEqual([
      { index: 100, level: 'high', fatalities: 120 },
    ]);
  });

  it('needs 100 fatalities, and a 3-year high (with 3 years of data) for the high level', () => {
    expect(hdxSignals([...repeat(0, 400), 99, ...repeat(0, 40)])).toEqual([]);
    const high = hdxSignals([...repeat(0, 1200), 150, ...repeat(0, 40)]);
    expect(high).toEqual([{ index: 1200, level: 'high', fatalities: 150 }]);
    // a bigger month two years earlier keeps the new peak at medium
    const series = [...repeat(0, 600), 500, ...repeat(0, 699), 150, ...repeat(0, 40)];
    expect(hdxSignals(series).map((s) => [s.index, s.level])).toEqual([
      [600, 'medium'],
      [1300, 'medium'],
    ]);
  });

  it('drops later signals of the same or a lower level for 180 days, not a higher one', () => {
    // Fatalities build up over days: every day at the running high is a raw signal.
    const series = [
      ...repeat(0, 1200),
      ...repeat(50, 4),
      ...repeat(0, 100),
      ...repeat(80, 4),
      ...repeat(0, 60),
    ];
    expect(hdxSignals(series).map((s) => [s.index, s.level])).toEqual([[1201, 'high']]);
    const mediumFirst = [
      ...repeat(0, 40),
      300,
      ...repeat(0, 399),
      120,
      ...repeat(0, 40),
      500,
      ...repeat(0, 40),
    ];
    const signals = hdxSignals(mediumFirst, { highDays: 430 });
    expect(signals.map((s) => [s.index, s.level])).toEqual([
      [440, 'medium'],
      [481, 'high'],
    ]);
    const later = [...repeat(0, 1200), 150, ...repeat(0, 200), 160, ...repeat(0, 40)];
    expect(hdxSignals(later).map((s) => s.index)).toEqual([1200, 1401]);
  });
});
