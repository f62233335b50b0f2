import { addDays, CountriesStatus, Hotspots } from '@peacebell/model';
import { lazy, useMemo } from 'react';
import { apiUrl } from '../api.ts';
import { countryName, DayField, LevelBadge, Legend, TableHead } from '../components.tsx';
import { formatCount, formatNumber, formatRatio, formatShare } from '../format.ts';
import { Link, useNavigate } from '../navigation.tsx';
import { Panel } from '../panel.tsx';
import { useApi } from '../use-api.ts';
import type { WorldState } from '../url-state.ts';

const WorldMap = lazy(() => import('../map/world-map.tsx'));

export function WorldPage({ state }: { state: WorldState }) {
  const navigate = useNavigate();
  const countries = useApi(apiUrl('/countries', { date: state.date }), CountriesStatus);
  const hotspots = useApi(apiUrl('/hotspots', { date: state.date }), Hotspots);
  const asOf = countries.state === 'ok' ? (countries.data.as_of ?? undefined) : undefined;
  const shown = state.date ?? asOf ?? (hotspots.state === 'ok' ? hotspots.data.to : undefined);
  // in the API's order, its ranking (most surprising first): one ranking for every client
  const ranked = useMemo(() => (hotspots.state === 'ok' ? hotspots.data.hotspots : []), [hotspots]);
  const byCountry = useMemo(() => new Map(ranked.map((h) => [h.country, h] as const)), [ranked]);
  const go = (date: string | undefined) => navigate(date ? { page: 'world', date } : { page: 'world' });

  return (
    <>
      <div className="page-head">
        <h1>World{shown ? ` on ${shown} (UTC)` : ''}</h1>
        <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Date shown">
          <button type="button" disabled={!shown} onClick={() => shown && go(addDays(shown, -1))}>
            ◀ Previous day
          </button>
          <DayField label="Date" value={shown} max={asOf} onChange={go} testId="date-input" />
          <button type="button" disabled={!shown} onClick={() => shown && go(addDays(shown, 1))}>
            Next day ▶
          </button>
          <button type="button" disabled={state.date === undefined} onClick={() => go(undefined)}>
            Latest
          </button>
        </form>
      </div>

      <Panel title="Hotspots on the map" load={hotspots} className="map-panel" actions={<Legend />}>
        {() => (
          <WorldMap
            hotspots={byCountry}
            caption={`Hotspot level by country on ${shown ?? 'the last day'} (UTC)`}
            linkTo={(iso3) => ({ page: 'country', country: iso3, ...(shown ? { date: shown } : {}) })}
          />
        )}
      </Panel>

      <div className="columns">
        <Panel title="Hotspots, most surprising first" load={hotspots}>
          {(data) => (
            <>
              <p className="muted small">
                Conflict events in the 7 days to {data.to} (UTC) against what the baseline expects. Method{' '}
                {data.method.id} v{data.method.version}.
              </p>
              <table data-testid="hotspot-list" className="table">
                <TableHead
                  columns={[
                    'Country',
                    'Level',
                    'Phase',
                    { num: 'Confidence' },
                    { num: 'Events, 7 days' },
                    { num: 'Expected' },
                  ]}
                />
                <tbody>
                  {ranked.map((h) => (
                    <tr
                      key={`${h.country}:${h.adm1}:${h.source}`}
                      data-testid="hotspot-row"
                      data-country={h.country}
                    >
                      <th scope="row">
                        <Link to={{ page: 'country', country: h.country, date: h.day }}>
                          {countryName(h.country, h.name)}
                        </Link>
                      </th>
                      <td>
                        <LevelBadge level={h.level} />
                      </td>
                      <td>{h.phase}</td>
                      <td className="num">{formatShare(h.confidence)}</td>
                      <td className="num">{formatCount(h.count)}</td>
                      <td className="num">{formatNumber(h.expected)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {ranked.length === 0 && <p className="empty">No hotspots on {data.to} (UTC).</p>}
            </>
          )}
        </Panel>

        <Panel
          title="Countries, last 7 days"
          load={countries}
          isEmpty={(d) => d.countries.length === 0}
          empty="No events in the 7 days to this date."
        >
          {(data) => (
            <>
              <p className="muted small">
                The 7 days to {data.as_of ?? shown} (UTC) against the mean of the 4 weeks before.
              </p>
              <div className="scroll">
                <table className="table" data-testid="countries-table">
                  <TableHead
                    columns={[
                      'Country',
                      { num: 'Events, 7 days' },
                      { num: 'Change vs baseline' },
                      { num: 'Conflict share' },
                      { num: 'Deaths, 7 days' },
                    ]}
                  />
                  <tbody>
                    {data.countries.map((c) => (
                      <tr key={c.country} data-country={c.country}>
                        <th scope="row">
                          <Link
                            to={{ page: 'country', country: c.country, ...(shown ? { date: shown } : {}) }}
                          >
                            {countryName(c.country, c.name)}
                          </Link>
                        </th>
                        <td className="num">{formatCount(c.events_7d)}</td>
                        <td
                          className="num"
                          title={`baseline ${formatNumber(c.baseline_7d)} events per 7 days`}
                        >
                          {formatRatio(c.change)}
                        </td>
                        <td className="num">{formatShare(c.conflict_share_7d)}</td>
                        <td className="num">{formatCount(c.fatalities_7d)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Panel>
      </div>
    </>
  );
}
