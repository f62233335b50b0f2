import { countryByIso3, GRAINS, type Grain, type HotspotLevel } from '@peacebell/model';
import { useId } from 'react';
import { LEGEND, LEVEL_COLORS, LEVEL_LABELS } from './levels.ts';

/** Small pieces shared by the pages. */

export const countryName = (iso3: string, name?: string | null): string =>
  name ?? countryByIso3(iso3)?.name ?? iso3;

export function LevelBadge({ level }: { level: HotspotLevel }) {
  return (
    <span className={`badge level-${level}`}>
      <span className="swatch" style={{ background: LEVEL_COLORS[level] }} aria-hidden="true" />
      {LEVEL_LABELS[level]}
    </span>
  );
}

export function Legend() {
  return (
    <ul className="legend" aria-label="Map colours: hotspot level">
      {LEGEND.map(({ label, color }) => (
        <li key={label}>
          <span className="swatch" style={{ background: color }} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}

/** A labelled UTC day input; calls onChange with a complete day or undefined when cleared. */
export function DayField({
  label,
  value,
  onChange,
  min,
  max,
  testId,
}: {
  label: string;
  value: string | undefined;
  onChange: (day: string | undefined) => void;
  min?: string | undefined;
  max?: string | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{label} (UTC)</label>
      <input
        id={id}
        type="date"
        value={value ?? ''}
        min={min}
        max={max}
        data-testid={testId}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '') onChange(undefined);
          else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) onChange(v);
        }}
      />
    </span>
  );
}

/** A link to an event's source article: new tab, no opener. */
export function SourceLink({ url }: { url: string | null }) {
  if (!url) return <span className="muted">no link</span>;
  let host = url;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // not a URL we can shorten: show it as is
  }
  return (
    <a href={url} target="_blank" rel="noopener" data-testid="source-link" title={url}>
      {host}
    </a>
  );
}

export const categoryLabel = (category: string): string =>
  (category.charAt(0).toUpperCase() + category.slice(1)).replaceAll('_', ' ');

/** A table's header row; `{ num: label }` marks a right-aligned numeric column. */
export type Column = string | { num: string };
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.num} scope="col" className="num">
              {c.num}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

/** From, to (UTC days) and period: the window of a country's or a pair's series. */
export function WindowFields<S extends { from?: string; to?: string; grain?: Grain }>({
  state,
  grain,
  set,
}: {
  state: S;
  grain: Grain;
  set: (patch: Partial<S>) => void;
}) {
  const id = useId();
  return (
    <>
      <DayField
        label="From"
        value={state.from}
        max={state.to}
        onChange={(v) => set({ from: v } as Partial<S>)}
      />
      <DayField label="To" value={state.to} min={state.from} onChange={(v) => set({ to: v } as Partial<S>)} />
      <span className="field">
        <label htmlFor={id}>Period</label>
        <select id={id} value={grain} onChange={(e) => set({ grain: e.target.value as Grain } as Partial<S>)}>
          {GRAINS.map((g) => (
            <option key={g} value={g}>
              {g === 'week' ? 'week (from Monday)' : g}
            </option>
          ))}
        </select>
      </span>
    </>
  );
}

/** A tiny line of daily counts (the last point is the day shown); nothing while they load. */
export function Sparkline({ values, label }: { values: readonly number[] | undefined; label: string }) {
  if (!values || values.length < 2) return null;
  const width = 90;
  const height = 20;
  const max = Math.max(1, ...values);
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => height - 1 - (v / max) * (height - 2);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg
      className="sparkline"
      data-testid="sparkline"
      data-points={values.length}
      data-max={max}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}: at most ${max} a day`}
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}
