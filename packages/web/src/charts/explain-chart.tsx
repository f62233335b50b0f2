import * as Plot from '@observablehq/plot';
import type { Explanation } from '@peacebell/model';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { PlotFigure, utcDay } from './plot-figure.tsx';

/** Conflict events per 7 days against the baseline's expectation and its watch and warning thresholds, per source. */
type Series = z.output<typeof Explanation>['series'];

export default function ExplainChart({ series }: { series: Series }) {
  const points = useMemo(
    () => series.flatMap((s) => s.points.map((p) => ({ ...p, source: s.source, date: utcDay(p.day) }))),
    [series],
  );
  const make = useCallback(
    (width: number): Plot.PlotOptions => ({
      width,
      height: 120 * Math.max(1, series.length) + 30,
      marginLeft: 48,
      marginRight: series.length > 1 ? 70 : 20,
      x: { type: 'utc', label: null },
      y: { grid: true, label: 'events, 7 days' },
      fy: series.length > 1 ? { label: null } : undefined,
      marks: [
        Plot.areaY(points, {
          x: 'date',
          y1: 'watch_at',
          y2: 'warning_at',
          fy: 'source',
          fill: '#fdae61',
          fillOpacity: 0.3,
        }),
        Plot.lineY(points, {
          x: 'date',
          y: 'expected',
          fy: 'source',
          stroke: '#666',
          strokeDasharray: '4 3',
        }),
        Plot.lineY(points, { x: 'date', y: 'warning_at', fy: 'source', stroke: '#e34a33', strokeWidth: 1 }),
        Plot.lineY(points, { x: 'date', y: 'count', fy: 'source', stroke: '#222', marker: 'dot', tip: true }),
      ],
    }),
    [points, series.length],
  );
  return (
    <figure className="chart" data-testid="explain-chart">
      <PlotFigure make={make} label="Conflict events per 7 days against the baseline" />
      <figcaption className="muted small">
        Dark line with dots: events in the 7 days to each day; dashed line: expected; shaded band: between the
        watch and warning thresholds; thin red line at its top: the warning threshold.
      </figcaption>
    </figure>
  );
}
