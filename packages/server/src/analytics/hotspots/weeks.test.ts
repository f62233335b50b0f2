import { describe, expect, it } from 'vitest';
import { hotspotRange, isWeekEnd, lastWeekEnd, weekEndOf } from './weeks.ts';

describe('ISO weeks of hotspot requests', () => {
  it('ends a week on its Sunday', () => {
    expect(isWeekEnd('2017-08-27')).toBe(true);
    expect(isWeekEnd('2017-08-28')).toBe(false);
    expect(weekEndOf('2017-08-21')).toBe('2017-08-27');
    expect(weekEndOf('2017-08-27')).toBe('2017-08-27');
    expect(lastWeekEnd('2017-08-27')).toBe('2017-08-27');
    expect(lastWeekEnd('2017-08-30')).toBe('2017-08-27');
  });

  it('reads date, from and to as days, or as the weeks they are in', () => {
    const last = '2017-08-30'; // a Wednesday
    expect(hotspotRange({}, last, 'day')).toEqual({ from: last, to: last });
    expect(hotspotRange({}, last, 'week')).toEqual({ from: '2017-08-27', to: '2017-08-27' });
    expect(hotspotRange({ date: '2017-08-23' }, last, 'day')).toEqual({
      from: '2017-08-23',
      to: '2017-08-23',
    });
    expect(hotspotRange({ date: '2017-08-23' }, last, 'week')).toEqual({
      from: '2017-08-27',
      to: '2017-08-27',
    });
    expect(hotspotRange({ from: '2017-08-01' }, last, 'day')).toEqual({ from: '2017-08-01', to: last });
    expect(hotspotRange({ from: '2017-08-01' }, last, 'week')).toEqual({
      from: '2017-08-06',
      to: '2017-08-27',
    });
    expect(hotspotRange({ from: '2017-08-01', to: '2017-08-09' }, last, 'week')).toEqual({
      from: '2017-08-06',
      to: '2017-08-13',
    });
    expect(hotspotRange({ to: '2017-08-09' }, last, 'day')).toEqual({ from: '2017-08-09', to: '2017-08-09' });
  });
});
