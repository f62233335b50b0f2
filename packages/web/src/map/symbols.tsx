import { formatCount } from '../format.ts';

/**
 * Proportional symbols: a circle's area follows its count, the largest `maxRadius` pixels, the
 * smallest never under `minRadius` (so one event stays visible and clickable).
 */
export function radiusScale(max: number, maxRadius: number, minRadius = 2.5): (v: number) => number {
  return (v) => Math.max(minRadius, maxRadius * Math.sqrt(Math.max(0, v) / Math.max(1, max)));
}

/** Three nested circles (the largest count, a quarter and a twenty-fifth of it) with their counts. */
export function SizeLegend({
  max,
  radius,
  unit,
}: {
  max: number;
  radius: (v: number) => number;
  unit: string;
}) {
  const values = [...new Set([max, Math.round(max / 4), Math.round(max / 25)])].filter((v) => v >= 1);
  const big = radius(max);
  const width = 2 * big + 90;
  const height = 2 * big + 12;
  return (
    <svg
      className="size-legend"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Circle area: ${unit}, up to ${formatCount(max)}`}
      data-testid="size-legend"
    >
      {values.map((v) => {
        const r = radius(v);
        const top = height - 2 - 2 * r;
        return (
          <g key={v}>
            <circle cx={big + 1} cy={height - 2 - r} r={r} fill="none" stroke="#555" />
            <line x1={big + 1} x2={2 * big + 8} y1={top} y2={top} stroke="#999" strokeDasharray="2 2" />
            <text x={2 * big + 10} y={top + 4} fontSize="11">
              {formatCount(v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
