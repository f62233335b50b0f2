import {
  addDays,
  ConflictSeriesResult,
  CountriesStatus,
  Hotspots,
  IndicatorCatalog,
  IndicatorMap,
} from '@peacebell/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { apiUrl } from '../api.ts';
import { IndicatorLegend } from '../colour-legend.tsx';
import { colourScale } from '../colour-scale.ts';
import { countryName, DayField, LevelBadge, Legend, Sparkline, TableHead } from '../components.tsx';
import { worldUrls } from '../first-view.ts';
import { formatCount, formatNumber, formatShare } from '../format.ts';
import { Link, useNavigate } from '../navigation.tsx';
import WorldMap from '../map/world-map.tsx';
import { Panel } from '../panel.tsx';
import { useApi, type Load } from '../use-api.ts';
import type { State, WorldState } from '../url-state.ts';
import { ColourBy, DomainFilter, WindowDays } from './world-colour.tsx';
import { CountriesTable } from './world-countries.tsx';

/** How long each day stays on screen while playing. */
const PLAY_STEP_MS = 1500;

export function WorldPage({ state }: { state: WorldState }) {
  const navigate = useNavigate();
  const urls = worldUrls(state.date);
  const countries = useApi(urls.countries, CountriesStatus);
  const hotspots = useKeep(useApi(urls.hotspots, Hotspots));
  const asOf = countries.state === 'ok' ? (countries.data.as_of ?? undefined) : undefined;
  const shown = state.date ?? asOf ?? (hotspots.state === 'ok' ? hotspots.data.to : undefined);
  // in the API's order, its ranking (most surprising first): one ranking for every client
  const ranked = useMemo(() => (hotspots.state === 'ok' ? hotspots.data.hotspots : []), [hotspots]);
  // 60 days of conflict events per hotspot country, one request for the whole list.
  const sparkCountries = [...new Set(ranked.map((h) => h.country))].slice(0, 50).join(',');
  const sparks = useApi(
    sparkCountries && hotspots.state === 'ok'
      ? apiUrl('/conflict-series', { countries: sparkCountries, to: hotspots.data.to, days: 60 })
      : null,
    ConflictSeriesResult,
  );
  const sparkOf = (country: string) =>
    sparks.state === 'ok' ? sparks.data.series.find((x) => x.country === country)?.values : undefined;
  const byCountry = useMemo(() => new Map(ranked.map((h) => [h.country, h] as const)), [ranked]);
  // the last day with data, whatever the day shown (the same request as the shell's)
  const latest = useApi(urls.latest, CountriesStatus);
  const lastDay = latest.state === 'ok' ? (latest.data.as_of ?? undefined) : undefined;
  const catalog = useApi(urls.catalog, IndicatorCatalog);
  const { colour } = state;
  const days = state.days === '28' ? 28 : 7;
  const indicator = useKeep(
    useApi(
      colour && shown
        ? apiUrl(`/indicators/${encodeURIComponent(colour)}/countries`, {
            from: addDays(shown, 1 - days),
            to: shown,
          })
        : null,
      IndicatorMap,
    ),
  );
  const scale = useMemo(
    () => (indicator.state === 'ok' ? colourScale(indicator.data.values.map((v) => v.value)) : undefined),
    [indicator],
  );
  const colouring = useMemo(
    () =>
      indicator.state === 'ok' && scale
        ? {
            values: new Map(indicator.data.values.map((v) => [v.country, v.value] as const)),
            colour: scale.colour,
            format: (v: number) => `${formatNumber(v)} ${indicator.data.indicator.unit}`,
            title: indicator.data.indicator.title,
          }
        : undefined,
    [indicator, scale],
  );
  // stable between renders, so the memoised map redraws only when what it shows changes
  const linkTo = useCallback(
    (iso3: string): State => ({ page: 'country', country: iso3, ...(shown ? { date: shown } : {}) }),
    [shown],
  );
  const go = (date: string | undefined, replace = false) => {
    const next: WorldState = { ...state };
    if (date) next.date = date;
    else delete next.date;
    navigate(next, { replace });
  };
  // formatState leaves out the fields set to undefined
  const set = (patch: Partial<WorldState>) => navigate({ ...state, ...patch });

  // Play: a day forward every PLAY_STEP_MS until the last day with data or until pressed again.
  const [playing, setPlaying] = useState(false);
  const atEnd = !shown || !lastDay || shown >= lastDay;
  useEffect(() => {
    if (!playing) return;
    if (atEnd || !shown) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => go(addDays(shown, 1), true), PLAY_STEP_MS);
    return () => clearTimeout(timer);
    // go changes with every render; the step depends only on the day shown
  }, [playing, shown, atEnd]);

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
          <button
            type="button"
            data-testid="play"
            aria-pressed={playing}
            disabled={!playing && atEnd}
            title={atEnd ? 'Already on the last day with data' : 'A day forward every 1.5 s'}
            onClick={() => setPlaying((p) => !p)}
          >
            {playing ? '❚❚ Pause' : '▶ Play'}
          </button>
        </form>
      </div>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Map colours">
        <ColourBy
          catalog={catalog.state === 'ok' ? catalog.data : undefined}
          value={colour}
          onChange={(v) => set({ colour: v })}
        />
        <DomainFilter
          catalog={catalog.state === 'ok' ? catalog.data : undefined}
          value={colour}
          onChange={(v) => set({ colour: v })}
        />
        <WindowDays
          value={days}
          disabled={!colour}
          onChange={(d) => set({ days: d === 28 ? '28' : undefined })}
        />
      </form>

      <Panel
        title={colour ? 'Indicator on the map' : 'Hotspots on the map'}
        load={(colour ? indicator : hotspots) as Load<unknown>}
        className="map-panel"
        actions={
          colour ? (
            indicator.state === 'ok' && scale ? (
              <IndicatorLegend scale={scale} unit={indicator.data.indicator.unit} />
            ) : null
          ) : (
            <Legend />
          )
        }
      >
        {() => (
          <WorldMap
            hotspots={byCountry}
            colouring={colour ? colouring : undefined}
            caption={
              colour && indicator.state === 'ok'
                ? `${indicator.data.indicator.title} (${indicator.data.indicator.unit}) by country, ${indicator.data.from} to ${indicator.data.to} (UTC)`
                : `Hotspot level by country on ${shown ?? 'the last day'} (UTC)`
            }
            linkTo={linkTo}
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
              <div className="scroll">
                <table data-testid="hotspot-list" className="table">
                  <TableHead
                    columns={[
                      'Country',
                      'Level',
                      'Phase',
                      { num: 'Confidence' },
                      { num: 'Events, 7 days' },
                      { num: 'Expected' },
                      'Last 60 days',
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
                        <td>
                          <Sparkline
                            values={sparkOf(h.country)}
                            label={`Conflict events per day in ${countryName(h.country, h.name)}, 60 days to ${h.day} (UTC)`}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
          {(data) => <CountriesTable data={data} shown={shown} />}
        </Panel>
      </div>
    </>
  );
}

/**
 * The last answer while the next one loads, so the map stays in place while the date moves (play)
 * instead of flashing "Loading…"; an error replaces it.
 */
function useKeep<T>(load: Load<T>): Load<T> {
  const [last, setLast] = useState<Load<T> | null>(null);
  if (load.state !== 'loading' && last !== load) setLast(load);
  return load.state === 'loading' && last?.state === 'ok' ? last : load;
}
