import {
  addDays,
  EventsPage,
  Explanation,
  Hotspots,
  IndicatorSeries,
  Partners,
  Regions,
} from '@peacebell/model';
import { lazy } from 'react';
import { apiUrl } from '../api.ts';
import {
  categoryLabel,
  countryName,
  DayField,
  LevelBadge,
  SourceLink,
  TableHead,
  WindowFields,
} from '../components.tsx';
import { formatCount, formatCountOf, formatNumber, formatShare, formatSigned } from '../format.ts';
import { levelRank } from '../levels.ts';
import { Link, useNavigate } from '../navigation.tsx';
import { Panel } from '../panel.tsx';
import { useApi } from '../use-api.ts';
import type { CountryState } from '../url-state.ts';
import { RegionsPanel } from './country-regions.tsx';
import { ThreatsPanel } from './country-threats.tsx';

const IndicatorCharts = lazy(() => import('../charts/indicator-charts.tsx'));
const ExplainChart = lazy(() => import('../charts/explain-chart.tsx'));

export function CountryPage({ state }: { state: CountryState }) {
  const navigate = useNavigate();
  const { country, from, to, date } = state;
  const grain = state.grain ?? 'week';
  const name = countryName(country);
  const explain = useApi(apiUrl(`/hotspots/${country}/explain`, { date }), Explanation);
  // Without a window of its own, the series end on the hotspot day, so the escalation is in view.
  const until = to ?? date;
  const indicators = useApi(
    apiUrl(`/countries/${country}/indicators`, { grain, from, to: until }),
    IndicatorSeries,
  );
  const partners = useApi(apiUrl(`/countries/${country}/partners`, { from, to: until }), Partners);
  const regions = useApi(apiUrl(`/countries/${country}/regions`, { from, to: until }), Regions);
  const latest = useApi(apiUrl('/events', { country, to: until, limit: 10, order: 'desc' }), EventsPage);
  // A year of hotspot history up to the day shown (the explanation knows the last day with data).
  const historyTo = until ?? (explain.state === 'ok' ? explain.data.date : undefined);
  const history = useApi(
    historyTo
      ? apiUrl('/hotspots', { country, from: addDays(historyTo, -364), to: historyTo, level: 'warning' })
      : null,
    Hotspots,
  );
  const set = (patch: Partial<CountryState>) => navigate({ ...state, ...patch });

  return (
    <>
      <div className="page-head">
        <h1 data-testid="country-title">
          {name} <span className="muted">({country})</span>
        </h1>
        <Headline load={explain} />
      </div>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Window and day">
        <WindowFields state={state} grain={grain} set={set} />
        <DayField label="Hotspot day" value={date} onChange={(v) => set({ date: v })} />
        <Link to={{ page: 'events', country, ...(from ? { from } : {}), ...(to ? { to } : {}) }}>
          All events of {name} →
        </Link>
      </form>

      <Panel
        title="Indicators over time"
        load={indicators}
        isEmpty={(d) => d.rows.length === 0}
        empty="No events in this window."
      >
        {(data) => <IndicatorCharts series={data} />}
      </Panel>

      <div className="columns">
        <Panel title="Why this level: the hotspot explained" load={explain}>
          {(data) => (
            <>
              <p className="muted small">
                Conflict events per day against the baseline and its thresholds, to {data.date} (UTC).
              </p>
              {data.series.some((s) => s.points.length > 0) && <ExplainChart series={data.series} />}
              <h3>What drives it</h3>
              {data.drivers.length === 0 ? (
                <p className="empty">No conflict events in the last 7 days.</p>
              ) : (
                <table className="table">
                  <TableHead
                    columns={['Category', { num: 'Events, 7 days' }, { num: 'Baseline, events per week' }]}
                  />
                  <tbody>
                    {data.drivers.map((d) => (
                      <tr key={d.category}>
                        <th scope="row">{categoryLabel(d.category)}</th>
                        <td className="num">{formatCount(d.recent)}</td>
                        <td className="num">{formatNumber(d.baseline_weekly)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {data.actors.length > 0 && (
                <p className="small">
                  Actors:{' '}
                  {data.actors.map((a) => `${a.actor} (${formatCountOf(a.events, 'event')})`).join(', ')}
                </p>
              )}
              <h3>Top events</h3>
              <ul className="events-list" data-testid="explain-events">
                {data.top_events.map((e) => (
                  <li key={e.id}>
                    <span className="date">{e.event_date}</span> <span className="tag">{e.source}</span>{' '}
                    <strong>{categoryLabel(e.category)}</strong>
                    {e.actor1_name || e.actor2_name ? (
                      <> · {[e.actor1_name, e.actor2_name].filter(Boolean).join(' → ')}</>
                    ) : null}
                    {e.action_geo_name ? <> · {e.action_geo_name}</> : null}
                    {e.fatalities_best ? <> · {formatCountOf(e.fatalities_best, 'death')}</> : null}
                    {e.num_sources ? <> · {formatCountOf(e.num_sources, 'source')}</> : null} ·{' '}
                    <SourceLink url={e.source_url} />
                    {e.notes ? <p className="notes small">{e.notes}</p> : null}
                  </li>
                ))}
              </ul>
              {data.top_events.length === 0 && <p className="empty">No events in the last 7 days.</p>}
            </>
          )}
        </Panel>

        <Panel title="Strongest partners" load={partners}>
          {(data) => (
            <>
              <p className="muted small">
                Ranked by source reports, {data.from} to {data.to} (UTC). Relations index: −1 all conflict, +1
                all cooperation, with its 95% band.
              </p>
              <table className="table" data-testid="partners">
                <TableHead
                  columns={[
                    'Partner',
                    { num: 'Events' },
                    { num: `${country} → partner` },
                    { num: `Partner → ${country}` },
                  ]}
                />
                <tbody>
                  {data.partners.map((p) => (
                    <tr key={p.partner} data-partner={p.partner}>
                      <th scope="row">
                        <Link to={{ page: 'pair', a: country, b: p.partner }}>
                          {countryName(p.partner, p.name)}
                        </Link>
                      </th>
                      <td className="num">{formatCount(p.events)}</td>
                      <td className="num" title={band(p.outgoing)}>
                        {formatSigned(p.outgoing.score)}
                      </td>
                      <td className="num" title={band(p.incoming)}>
                        {formatSigned(p.incoming.score)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.partners.length === 0 && (
                <p className="empty">No events with another country in this window.</p>
              )}
            </>
          )}
        </Panel>
      </div>

      <RegionsPanel load={regions} name={name} />

      <ThreatsPanel country={state.country} to={state.to} name={name} />

      <div className="columns">
        <Panel
          title="Hotspot history, last 365 days"
          load={history}
          isEmpty={(d) => d.hotspots.every((h) => h.phase !== 'new')}
          empty="No warning or alert started in the last 365 days."
        >
          {(data) => (
            <table className="table" data-testid="hotspot-history">
              <TableHead columns={['Started (UTC)', 'Level', { num: 'Events' }, { num: 'Expected' }]} />
              <tbody>
                {data.hotspots
                  .filter((h) => h.phase === 'new')
                  .map((h) => (
                    <tr key={h.day} data-day={h.day}>
                      <td>
                        <Link to={{ page: 'country', country, date: h.day }}>{h.day}</Link>
                      </td>
                      <td>
                        <LevelBadge level={h.level} />
                      </td>
                      <td className="num">{formatCount(h.count)}</td>
                      <td className="num">{formatNumber(h.expected)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </Panel>

        <Panel title="Latest events" load={latest}>
          {(data) => (
            <>
              <p className="muted small">
                The 10 newest events{until ? ` up to ${until}` : ''} (UTC).{' '}
                <Link to={{ page: 'events', country, ...(until ? { to: until } : {}) }}>All of them →</Link>
              </p>
              <ul className="events-list" data-testid="latest-events">
                {data.events.map((e) => (
                  <li key={e.id} data-id={e.id}>
                    <span className="date">{e.event_date}</span> <span className="tag">{e.source}</span>{' '}
                    <strong>{categoryLabel(e.category)}</strong>
                    {e.actor1_name || e.actor2_name ? (
                      <> · {[e.actor1_name, e.actor2_name].filter(Boolean).join(' → ')}</>
                    ) : null}
                    {e.action_geo_name ? <> · {e.action_geo_name}</> : null}
                    {e.fatalities_best ? <> · {formatCountOf(e.fatalities_best, 'death')}</> : null}
                    {e.source_url ? (
                      <>
                        {' '}
                        · <SourceLink url={e.source_url} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              {data.events.length === 0 && <p className="empty">No events to this day.</p>}
            </>
          )}
        </Panel>
      </div>
    </>
  );
}

const band = (t: { low: number | null; high: number | null }) =>
  `95% band ${formatSigned(t.low)} to ${formatSigned(t.high)}`;

/** The headline status under the title: the most severe hotspot of the day, or none. */
function Headline({ load }: { load: ReturnType<typeof useApi<typeof Explanation>> }) {
  if (load.state === 'loading')
    return (
      <p className="headline muted" aria-busy="true">
        Loading status…
      </p>
    );
  if (load.state === 'error') return null;
  const top = [...load.data.hotspots].sort(
    (a, b) => levelRank(b.level) - levelRank(a.level) || b.score - a.score,
  )[0];
  if (!top) return <p className="headline">No hotspot on {load.data.date} (UTC).</p>;
  return (
    <p className="headline" data-testid="headline" data-level={top.level}>
      <LevelBadge level={top.level} /> {top.phase} on {top.day} (UTC):{' '}
      {formatCountOf(top.count, 'conflict event')} in 7 days against {formatNumber(top.expected)} expected;
      confidence {formatShare(top.confidence)} ({top.sources_agreeing} of{' '}
      {formatCountOf(top.sources, 'source')} agreeing).
    </p>
  );
}
