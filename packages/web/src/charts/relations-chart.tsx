import * as Plot from '@observablehq/plot';
import type { PairRelations } from '@peacebell/model';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { PlotFigure, utcDay } from './plot-figure.tsx';

/** The relations index of a pair both ways: a line per direction over its 95% band, and the tracks per period. */
type Relations = z.output<typeof PairRelations>;

const COLORS = ['#1f78b4', '#d95f02'];
// API weeks start on Monday (Plot's 'week' is Sunday's)
const INTERVALS = { day: 'day', week: 'monday', month: 'month' } as const;
const TRACKS = ['dialogue', 'agreements', 'aid', 'sanctions', 'threats', 'force'];

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
      x: { type: 'utc', label: null },
      y: { domain: [-1, 1], grid: true, label: 'relations index (−1 conflict … +1 cooperation)' },
      color: { legend: true, domain: directions, range: COLORS },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        Plot.areaY(points, {
          x: 'date',
          y1: 'low',
          y2: 'high',
          fill: 'direction',
          fillOpacity: 0.18,
        }),
        Plot.lineY(points, { x: 'date', y: 'score', stroke: 'direction', marker: 'dot', tip: true }),
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
      x: { type: 'utc', label: null },
      y: { grid: true, label: `events per ${relations.grain}` },
      fy: { domain: directions, label: null },
      color: { legend: true, domain: TRACKS, scheme: 'Tableau10' },
      marks: [
        Plot.rectY(
          tracks.filter((t) => t.events > 0),
          Plot.stackY({
            x: 'date',
            interval: INTERVALS[relations.grain],
            y: 'events',
            fill: 'track',
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
