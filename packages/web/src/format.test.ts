import { describe, expect, it } from 'vitest';
import {
  DASH,
  formatCount,
  formatCountOf,
  formatNumber,
  formatRatio,
  formatShare,
  formatSigned,
  formatTimestamp,
} from './format.ts';

describe('number formatting', () => {
  it('formats counts with thousands separators and units', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCountOf(1, 'event')).toBe('1 event');
    expect(formatCountOf(2500, 'event')).toBe('2,500 events');
    expect(formatCountOf(3, 'death', 'deaths')).toBe('3 deaths');
  });

  it('shows a dash for missing or non-finite values', () => {
    for (const f of [formatCount, formatNumber, formatSigned, formatShare, formatRatio]) {
      expect(f(null)).toBe(DASH);
      expect(f(undefined)).toBe(DASH);
      expect(f(Number.NaN)).toBe(DASH);
    }
    expect(formatCountOf(null, 'event')).toBe(DASH);
  });

  it('rounds reals to one decimal and large ones to integers', () => {
    expect(formatNumber(0.08)).toBe('0.1');
    expect(formatNumber(12.46)).toBe('12.5');
    expect(formatNumber(1204.4)).toBe('1,204');
  });

  it('signs scores with a true minus', () => {
    expect(formatSigned(0.503)).toBe('+0.50');
    expect(formatSigned(-1.3)).toBe('−1.30');
    expect(formatSigned(-0.001)).toBe('0.00');
  });

  it('formats shares as percentages and ratios with ×', () => {
    expect(formatShare(0.4044)).toBe('40%');
    expect(formatShare(0.004)).toBe('0.4%');
    expect(formatShare(0)).toBe('0%');
    expect(formatRatio(3.24)).toBe('×3.2');
    expect(formatRatio(537.33)).toBe('×537');
  });

  it('formats timestamps in UTC, saying so', () => {
    expect(formatTimestamp('2026-05-14T08:30:12.000Z')).toBe('2026-05-14 08:30 UTC');
    expect(formatTimestamp(null)).toBe(DASH);
  });
});
