import type { CountriesStatus } from '@peacebell/model';
import { memo, useDeferredValue } from 'react';
import type { z } from 'zod';
import { countryName, TableHead } from '../components.tsx';
import { formatCount, formatNumber, formatRatio, formatShare } from '../format.ts';
import { Link } from '../navigation.tsx';

/** Rows drawn with the rest of the first view; the others follow in a render of their own. */
const FIRST_ROWS = 30;

/**
 * Every country with events: its last 7 days against the 4 weeks before. Memoised: the world page
 * renders again as each of its answers arrives, the table only when its own data changes. Its
 * first render draws the rows a screen shows (some 200 rows were half the first view's elements).
 */
export const CountriesTable = memo(function CountriesTable({
  data,
  shown,
}: {
  data: z.output<typeof CountriesStatus>;
  shown: string | undefined;
}) {
  const rows = useDeferredValue(data.countries, data.countries.slice(0, FIRST_ROWS));
  return (
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
            {rows.map((c) => (
              <tr key={c.country} data-country={c.country}>
                <th scope="row">
                  <Link to={{ page: 'country', country: c.country, ...(shown ? { date: shown } : {}) }}>
                    {countryName(c.country, c.name)}
                  </Link>
                </th>
                <td className="num">{formatCount(c.events_7d)}</td>
                <td className="num" title={`baseline ${formatNumber(c.baseline_7d)} events per 7 days`}>
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
  );
});
