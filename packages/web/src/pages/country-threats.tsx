import { ThreatSeries } from '@peacebell/model';
import { apiUrl } from '../api.ts';
import { Sparkline, TableHead } from '../components.tsx';
import { formatCount, formatShare, formatSigned } from '../format.ts';
import { Panel } from '../panel.tsx';
import { useApi } from '../use-api.ts';

const WEEKS = 12;

/**
 * Non-traditional threats from GDELT's GKG beside the conflict picture: per threat domain, the
 * articles about the country over the last weeks, their share of its coverage, the change against
 * its own baseline, and a link to the most intense article.
 */
export function ThreatsPanel({
  country,
  to,
  name,
}: {
  country: string;
  to: string | undefined;
  name: string;
}) {
  const load = useApi(
    apiUrl(`/countries/${country}/threats`, { grain: 'week', to, evidence: 1 }),
    ThreatSeries,
  );
  return (
    <Panel
      title={`Non-traditional threats in ${name} (GDELT GKG, weekly)`}
      load={load}
      isEmpty={(d) => d.rows.every((r) => r.articles === 0)}
      empty="No GKG articles about this country: import a GKG file (peacebell import …gkg.csv) or follow the feed (sync --feeds events,gkg)."
    >
      {(d) => {
        const byDomain = d.domains.map((domain) => {
          const rows = d.rows.filter((r) => r.domain === domain.id).slice(-WEEKS);
          const last = rows.at(-1);
          const evidence = d.evidence.find((e) => e.domain === domain.id);
          return { domain, rows, last, evidence, total: rows.reduce((a, r) => a + r.articles, 0) };
        });
        const shown = byDomain.filter((x) => x.total > 0).sort((a, b) => b.total - a.total);
        return (
          <table data-testid="threats-table">
            <caption className="muted small">
              Weeks from Monday, UTC; the last week ends {d.to}. Theme map version {d.map_version}.
            </caption>
            <TableHead
              columns={[
                'Threat domain',
                `Articles, last ${WEEKS} weeks`,
                'Last week',
                'Share of coverage',
                'Against baseline',
                'Evidence',
              ]}
            />
            <tbody>
              {shown.map(({ domain, rows, last, evidence }) => (
                <tr key={domain.id} data-domain={domain.id}>
                  <th scope="row" title={domain.description}>
                    {domain.title}
                  </th>
                  <td>
                    <Sparkline
                      values={rows.map((r) => r.articles)}
                      label={`${domain.title} articles per week`}
                    />
                  </td>
                  <td data-testid="threat-articles">{formatCount(last?.articles)} articles</td>
                  <td>{formatShare(last?.share)}</td>
                  <td>
                    {last?.change === null || last?.change === undefined ? '–' : formatSigned(last.change)}
                  </td>
                  <td>
                    {evidence ? (
                      <a href={evidence.url} target="_blank" rel="noreferrer noopener">
                        {evidence.source ?? 'article'}
                      </a>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      }}
    </Panel>
  );
}
