import { PairRelations } from '@peacebell/model';
import { lazy } from 'react';
import { apiUrl } from '../api.ts';
import { categoryLabel, countryName, SourceLink, TableHead, WindowFields } from '../components.tsx';
import { formatCount, formatSigned } from '../format.ts';
import { Link, useNavigate } from '../navigation.tsx';
import { Panel } from '../panel.tsx';
import { useApi } from '../use-api.ts';
import type { PairState } from '../url-state.ts';

const RelationsChart = lazy(() => import('../charts/relations-chart.tsx'));

const TRACKS = ['dialogue', 'agreements', 'aid', 'sanctions', 'threats', 'force'] as const;

export function PairPage({ state }: { state: PairState }) {
  const navigate = useNavigate();
  const { a, b, from, to } = state;
  const grain = state.grain ?? 'month';
  const relations = useApi(
    apiUrl(`/pairs/${a}/${b}`, { grain, from, to, events_period: state.point }),
    PairRelations,
  );
  const set = (patch: Partial<PairState>) => navigate({ ...state, ...patch });

  return (
    <>
      <div className="page-head">
        <h1 data-testid="pair-title">
          {countryName(a)} and {countryName(b)}{' '}
          <span className="muted">
            ({a}–{b})
          </span>
        </h1>
        <p className="small">
          <Link to={{ page: 'country', country: a }}>{countryName(a)}</Link> ·{' '}
          <Link to={{ page: 'country', country: b }}>{countryName(b)}</Link> ·{' '}
          <Link to={{ ...state, a: b, b: a }}>Swap</Link>
        </p>
      </div>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Window">
        <WindowFields state={state} grain={grain} set={set} />
      </form>

      <Panel
        title="Relations index, both ways"
        load={relations}
        isEmpty={(d) => d.directions.every((dir) => dir.total.events === 0)}
        empty={`No events between ${a} and ${b} in this window.`}
      >
        {(data) => (
          <>
            <p className="muted small">
              {data.from} to {data.to} (UTC), per {data.grain}. The index runs from −1 (all conflict) to +1
              (all cooperation); the band is its 95% interval, wide when events are few.
            </p>
            <RelationsChart relations={data} />
            <table className="table" data-testid="pair-totals">
              <TableHead
                columns={[
                  'Direction',
                  { num: 'Index' },
                  { num: '95% band' },
                  { num: 'Events' },
                  ...TRACKS.map((t) => ({ num: categoryLabel(t) })),
                ]}
              />
              <tbody>
                {data.directions.map((d) => (
                  <tr key={`${d.from}-${d.to}`}>
                    <th scope="row">
                      {d.from} → {d.to}
                    </th>
                    <td className="num">{formatSigned(d.total.score)}</td>
                    <td className="num">
                      {formatSigned(d.total.low)} to {formatSigned(d.total.high)}
                    </td>
                    <td className="num">{formatCount(d.total.events)}</td>
                    {TRACKS.map((t) => (
                      <td key={t} className="num">
                        {formatCount(d.total.tracks[t] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">Track counts are events over the whole window.</p>
          </>
        )}
      </Panel>

      <Panel title="Top events" load={relations}>
        {(data) => (
          <>
            <p className="muted small">
              The most reported events of the {data.grain} from {data.events_period} (UTC).
            </p>
            <label className="field">
              <span>Events of the {data.grain} from</span>
              <select
                data-testid="pair-point"
                value={data.events_period}
                onChange={(e) => set({ point: e.target.value })}
              >
                {(data.directions[0]?.series ?? []).map((p) => (
                  <option key={p.period} value={p.period}>
                    {p.period} (
                    {(
                      p.events + (data.directions[1]?.series.find((q) => q.period === p.period)?.events ?? 0)
                    ).toLocaleString('en')}{' '}
                    events)
                  </option>
                ))}
              </select>
            </label>
            <ul className="events-list" data-testid="pair-events">
              {data.top_events.map((e) => (
                <li key={e.id}>
                  <span className="date">{e.event_date}</span> <span className="tag">{e.source}</span>{' '}
                  {e.from} → {e.to} <strong>{categoryLabel(e.category)}</strong>
                  {e.event_code ? ` (CAMEO ${e.event_code})` : ''}
                  {e.actor1_name || e.actor2_name ? (
                    <> · {[e.actor1_name, e.actor2_name].filter(Boolean).join(' → ')}</>
                  ) : null}
                  {e.goldstein !== null ? <> · Goldstein {formatSigned(e.goldstein)}</> : null}
                  {e.action_geo_name ? <> · {e.action_geo_name}</> : null} · <SourceLink url={e.source_url} />
                </li>
              ))}
            </ul>
            {data.top_events.length === 0 && <p className="empty">No events in that period.</p>}
          </>
        )}
      </Panel>
    </>
  );
}
