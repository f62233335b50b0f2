import { describe, expect, it } from 'vitest';
import { luminance } from '../levels.ts';
import { LINE_STYLES, TRACK_COLOURS, TRACK_ORDER } from './palette.tsx';

describe('chart colours that read in greyscale', () => {
  it('darkens the tracks from the middle outwards: the stronger the track, the darker', () => {
    const l = TRACK_ORDER.map((t) => luminance(TRACK_COLOURS[t]));
    // aid, agreements, dialogue get lighter; sanctions, threats, force darker
    expect(l[0]).toBeLessThan(l[1] ?? 0);
    expect(l[1]).toBeLessThan(l[2] ?? 0);
    expect(l[3]).toBeGreaterThan(l[4] ?? 1);
    expect(l[4]).toBeGreaterThan(l[5] ?? 1);
  });

  it('tells two lines apart by lightness and dash, not hue alone', () => {
    const [a, b] = LINE_STYLES;
    expect(luminance(b.stroke) / luminance(a.stroke)).toBeGreaterThan(3);
    expect(a.dash).toBeUndefined();
    expect(b.dash).toBeTruthy();
  });
});
