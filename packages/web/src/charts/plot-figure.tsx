import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Renders an Observable Plot chart into the page at the width of its container. `make` builds the
 * options for a width; the chart is redrawn when the options builder or the width changes.
 */
export function PlotFigure({ make, label }: { make: (width: number) => Plot.PlotOptions; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  useEffect(() => {
    const host = ref.current;
    if (!host || width === 0) return;
    const chart = Plot.plot({ ...make(width), ariaLabel: label });
    host.replaceChildren(chart);
    return () => chart.remove();
  }, [make, width, label]);
  return <div ref={ref} className="plot" />;
}

function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    let last = el.clientWidth;
    const observer = new ResizeObserver(() => {
      // redraw only on real width changes (tens of pixels), not on every layout pass
      if (Math.abs(el.clientWidth - last) > 24) {
        last = el.clientWidth;
        measure();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** A YYYY-MM-DD day as a UTC Date for time scales. */
export const utcDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * A UTC time axis over `from`..`to` (days) that ticks whole days when the window is a few days
 * long (Plot would tick hours, "6 AM", which daily data does not have).
 */
export function utcAxis(from: string, to: string): Plot.ScaleOptions {
  const days = (utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000;
  return {
    type: 'utc',
    label: null,
    ...(days <= 14 ? { ticks: 'day' as const, tickFormat: '%b %-d' } : {}),
  };
}
