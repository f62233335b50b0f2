import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { main } from '../src/cli/main.ts';
import { captureContext, tempDir } from './helpers.ts';
import { join } from 'node:path';

const dir = tempDir();

describe.runIf(hasData)('peacebell compare', () => {
  it('puts events and fatalities per source side by side for a country', async () => {
    const db = join(dir, 'compare.duckdb');
    const load = captureContext();
    const files = [
      dataFile('ucdp/ged191-myanmar-bangladesh.csv'),
      dataFile('ucdp/hdx-processed-conflict_data_BGD.csv'),
    ];
    expect(await main(['import', ...files, '--db', db], load.ctx)).toBe(0);

    const year = captureContext();
    expect(
      await main(
        ['compare', '--country', 'MMR', '--grain', 'year', '--db', db, '--format', 'json'],
        year.ctx,
      ),
    ).toBe(0);
    const rows = JSON.parse(year.stdout()) as {
      period: string;
      ucdp_events: number;
      ucdp_fatalities: number;
    }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => /^\d{4}-01-01$/.test(r.period))).toBe(true);

    const check = captureContext();
    await main(
      ['events', '--country', 'MMR', '--source', 'ucdp', '--limit', '0', '--format', 'ndjson', '--db', db],
      check.ctx,
    );
    const events = check
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action_geo_country: string; fatalities_best: number });
    const located = events.filter((e) => e.action_geo_country === 'MMR');
    expect(rows.reduce((n, r) => n + r.ucdp_events, 0)).toBe(located.length);
    expect(rows.reduce((n, r) => n + r.ucdp_fatalities, 0)).toBe(
      located.reduce((n, e) => n + e.fatalities_best, 0),
    );

    const month = captureContext();
    expect(
      await main(
        [
          'compare',
          '--country',
          'Burma',
          '--from',
          '2015-01-01',
          '--to',
          '2015-12-31',
          '--db',
          db,
          '--format',
          'csv',
        ],
        month.ctx,
      ),
    ).toBe(0);
    expect(month.stdout().split('\n')[0]).toBe('period,ucdp_events,ucdp_fatalities');

    const bad = captureContext();
    expect(await main(['compare', '--country', 'MMR', '--grain', 'fortnight', '--db', db], bad.ctx)).toBe(1);
    expect(bad.stderr()).toMatch(/day, week, month, year/);
  });
});
