import type { Regions } from '@peacebell/model';
import { lazy } from 'react';
import type { z } from 'zod';
import { TableHead } from '../components.tsx';
import { formatCount, formatShare } from '../format.ts';
import { Link } from '../navigation.tsx';
import { Panel } from '../panel.tsx';
import type { Load } from '../use-api.ts';
import type { EventsState } from '../url-state.ts';

const RegionMap = lazy(() => import('../map/region-map.tsx'));

type RegionsData = z.output<typeof Regions>;

/** A country's first-level regions: on a map and in a table, each a link to its events. */
export function RegionsPanel({ load, name }: { load: Load<RegionsData>; name: string }) {
  return (
    <Panel
      title="Regions, most active first"
      load={load}
      className="regions-panel"
      isEmpty={(d) => d.regions.length === 0}
      empty="No events with a region in this window."
    >
      {(data) => {
        const eventsOf = (adm1: string): EventsState => ({
          page: 'events',
          country: data.country,
          adm1,
          from: data.from,
          to: data.to,
        });
        return (
          <>
            <p className="muted small">
              First-level regions (ADM1, named as the sources name them; GDELT’s codes beside their names),{' '}
              {data.from} to {data.to} (UTC).
            </p>
            <div className="split">
              <RegionMap
                country={data.country}
                name={name}
                regions={data.regions}
                window={data}
                eventsOf={eventsOf}
              />
              <div className="scroll">
                <table className="table" data-testid="regions">
                  <TableHead
                    columns={[
                      'Region (ADM1)',
                      { num: 'Events' },
                      { num: 'Conflict share' },
                      { num: 'Deaths' },
                      { num: 'Sources' },
                    ]}
                  />
                  <tbody>
                    {[...data.regions]
                      .sort((a, b) => b.events - a.events)
                      .map((r) => (
                        <tr key={r.adm1} data-adm1={r.adm1}>
                          <th scope="row">
                            <Link to={eventsOf(r.adm1)} title={`The events of ${r.name}`}>
                              {r.name}
                            </Link>
                            {r.name !== r.adm1 && <span className="muted small"> {r.adm1}</span>}
                          </th>
                          <td className="num">{formatCount(r.events)}</td>
                          <td className="num">{formatShare(r.conflict_share)}</td>
                          <td className="num">{formatCount(r.fatalities)}</td>
                          <td className="num">{formatCount(r.sources)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        );
      }}
    </Panel>
  );
}
