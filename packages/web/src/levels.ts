import { HOTSPOT_LEVELS, type HotspotLevel } from '@peacebell/model';

/**
 * Hotspot levels as map fills: a sequential yellow–orange–red ramp (after ColorBrewer OrRd) whose
 * lightness falls with severity, so it reads for colour-blind users and in greyscale; countries
 * without a hotspot are a light neutral grey, lighter than any level.
 */
export const LEVEL_COLORS: Readonly<Record<HotspotLevel, string>> = {
  watch: '#fdae61',
  warning: '#e34a33',
  alert: '#7f0000',
};
export const NO_HOTSPOT_COLOR = '#f2f2f2';

export const LEVEL_LABELS: Readonly<Record<HotspotLevel, string>> = {
  watch: 'Watch',
  warning: 'Warning',
  alert: 'Alert',
};

export function levelColor(level: HotspotLevel | undefined): string {
  return level ? LEVEL_COLORS[level] : NO_HOTSPOT_COLOR;
}

/** Higher is more severe: watch 1, warning 2, alert 3; no hotspot 0. */
export function levelRank(level: HotspotLevel | undefined): number {
  return level ? HOTSPOT_LEVELS.indexOf(level) + 1 : 0;
}

/** The legend, from no hotspot to the most severe level. */
export const LEGEND: readonly { label: string; color: string }[] = [
  { label: 'No hotspot', color: NO_HOTSPOT_COLOR },
  ...HOTSPOT_LEVELS.map((level) => ({ label: LEVEL_LABELS[level], color: LEVEL_COLORS[level] })),
];

/** WCAG relative luminance of a #rrggbb colour, 0 (black) .. 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}
