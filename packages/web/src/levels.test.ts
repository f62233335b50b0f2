import { HOTSPOT_LEVELS } from '@peacebell/model';
import { describe, expect, it } from 'vitest';
import { LEGEND, levelColor, levelRank, luminance, NO_HOTSPOT_COLOR } from './levels.ts';

describe('hotspot colour scale', () => {
  it('has a colour for every level and one for none', () => {
    for (const level of HOTSPOT_LEVELS) expect(levelColor(level)).toMatch(/^#[0-9a-f]{6}$/);
    expect(levelColor(undefined)).toBe(NO_HOTSPOT_COLOR);
    expect(LEGEND.map((l) => l.label)).toEqual(['No hotspot', 'Watch', 'Warning', 'Alert']);
  });

  it('gets darker with severity, with steps that still read in greyscale', () => {
    const lums = LEGEND.map((l) => luminance(l.color));
    for (let i = 1; i < lums.length; i++) {
      const [lighter = 0, darker = 0] = [lums[i - 1], lums[i]];
      // WCAG contrast ratio between neighbours of at least 1.4:1
      expect((lighter + 0.05) / (darker + 0.05)).toBeGreaterThan(1.4);
    }
  });

  it('ranks levels by severity', () => {
    expect(HOTSPOT_LEVELS.map(levelRank)).toEqual([1, 2, 3]);
    expect(levelRank(undefined)).toBe(0);
  });
});
