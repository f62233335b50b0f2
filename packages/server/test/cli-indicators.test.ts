import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { main } from '../src/cli/main.ts';
import { parseCsv } from './csv.ts';
import { captureContext, tempDir } from './helpers.ts';

const db = join(tempDir(), 'cli-indicators.duckdb');

async function run(args: string[]) {
  const io = captureContext();
  const code = await main([...args, '--db', db], io.ctx);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe.runIf(hasData)('peacebell indicators, pair and rebuild', () => {
  it('prints series, relations and rollup counts; refuses bad values with the valid ones', async () => {
    const files = ['gdelt2/export/20260514083000.export.CSV', 'acled/acled-current-layout-2-rows.csv'];
    expect((await run(['import', ...files.map(dataFile)])).code).toBe(0);

    // two weeks of three indicators as CSV; the country by name here, by code after the rebuild
    const weeks = [
      '--grain',
      'week',
      '--from',
      '2026-05-04',
      '--to',
      '2026-05-17',
      '--indicators',
      'events,conflict_share,dialogue',
      '--format',
      'csv',
    ];
    const csv = await run(['indicators', '--country', 'United States', ...weeks]);
    expect(csv.code).toBe(0);
    const [header, ...rows] = parseCsv(csv.out);
    expect(header).toEqual(['period', 'events', 'conflict_share', 'dialogue']);
    expect(rows.map((r) => r[0])).toEqual(['2026-05-04', '2026-05-11']);
    expect(rows[0]?.slice(1)).toEqual(['0', '', '0']);
    expect(Number(rows[1]?.[1])).toBeGreaterThan(50);

    const list = await run(['indicators', '--list', '--format', 'csv']);
    expect(list.out).toMatch(/^id,title,description,unit,kind,group,definition\nevents,Events,/);

    const pair = await run(['pair', 'USA', 'CHN', '--format', 'json', '--from', '2026-05-01']);
    const relations = JSON.parse(pair.out) as { directions: { from: string; total: { events: number } }[] };
    expect(relations.directions.map((d) => d.from)).toEqual(['USA', 'CHN']);
    expect(relations.directions[0]?.total.events).toBeGreaterThan(0);
    const table = await run(['pair', 'USA', 'CHN', '--format', 'table', '--from', '2026-05-01']);
    expect(table.out).toMatch(/USA→CHN: -?\d\.\d\d \[-?\d\.\d\d, -?\d\.\d\d\] \(\d+ events\)/);
    expect(table.out).toContain('Top events of the month from 2026-05-01');

    const rebuilt = await run(['rebuild', '--format', 'json']);
    expect(rebuilt.code).toBe(0);
    const tables = JSON.parse(rebuilt.out) as { table: string; rows: number }[];
    expect(tables.map((t) => t.table)).toEqual([
      'rollup_world_day',
      'rollup_country_day',
      'rollup_adm1_day',
      'rollup_pair_day',
    ]);
    expect(tables.every((t) => t.rows > 0)).toBe(true);
    const again = await run(['indicators', '--country', 'USA', ...weeks]);
    expect(again.out).toBe(csv.out);

    expect(await run(['indicators', '--country', 'USA', '--grain', 'year'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/grain "year"; valid: day, week, month/),
    });
    expect(await run(['indicators', '--country', 'USA', '--indicators', 'events,war'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/unknown indicator "war"; valid: events, conflict_share/),
    });
    expect(await run(['indicators', '--unit', 'pair', '--country', 'USA'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('partner'),
    });
    expect(await run(['pair', 'USA'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('two countries'),
    });
    expect(await run(['pair', 'USA', 'USA'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('two different'),
    });
  });
});
