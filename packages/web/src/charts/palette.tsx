import * as Plot from '@observablehq/plot';

/**
 * Chart colours that read for colour-blind users and in greyscale. Tracks: a diverging blue–red
 * ramp (ColorBrewer RdBu), cooperation in blues and conflict in reds, each darker as it gets
 * stronger, stacked in that order (aid at the bottom, force at the top). Two lines on one chart
 * differ in lightness and in dash, not only in hue.
 */
export const TRACK_ORDER = ['aid', 'agreements', 'dialogue', 'sanctions', 'threats', 'force'] as const;
export const TRACK_COLOURS: Readonly<Record<(typeof TRACK_ORDER)[number], string>> = {
  aid: '#2166ac',
  agreements: '#67a9cf',
  dialogue: '#d1e5f0',
  sanctions: '#fddbc7',
  threats: '#ef8a62',
  force: '#b2182b',
};

export interface LineStyle {
  stroke: string;
  dash?: string;
}
/** The first series dark and solid, the second lighter and dashed. */
export const LINE_STYLES: readonly [LineStyle, LineStyle] = [
  { stroke: '#08306b' },
  { stroke: '#e6550d', dash: '6 3' },
];

/** One line per series of `data` (told apart by `key`), each with its style, dots and a tip. */
export function seriesLines<T extends object>(
  data: readonly T[],
  key: keyof T & string,
  series: readonly string[],
  options: { x: keyof T & string; y: keyof T & string },
): Plot.Markish[] {
  const tip = (name: string) => (d: T) => {
    const at = d[options.x];
    const day = at instanceof Date ? at.toISOString().slice(0, 10) : String(at);
    const value = d[options.y];
    return `${name}\n${day} (UTC): ${typeof value === 'number' ? Math.round(value * 100) / 100 : '–'}`;
  };
  return series.map((name, i) => {
    const style = LINE_STYLES[i % LINE_STYLES.length] ?? LINE_STYLES[0];
    return Plot.lineY(
      data.filter((d) => d[key] === name),
      {
        ...options,
        stroke: style.stroke,
        strokeDasharray: style.dash,
        marker: 'dot',
        tip: true,
        title: tip(name),
      },
    );
  });
}

/** The legend of `seriesLines`: each series' name beside a sample of its line. */
export function LineLegend({ series }: { series: readonly string[] }) {
  return (
    <ul className="legend" data-testid="line-legend">
      {series.map((name, i) => {
        const style = LINE_STYLES[i % LINE_STYLES.length] ?? LINE_STYLES[0];
        return (
          <li key={name}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="1"
                x2="27"
                y1="5"
                y2="5"
                stroke={style.stroke}
                strokeWidth="2"
                strokeDasharray={style.dash}
              />
            </svg>
            {name}
          </li>
        );
      })}
    </ul>
  );
}
