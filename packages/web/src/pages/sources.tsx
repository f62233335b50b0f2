import { SourcesStatus } from '@peacebell/model';
import { apiUrl } from '../api.ts';
import { formatCount, formatShare, formatTimestamp } from '../format.ts';
import { TableHead } from '../components.tsx';
import { Panel } from '../panel.tsx';
import { useApi } from '../use-api.ts';

/** Freshness per source and GDELT's completeness over the last 7 days (96 slots a day). */
export function SourcesPage() {
  const sources = useApi(apiUrl('/sources'), SourcesStatus);
  const gdelt = sources.state === 'ok' ? sources.data.sources.filter((s) => s.gdelt) : [];
  return (
    <>
      <div className="page-head">
        <h1>Sources</h1>
      </div>
      <Panel
        title="Freshness"
        load={sources}
        isEmpty={(d) => d.sources.length === 0}
        empty="No source has been imported yet."
      >
        {(data) => (
          <table className="table" data-testid="sources-table">
            <TableHead
              columns={[
                'Source',
                { num: 'Events' },
                'First event day (UTC)',
                'Last event day (UTC)',
                'Last import',
                { num: 'Files imported' },
                { num: 'Rows set aside' },
              ]}
            />
            <tbody>
              {data.sources.map((s) => (
                <tr key={s.source} data-source={s.source}>
                  <th scope="row">{s.source}</th>
                  <td className="num">{formatCount(s.events)}</td>
                  <td>{s.first_event_date ?? '–'}</td>
                  <td>{s.last_event_date ?? '–'}</td>
                  <td>{formatTimestamp(s.last_import_at)}</td>
                  <td className="num">{formatCount(s.files_imported)}</td>
                  <td className="num">{formatCount(s.rows_rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      {sources.state === 'ok' &&
        gdelt.map((s) => (
          <Panel key={s.source} title={`${s.source}: completeness, last 7 days`} load={sources}>
            {() => (
              <>
                <p className="muted small">
                  GDELT publishes a file every 15 minutes: 96 slots a day (UTC). Files failed:{' '}
                  {formatCount(s.gdelt?.files_failed)}; missing upstream:{' '}
                  {formatCount(s.gdelt?.files_missing)}.
                </p>
                {s.gdelt?.days.length ? (
                  <table className="table" data-testid="gdelt-days">
                    <TableHead
                      columns={[
                        'Day (UTC)',
                        'Feed',
                        { num: 'Slots' },
                        { num: 'Imported' },
                        { num: 'Pending' },
                        { num: 'Missing' },
                        { num: 'Failed' },
                        { num: 'Complete' },
                      ]}
                    />
                    <tbody>
                      {s.gdelt.days.map((d) => (
                        <tr key={`${d.day}:${d.feed}`}>
                          <th scope="row">{d.day}</th>
                          <td>{d.feed}</td>
                          <td className="num">{formatCount(d.slots)}</td>
                          <td className="num">{formatCount(d.imported)}</td>
                          <td className="num">{formatCount(d.pending)}</td>
                          <td className="num">{formatCount(d.missing)}</td>
                          <td className="num">{formatCount(d.failed)}</td>
                          <td className="num">{formatShare(d.slots ? d.imported / d.slots : null)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  <p className="empty">
                    No GDELT 2.0 files followed in the last 7 days (imported files only).
                  </p>
                )}
              </>
            )}
          </Panel>
        ))}
    </>
  );
}
