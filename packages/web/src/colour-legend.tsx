import type { ColourScale } from './colour-scale.ts';
import { formatNumber } from './format.ts';

/** A colour scale's classes, lowest first, with the unit; and the hatch for no data. */
export function IndicatorLegend({
  scale,
  unit,
  format = formatNumber,
  noData = true,
}: {
  scale: ColourScale;
  unit: string;
  format?: (v: number) => string;
  noData?: boolean;
}) {
  return (
    <ul className="legend" aria-label={`Map colours: ${unit}`} data-testid="colour-legend">
      {noData && (
        <li>
          <svg width="14" height="14" aria-hidden="true" className="swatch">
            <rect width="14" height="14" fill="url(#no-data)" />
          </svg>
          No data
        </li>
      )}
      {scale.classes.map((c) => (
        <li key={c.colour}>
          <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
          {format(c.from)}–{format(c.to)}
        </li>
      ))}
      <li className="muted">{unit}</li>
    </ul>
  );
}
