import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { replay } from '../src/alerts/engine.ts';
import { checkRule } from '../src/alerts/rules.ts';
import { buildApp } from '../src/api/app.ts';
import { importInto } from '../src/cli/staged-import.ts';
import { openClickHouseStore } from '../src/store/clickhouse/clickhouse-store.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import type { Store } from '../src/store/store.ts';
import { startChdbServer, type ChdbServer } from './fixtures/chdb-server.ts';
import { tempDir } from './helpers.ts';

/**
 * The read side on ClickHouse: the same real files imported into DuckDB and into ClickHouse
 * (chdb behind the loopback endpoint), then every read endpoint of the API asked of both: the
 * answers must be the same bytes. Alert replays (hotspot, indicator, relations, first-event
 * rules) must raise the same packets.
 */
const dir = tempDir('peacebell-chapi-');
const CLOCK = () => new Date('2026-05-14T12:00:00Z');
const FILES = [
  'gdelt2/export/20260514083000.export.CSV',
  'gdelt2/export/20260514090000.export.CSV',
  'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
  'ucdp/ged191-myanmar-bangladesh.csv',
];

let server: ChdbServer;
let duck: Store;
let ch: Store;
let apps: [FastifyInstance, FastifyInstance];

beforeAll(async () => {
  if (!hasData) return;
  server = await startChdbServer(join(dir, 'chdb'));
  duck = await openDuckDbStore(join(dir, 'ref.duckdb'));
  ch = await openClickHouseStore(`${server.url.replace('http', 'clickhouse')}/api`);
  for (const file of FILES) {
    await importInto(duck, dataFile(file), { clock: CLOCK });
    await importInto(ch, dataFile(file), { clock: CLOCK });
  }
  const options = { clock: CLOCK, version: 't', logger: false, web: false, cache: { entries: 0 } } as const;
  apps = [await buildApp({ store: duck, ...options }), await buildApp({ store: ch, ...options })];
}, 300_000);
afterAll(async () => {
  for (const app of apps ?? []) await app.close();
  await duck?.close();
  await ch?.close();
  await server?.close();
});

const ENDPOINTS = [
  '/sources',
  '/countries',
  '/countries?date=2016-05-28&source=acled',
  '/conflict-series?countries=NGA,SOM&to=2016-05-28',
  '/countries/USA/indicators?grain=week',
  '/countries/USA/indicators?grain=day&indicators=all',
  '/countries/NGA/indicators?grain=month&from=2016-01-01&to=2016-05-31&indicators=all',
  '/countries/MMR/indicators?grain=month&from=2016-01-01&to=2018-12-31',
  '/world/indicators?grain=week',
  '/indicators/conflict_share/countries',
  '/countries/USA/partners',
  '/countries/NGA/regions?to=2016-05-28',
  '/pairs/USA/CHN?grain=month',
  '/pairs/USA/RUS?grain=day',
  '/pairs/USA/CHN/indicators',
  '/events?country=USA&limit=20',
  '/events?limit=50&from=2016-01-01&to=2016-05-31&country=CIV',
  '/events?limit=5&from=2016-01-01&to=2016-05-31&country=NGA&source=acled',
  '/events/points?country=NGA&from=2016-01-01&to=2016-05-31',
  '/hotspots',
  '/hotspots?to=2016-05-28',
  '/hotspots?to=2016-05-28&unit=adm1',
  '/hotspots?to=2017-09-30&from=2017-08-01',
  '/hotspots/NGA/explain?date=2016-05-20',
  '/hotspots/MMR/explain?date=2017-08-30',
  '/rejects',
];

const YEAR = ['2017-01-01', '2017-12-31'];
const MAY = ['2026-04-15', '2026-05-14'];

describe.runIf(hasData)('the API on ClickHouse', () => {
  it.each(ENDPOINTS)('GET %s answers as on DuckDB', async (path) => {
    const [a, b] = await Promise.all(apps.map((app) => app.inject({ url: `/api/v1${path}` })));
    expect(a?.statusCode, a?.body).toBe(200);
    expect(b?.statusCode).toBe(200);
    expect(b?.body).toBe(a?.body);
  });

  it.each([
    { name: 'hotspots', when: 'hotspot >= warning', scope: { countries: ['MMR', 'BGD'] }, range: YEAR },
    {
      name: 'deaths',
      when: 'indicator fatalities_ucdp_best > 100',
      scope: { countries: ['MMR'] },
      range: YEAR,
    },
    { name: 'pair', when: 'relations < 0', scope: { pairs: ['USA-CHN'] }, range: MAY },
    {
      name: 'first',
      when: 'first protest',
      scope: { countries: ['CIV', 'USA'] },
      range: ['2016-01-01', '2026-05-14'],
    },
  ])('replays the alert rule $name as on DuckDB', async ({ range, ...input }) => {
    const rule = { id: 1, spec: checkRule(input) };
    const options = { baseUrl: 'http://dash.test', clock: CLOCK };
    const [from, to] = range as [string, string];
    const [a, b] = [await replay(duck, rule, from, to, options), await replay(ch, rule, from, to, options)];
    if (input.name !== 'pair') expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
