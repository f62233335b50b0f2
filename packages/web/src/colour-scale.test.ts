import { describe, expect, it } from 'vitest';
import { colourScale, NO_DATA_FILL, RAMP } from './colour-scale.ts';
import { luminance } from './levels.ts';

describe('the indicator colour scale', () => {
  it('gets darker with every class, so it reads in greyscale', () => {
    const l = RAMP.map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1] ?? 1);
  });

  it('puts the lowest value in the first class and the highest in the last', () => {
    const scale = colourScale([0, 5, 70, null]);
    expect(scale.colour(0)).toBe(RAMP[0]);
    expect(scale.colour(70)).toBe(RAMP[RAMP.length - 1]);
    expect(scale.colour(null)).toBe(NO_DATA_FILL);
    expect(scale.classes[0]?.from).toBe(0);
    expect(scale.classes.at(-1)?.to).toBe(70);
  });

  it('spans negative values (Goldstein) from the lowest', () => {
    const scale = colourScale([-7, 3]);
    expect(scale.colour(-7)).toBe(RAMP[0]);
    expect(scale.classes[0]?.from).toBe(-7);
  });

  it('cuts a fixed domain (a share) whatever the values', () => {
    const scale = colourScale([0.2, 0.3], [0, 1]);
    expect(scale.classes[0]?.from).toBe(0);
    expect(scale.classes.at(-1)?.to).toBe(1);
    expect(scale.colour(0.3)).toBe(RAMP[2]);
    expect(scale.colour(1)).toBe(RAMP[RAMP.length - 1]);
  });
});
