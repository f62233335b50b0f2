import * as Plot from '@observablehq/plot';
import { nextPeriod, type Grain, type IndicatorSeries } from '@peacebell/model';
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { LineLegend, seriesLines, TRACK_COLOURS, TRACK_ORDER } from './palette.tsx';
import { PlotFigure, utcAxis, utcDay } from './plot-figure.tsx';

/**
 * A country's (or pair's) indicators over time as small charts on one time axis: events, conflict
 * share, Goldstein and tone, the six tracks stacked, fatalities by source side by side.
 */
type Series = z.output<typeof IndicatorSeries>;
type Row = Series['rows'][number];

interface Long {
  period: Date;
  end: Date;
  id: string;
  title: string;
  value: number;
}

const TRACK_IDS: readonly string[] = TRACK_ORDER;
const FATALITY_IDS = ['fatalities_acled_best', 'fatalities_ucdp_best'];

function longRows(series: Series, ids: readonly string[]): Long[] {
  const titles = new Map(series.indicators.map((i) => [i.id, i.title] as const));
  const out: Long[] = [];
  for (const row of series.rows) {
    const period = String(row['period']);
    for (const id of ids) {
      const value = row[id];
      if (typeof value !== 'number') continue;
      out.push({
        period: utcDay(period),
        end: utcDay(nextPeriod(period, series.grain as Grain)),
        id,
        title: titles.get(id) ?? id,
        value,
      });
    }
  }
  return out;
}

const has = (rows: readonly Row[], id: string) => rows.some((r) => typeof r[id] === 'number' && r[id] !== 0);

function Chart({
  title,
  unit,
  make,
  label,
  lines,
}: {
  title: string;
  unit: string;
  make: (w: number) => Plot.PlotOptions;
  label: string;
  /** The series drawn by `seriesLines`, for their legend. */
  lines?: readonly string[];
}) {
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong> <span className="muted small">({unit})</span>
      </figcaption>
      {lines && <LineLegend series={lines} />}
      <PlotFigure make={make} label={label} />
    </figure>
  );
}

const titlesOf = (series: Series, ids: readonly string[]) => {
  const titles = new Map(series.indicators.map((i) => [i.id, i.title] as const));
  return ids.map((id) => titles.get(id) ?? id);
};

export default function IndicatorCharts({ series }: { series: Series }) {
  const per = `per ${series.grain}`;
  const data = useMemo(
    () => ({
      events: longRows(series, ['events']),
      share: longRows(series, ['conflict_share']),
      tone: longRows(series, ['goldstein', 'tone']),
      tracks: longRows(series, TRACK_IDS),
      deaths: longRows(series, FATALITY_IDS),
    }),
    [series],
  );
  const x = useMemo(
    () => ({
      ...utcAxis(series.from, series.to),
      domain: [utcDay(series.from), utcDay(nextPeriod(series.to, 'day'))],
    }),
    [series],
  );
  const base = useCallback(
    (width: number): Plot.PlotOptions => ({ width, height: 150, x, marginLeft: 48 }),
    [x],
  );

  const events = useCallback(
    (w: number) => ({
      ...base(w),
      y: { grid: true, label: `events ${per}` },
      marks: [
        Plot.rectY(data.events, {
          x1: 'period',
          x2: 'end',
          y: 'value',
          fill: '#4e79a7',
          inset: 0.5,
          tip: true,
        }),
      ],
    }),
    [base, data, per],
  );
  const share = useCallback(
    (w: number) => ({
      ...base(w),
      y: { grid: true, domain: [0, 100], percent: true, label: 'conflict share (%)' },
      marks: [
        Plot.lineY(data.share, { x: 'period', y: 'value', stroke: '#b2182b', marker: 'dot', tip: true }),
      ],
    }),
    [base, data],
  );
  const toneLines = useMemo(() => titlesOf(series, ['goldstein', 'tone']), [series]);
  const tone = useCallback(
    (w: number) => ({
      ...base(w),
      y: { grid: true, label: 'mean' },
      marks: [
        Plot.ruleY([0], { stroke: '#999' }),
        ...seriesLines(data.tone, 'title', toneLines, { x: 'period', y: 'value' }),
      ],
    }),
    [base, data, toneLines],
  );
  const trackTitles = useMemo(() => titlesOf(series, TRACK_IDS), [series]);
  const tracks = useCallback(
    (w: number) => ({
      ...base(w),
      height: 180,
      y: { grid: true, label: `events ${per}` },
      color: { legend: true, domain: trackTitles, range: TRACK_ORDER.map((t) => TRACK_COLOURS[t]) },
      marks: [
        Plot.rectY(data.tracks, {
          x1: 'period',
          x2: 'end',
          y: 'value',
          fill: 'title',
          order: [...trackTitles],
          stroke: '#fff',
          strokeWidth: 0.5,
          inset: 0.5,
          tip: true,
        }),
      ],
    }),
    [base, data, per, trackTitles],
  );
  const deathLines = useMemo(() => titlesOf(series, FATALITY_IDS), [series]);
  const deaths = useCallback(
    (w: number) => ({
      ...base(w),
      y: { grid: true, label: `deaths ${per}` },
      marks: seriesLines(data.deaths, 'title', deathLines, { x: 'period', y: 'value' }),
    }),
    [base, data, per, deathLines],
  );

  const rows = series.rows;
  const subject = [series.key.country, series.key.partner].filter(Boolean).join(' and ');
  return (
    <div data-testid="indicator-chart" className="charts">
      <p className="muted small">
        {series.from} to {series.to} (UTC), one point {per}
        {series.grain === 'week' ? ' (weeks from Monday)' : ''}.
      </p>
      <Chart title="Events" unit={`events ${per}`} make={events} label={`Events ${per} for ${subject}`} />
      {has(rows, 'conflict_share') && (
        <Chart
          title="Conflict share"
          unit="% of events"
          make={share}
          label={`Conflict share ${per} for ${subject}`}
        />
      )}
      {(has(rows, 'goldstein') || has(rows, 'tone')) && (
        <Chart
          title="Goldstein and tone"
          unit="Goldstein −10..10; tone −100..100"
          make={tone}
          lines={toneLines}
          label={`Goldstein and tone ${per} for ${subject}`}
        />
      )}
      {TRACK_IDS.some((id) => has(rows, id)) && (
        <Chart
          title="Tracks"
          unit={`events ${per}, stacked`}
          make={tracks}
          label={`Tracks ${per} for ${subject}`}
        />
      )}
      {FATALITY_IDS.some((id) => has(rows, id)) && (
        <Chart
          title="Fatalities by source"
          unit={`deaths ${per}`}
          make={deaths}
          lines={deathLines}
          label={`Deaths ${per} for ${subject}`}
        />
      )}
    </div>
  );
}
