import {
  countryByIso3,
  DEFAULT_EVENTS_PAGE,
  EventPoints,
  EventsPage as EventsPageSchema,
} from '@peacebell/model';
import { lazy, useId, useState } from 'react';
import { apiUrl } from '../api.ts';
import { categoryLabel, countryName, DayField, SourceLink, TableHead } from '../components.tsx';
import { formatCount, formatCountOf, formatSigned } from '../format.ts';
import { Link, useNavigate } from '../navigation.tsx';
import { Panel } from '../panel.tsx';
import { useApi } from '../use-api.ts';
import type { EventsState } from '../url-state.ts';

const PointsMap = lazy(() => import('../map/points-map.tsx'));

/** The event explorer: filters in the URL, pages by cursor, export of the same selection. */
export function EventsPage({ state }: { state: EventsState }) {
  const navigate = useNavigate();
  const { country, adm1, from, to, actor, root, code, quad, source, cursor } = state;
  const filters = { country, adm1, actor, from, to, root, code, quad, source };
  const page = useApi(
    apiUrl('/events', { ...filters, limit: DEFAULT_EVENTS_PAGE, cursor }),
    EventsPageSchema,
  );
  const points = useApi(apiUrl('/events/points', filters), EventPoints);
  // a new filter starts again at the first page
  const set = (patch: Partial<EventsState>) => {
    const next: EventsState = { ...state, ...patch };
    delete next.cursor;
    navigate(next);
  };

  return (
    <>
      <div className="page-head">
        <h1>
          Events{adm1 ? ` in ${adm1}` : ''}
          {country ? `${adm1 ? ',' : ' of'} ${countryName(country)}` : ''}
        </h1>
      </div>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <CountryField value={country} onChange={(v) => set({ country: v })} />
        <TextFilter
          name="adm1"
          label="Region (ADM1, as the source codes it)"
          placeholder="Borno"
          value={adm1}
          ok={/^[^,]{1,200}$/}
          trim={false}
          onChange={(v) => set({ adm1: v })}
        />
        <DayField label="From" value={from} max={to} onChange={(v) => set({ from: v })} />
        <DayField label="To" value={to} min={from} onChange={(v) => set({ to: v })} />
        <TextFilter
          name="actor"
          label="Actor (CAMEO code or prefix)"
          placeholder="KAZGOV"
          value={actor}
          ok={/^[A-Za-z0-9]{1,30}$/}
          onChange={(v) => set({ actor: v?.toUpperCase() })}
        />
        <TextFilter
          name="root"
          label="CAMEO root codes"
          placeholder="14,18"
          value={root}
          ok={/^\d{1,2}(,\d{1,2})*$/}
          onChange={(v) => set({ root: v })}
        />
        <TextFilter
          name="code"
          label="CAMEO event codes"
          placeholder="0211"
          value={code}
          ok={/^\d{2,4}(,\d{2,4})*$/}
          onChange={(v) => set({ code: v })}
        />
        <TextFilter
          name="quad"
          label="Quad classes (1–4)"
          placeholder="3,4"
          value={quad}
          ok={/^[1-4](,[1-4])*$/}
          onChange={(v) => set({ quad: v })}
        />
        <TextFilter
          name="source"
          label="Sources"
          placeholder="acled,gdelt2"
          value={source}
          ok={/^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/}
          onChange={(v) => set({ source: v })}
        />
        <span className="exports">
          Export this selection:{' '}
          <a href={apiUrl('/events', { ...filters, format: 'csv' })} data-testid="export-csv" download>
            CSV
          </a>{' '}
          ·{' '}
          <a href={apiUrl('/events', { ...filters, format: 'ndjson' })} data-testid="export-ndjson" download>
            NDJSON
          </a>
        </span>
      </form>

      <Panel
        title="Where they happened"
        load={points}
        isEmpty={(d) => d.points.length === 0}
        empty={
          points.state === 'ok' && points.data.events > 0
            ? `None of the ${formatCountOf(points.data.events, 'event')} has coordinates.`
            : 'No events match these filters.'
        }
      >
        {(data) => <PointsMap data={data} caption="The selection on a map" />}
      </Panel>

      <Panel
        title={cursor ? 'Events (a later page)' : 'Events, oldest day first'}
        load={page}
        actions={
          <span className="pager">
            {cursor && (
              <Link to={{ ...state, cursor: undefined }} className="button">
                First page
              </Link>
            )}
            <button
              type="button"
              data-testid="next-page"
              disabled={page.state !== 'ok' || page.data.next_cursor === null}
              onClick={() =>
                page.state === 'ok' &&
                page.data.next_cursor &&
                navigate({ ...state, cursor: page.data.next_cursor })
              }
            >
              Next page ▶
            </button>
          </span>
        }
      >
        {(data) => (
          <>
            <p className="muted small">
              {formatCountOf(data.events.length, 'event')} on this page; days are UTC.
            </p>
            <div className="scroll wide">
              <table className="table" data-testid="events-table">
                <TableHead
                  columns={[
                    'Day (UTC)',
                    'Source',
                    'Category',
                    'Actors',
                    'Place',
                    { num: 'Goldstein (−10 to +10)' },
                    { num: 'Deaths' },
                    'Link',
                  ]}
                />
                <tbody>
                  {data.events.map((e) => (
                    <tr key={e.id} data-testid="event-row" data-id={e.id}>
                      <td className="date">
                        {e.event_date}
                        {e.event_date_end && e.event_date_end !== e.event_date
                          ? ` to ${e.event_date_end}`
                          : ''}
                      </td>
                      <td>{e.source}</td>
                      <td>
                        {categoryLabel(e.category)}
                        {e.event_code ? <span className="muted small"> CAMEO {e.event_code}</span> : null}
                      </td>
                      <td>{[e.actor1_name, e.actor2_name].filter(Boolean).join(' → ')}</td>
                      <td>
                        {e.action_geo_country ? (
                          <Link to={{ page: 'country', country: e.action_geo_country }}>
                            {e.action_geo_country}
                          </Link>
                        ) : null}{' '}
                        {e.action_geo_name}
                      </td>
                      <td className="num">{formatSigned(e.goldstein)}</td>
                      <td className="num">{formatCount(e.fatalities_best)}</td>
                      <td>
                        <SourceLink url={e.source_url} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {data.events.length === 0 && <p className="empty">No events match these filters.</p>}
          </>
        )}
      </Panel>
    </>
  );
}

/** A country filter: an ISO3 code typed or picked from the list; applied when it is a known code. */
function CountryField({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const apply = (v: string) => {
    const code = v.trim().toUpperCase();
    if (code === '') onChange(undefined);
    else if (countryByIso3(code)) onChange(code);
  };
  return (
    <span className="field">
      <label htmlFor={id}>Country (ISO3)</label>
      <input
        id={id}
        value={text}
        size={6}
        maxLength={3}
        placeholder="any"
        data-testid="country-input"
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim().length === 3 || e.target.value === '') apply(e.target.value);
        }}
      />
    </span>
  );
}

/**
 * A text filter of the API (comma-separated lists allowed): applied on Enter or on leaving the
 * field, when it has the expected form; cleared when emptied.
 */
function TextFilter({
  name,
  label,
  placeholder,
  value,
  ok,
  trim = true,
  onChange,
}: {
  name: string;
  label: string;
  placeholder: string;
  value: string | undefined;
  ok: RegExp;
  /** Spaces out (lists of codes); false keeps inner spaces (names), trimming only the ends. */
  trim?: boolean;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // the URL changed (back, a link): show its value
    setSeen(value);
    setText(value ?? '');
  }
  const normalised = trim ? text.replaceAll(' ', '') : text.trim();
  const valid = normalised === '' || ok.test(normalised);
  const apply = () => {
    if (!valid) return;
    const v = normalised === '' ? undefined : normalised;
    if (v !== value) onChange(v);
  };
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        value={text}
        size={10}
        maxLength={200}
        placeholder={placeholder}
        data-testid={`filter-${name}`}
        aria-invalid={!valid}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
    </span>
  );
}
