import { Rejects, SourcesStatus, SyncErrors } from '@peacebell/model';
import { apiUrl } from '../api.ts';
import { formatCount, formatShare, formatTimestamp } from '../format.ts';
import { TableHead } from '../components.tsx';
import { Panel } from '../panel.tsx';
import { useApi } from '../use-api.ts';

/** Freshness per source and GDELT's completeness over the last 7 days (96 slots a day). */
export function SourcesPage() {
  const sources = useApi(apiUrl('/sources'), SourcesStatus);
  const rejects = useApi(apiUrl('/rejects', { limit: 200 }), Rejects);
  const errors = useApi(apiUrl('/sync/errors'), SyncErrors);
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
      <Panel
        title="Rows set aside at import"
        load={rejects}
        isEmpty={(d) => d.rejects.length === 0}
        empty="No row was set aside: every row read went in."
      >
        {(data) => (
          <>
            <p className="muted small">
              The first {formatCount(data.rejects.length)} rows the importer could not read, with the reason
              (`peacebell rejects` lists them all).
            </p>
            <table className="table" data-testid="rejects-table">
              <TableHead columns={['File', { num: 'Line' }, 'Field', 'Reason']} />
              <tbody>
                {data.rejects.map((r) => (
                  <tr key={`${r.file}:${r.line}`}>
                    <td>{r.file}</td>
                    <td className="num">{r.line}</td>
                    <td>{r.field ?? '–'}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Panel>
      <Panel
        title="Sync errors"
        load={errors}
        isEmpty={(d) => d.files.length === 0}
        empty="No GDELT file has failed or gone missing."
      >
        {(data) => (
          <table className="table" data-testid="sync-errors">
            <TableHead
              columns={[
                'File',
                'Slot (UTC)',
                'State',
                { num: 'Attempts' },
                'Last error',
                'Next attempt (UTC)',
              ]}
            />
            <tbody>
              {data.files.map((f) => (
                <tr key={f.name}>
                  <td>{f.name}</td>
                  <td>{f.slot}</td>
                  <td>{f.state}</td>
                  <td className="num">{f.attempts}</td>
                  <td>{f.last_error ?? '–'}</td>
                  <td>{f.next_attempt_at ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
