import { describe, expect, it } from 'vitest';
import { addDays, periodEnd, periodStart, periodsBetween } from './periods.ts';

describe('periods', () => {
  it('starts ISO weeks on Monday and months on the first', () => {
    expect(periodStart('2026-11-26', 'week')).toBe('2026-11-23');
    expect(periodStart('2026-11-23', 'week')).toBe('2026-11-23');
    expect(periodStart('2026-11-22', 'week')).toBe('2026-11-16');
    expect(periodStart('2021-01-01', 'week')).toBe('2020-12-28');
    expect(periodStart('2024-02-29', 'month')).toBe('2024-02-01');
  });
  it('lists every period, across month ends and leap days', () => {
    expect(periodsBetween('2024-01-31', '2024-04-02', 'month')).toEqual([
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
      '2024-04-01',
    ]);
    expect(periodsBetween('2024-02-27', '2024-03-01', 'day')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(periodsBetween('2026-11-26', '2026-12-08', 'week')).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
    ]);
    expect(periodsBetween('2026-11-27', '2026-11-26', 'day')).toEqual([]);
  });
  it('ends periods on their last day', () => {
    expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(periodEnd('2026-11-23', 'week')).toBe('2026-11-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
