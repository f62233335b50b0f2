/**
 * The map's colours for an indicator: a sequential ramp (ColorBrewer YlGnBu, 7 classes) whose
 * lightness falls steadily from the lowest to the highest class, so it reads for colour-blind users
 * and in greyscale. Values are cut into equal-width classes from the lowest (or 0) to the highest.
 * Countries without a value are hatched, not coloured, so they never pass for a low value.
 */
export const RAMP = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;
export const NO_DATA_FILL = 'url(#no-data)';

export interface ColourScale {
  colour: (v: number | null | undefined) => string;
  /** One entry per class, lowest first: its colour and its [from, to] bounds. */
  classes: readonly { colour: string; from: number; to: number }[];
}

export function colourScale(
  values: readonly (number | null)[],
  domain?: readonly [number, number],
): ColourScale {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = domain?.[0] ?? Math.min(0, ...finite);
  const hi = domain?.[1] ?? (finite.length > 0 ? Math.max(...finite) : 1);
  const n = RAMP.length;
  const step = hi > lo ? (hi - lo) / n : 1;
  const classOf = (v: number) => Math.min(n - 1, Math.max(0, Math.floor((v - lo) / step)));
  return {
    colour: (v) =>
      v === null || v === undefined || !Number.isFinite(v) ? NO_DATA_FILL : (RAMP[classOf(v)] ?? RAMP[0]),
    classes: RAMP.map((colour, i) => ({ colour, from: lo + i * step, to: lo + (i + 1) * step })),
  };
}
