import * as Plot from '@observablehq/plot';
import type { PairRelations } from '@peacebell/model';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { LINE_STYLES, LineLegend, seriesLines, TRACK_COLOURS, TRACK_ORDER } from './palette.tsx';
import { PlotFigure, utcAxis, utcDay } from './plot-figure.tsx';

/** The relations index of a pair both ways: a line per direction over its 95% band, and the tracks per period. */
type Relations = z.output<typeof PairRelations>;

const COLORS = LINE_STYLES.map((s) => s.stroke);
// API weeks start on Monday (Plot's 'week' is Sunday's)
const INTERVALS = { day: 'day', week: 'monday', month: 'month' } as const;
const TRACKS: readonly string[] = TRACK_ORDER;

export default function RelationsChart({ relations }: { relations: Relations }) {
  const directions = relations.directions.map((d) => `${d.from} → ${d.to}`);
  const points = useMemo(
    () =>
      relations.directions.flatMap((d) =>
        d.series.map((p) => ({
          direction: `${d.from} → ${d.to}`,
          date: utcDay(p.period),
          score: p.score,
          low: p.low,
          high: p.high,
          events: p.events,
        })),
      ),
    [relations],
  );
  const tracks = useMemo(
    () =>
      relations.directions.flatMap((d) =>
        d.series.flatMap((p) =>
          TRACKS.map((track) => ({
            direction: `${d.from} → ${d.to}`,
            date: utcDay(p.period),
            track,
            events: p.tracks[track] ?? 0,
          })),
        ),
      ),
    [relations],
  );
  const index = useCallback(
    (width: number): Plot.PlotOptions => ({
      width,
      height: 240,
      marginLeft: 44,
      x: utcAxis(relations.from, relations.to),
      y: { domain: [-1, 1], grid: true, label: 'relations index (−1 conflict … +1 cooperation)' },
      color: { domain: directions, range: COLORS },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.areaY(points, {
          x: 'date',
          y1: 'low',
          y2: 'high',
          fill: 'direction',
          fillOpacity: 0.18,
        }),
        ...seriesLines(points, 'direction', directions, { x: 'date', y: 'score' }),
      ],
    }),
    [points, directions],
  );
  const trackChart = useCallback(
    (width: number): Plot.PlotOptions => ({
      width,
      height: 110 * directions.length + 40,
      marginLeft: 44,
      marginRight: 90,
      x: utcAxis(relations.from, relations.to),
      y: { grid: true, label: `events per ${relations.grain}` },
      fy: { domain: directions, label: null },
      color: { legend: true, domain: TRACKS, range: TRACK_ORDER.map((t) => TRACK_COLOURS[t]) },
      marks: [
        Plot.rectY(
          tracks.filter((t) => t.events > 0),
          Plot.stackY({
            x: 'date',
            interval: INTERVALS[relations.grain],
            y: 'events',
            fill: 'track',
            order: [...TRACKS],
            stroke: '#fff',
            strokeWidth: 0.5,
            fy: 'direction',
            tip: true,
          }),
        ),
        Plot.ruleY([0]),
      ],
    }),
    [tracks, directions, relations.grain],
  );
  return (
    <div data-testid="relations-chart" className="charts">
      <figure className="chart">
        <LineLegend series={directions} />
        <PlotFigure make={index} label={`Relations index ${directions.join(' and ')}`} />
      </figure>
      <figure className="chart">
        <figcaption>
          <strong>Tracks</strong>{' '}
          <span className="muted small">(events per {relations.grain}, each direction)</span>
        </figcaption>
        <PlotFigure make={trackChart} label={`Tracks per ${relations.grain}, both directions`} />
      </figure>
    </div>
  );
}
