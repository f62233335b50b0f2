import type { FastifyInstance } from 'fastify';
import { DEFAULT_INDICATORS, INDICATORS } from '@peacebell/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasData } from '../../../test/shared-data.ts';
import { API_PREFIX } from '../src/api/app.ts';
import { indicatorSeries } from '../src/analytics/indicators.ts';
import type { Store } from '../src/store/store.ts';
import { API_DATA, loadedStore, testApp } from './api-fixture.ts';
import { tempDir } from './helpers.ts';

const FILES = [...API_DATA, 'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv'];

describe.runIf(hasData)('indicator, country and pair routes', () => {
  let store: Store;
  let app: FastifyInstance;
  const get = async (path: string) => {
    const r = await app.inject({ url: `${API_PREFIX}${path}` });
    return {
      status: r.statusCode,
      body: r.json() as Record<string, unknown> & { rows?: Record<string, unknown>[] },
    };
  };
  beforeAll(async () => {
    store = await loadedStore(tempDir(), FILES);
    app = await testApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('serves the catalog', async () => {
    const { status, body } = await get('/indicators');
    expect(status).toBe(200);
    const ids = (body.indicators as { id: string; group: string }[]).filter(
      (i) => i.group !== 'threats (GKG)',
    );
    expect(ids.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    expect(body.grains).toEqual(['day', 'week', 'month']);
  });

  it('answers a country’s series with the numbers the analytics compute', async () => {
    const { status, body } = await get('/countries/nga/indicators?grain=month&from=2016-01-01&to=2016-05-31');
    expect(status).toBe(200);
    const expected = await indicatorSeries(store, {
      unit: 'country',
      key: { country: 'NGA' },
      grain: 'month',
      from: '2016-01-01',
      to: '2016-05-31',
      indicators: DEFAULT_INDICATORS,
    });
    expect(body.rows).toEqual(expected.rows);
    expect(body.rows?.[0]?.events).toBeGreaterThan(100);
    expect((body.indicators as unknown[]).length).toBe(DEFAULT_INDICATORS.length);
  });

  it('defaults the window to the last day with data, and fills empty periods', async () => {
    const { body } = await get('/countries/USA/indicators?grain=day&indicators=events,conflict_share');
    expect(body.to).toBe('2026-05-14');
    expect(body.rows).toHaveLength(90);
    expect(body.rows?.at(-1)?.events).toBeGreaterThan(50);
    expect(body.rows?.[0]).toEqual({ period: '2026-02-14', events: 0, conflict_share: null });
    const empty = await get('/countries/ISL/indicators?grain=week&from=2026-05-01&to=2026-05-14');
    expect(empty.status).toBe(200);
    expect(empty.body.rows?.every((r) => r.events === 0)).toBe(true);
  });

  it('breaks a country into regions, and maps one indicator over every country', async () => {
    const window = 'from=2016-03-01&to=2016-03-31';
    const month = await get(`/countries/NGA/indicators?grain=month&${window}&indicators=events`);
    const events = Number(month.body.rows?.[0]?.events);
    const regions = await get(`/countries/NGA/regions?${window}`);
    const list = regions.body.regions as { adm1: string; events: number }[];
    expect(list.length).toBeGreaterThan(10);
    expect(list.reduce((s, r) => s + r.events, 0)).toBe(events);
    expect(list.map((r) => r.events)).toEqual(list.map((r) => r.events).sort((a, b) => b - a));
    const map = await get(`/indicators/events/countries?${window}`);
    const values = map.body.values as { country: string; value: number }[];
    expect(values.find((v) => v.country === 'NGA')?.value).toBe(events);
    expect(values.length).toBeGreaterThan(30);
    const share = await get(`/indicators/conflict_share/countries?${window}`);
    expect((share.body.values as { value: number }[]).every((v) => v.value >= 0 && v.value <= 1)).toBe(true);
    const bad = await get('/indicators/nope/countries');
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('id');
  });

  it('gives daily conflict series for sparklines, zeros included', async () => {
    const month = await get(
      '/countries/NGA/indicators?grain=month&from=2016-03-01&to=2016-03-31&indicators=events,conflict_share',
    );
    const row = month.body.rows?.[0] as { events: number; conflict_share: number };
    const { status, body } = await get('/conflict-series?countries=nga,ISL&to=2016-03-31&days=31');
    expect(status).toBe(200);
    const series = body.series as { country: string; values: number[] }[];
    expect(body.from).toBe('2016-03-01');
    expect(series.map((s) => s.country)).toEqual(['NGA', 'ISL']);
    expect(series[0]?.values).toHaveLength(31);
    expect(series[0]?.values.reduce((a, b) => a + b, 0)).toBe(Math.round(row.events * row.conflict_share));
    expect(series[1]?.values.every((v) => v === 0)).toBe(true);
    const bad = await get('/conflict-series?countries=NG');
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('countries');
  });

  it('serves the whole store as the world unit', async () => {
    const world = await get(
      '/world/indicators?grain=day&from=2026-05-14&to=2026-05-14&indicators=events,sources',
    );
    const usa = await get(
      '/countries/USA/indicators?grain=day&from=2026-05-14&to=2026-05-14&indicators=events',
    );
    expect(world.body.unit).toBe('world');
    expect(Number(world.body.rows?.[0]?.events)).toBeGreaterThan(Number(usa.body.rows?.[0]?.events));
    expect(world.body.rows?.[0]?.sources).toBe(1);
  });

  it('serves a region and a directed pair', async () => {
    const region = await get(
      '/countries/NGA/indicators?grain=month&from=2016-03-01&to=2016-03-31&adm1=Borno&indicators=events',
    );
    expect(region.status).toBe(200);
    expect(region.body.unit).toBe('adm1');
    expect(region.body.rows?.[0]?.events).toBeGreaterThan(0);
    const pair = await get(
      '/pairs/USA/CHN/indicators?grain=day&from=2026-05-14&to=2026-05-14&indicators=events,goldstein',
    );
    expect(pair.body).toMatchObject({ unit: 'pair', key: { country: 'USA', partner: 'CHN' } });
    expect(pair.body.rows?.[0]?.events).toBeGreaterThan(0);
  });

  it('relations both ways, partners ranked, countries listed', async () => {
    const { status, body } = await get('/pairs/USA/CHN?grain=month&from=2026-05-01&to=2026-05-31&events=3');
    expect(status).toBe(200);
    const directions = body.directions as {
      from: string;
      to: string;
      total: { events: number; score: number };
    }[];
    expect(directions.map((d) => `${d.from}>${d.to}`)).toEqual(['USA>CHN', 'CHN>USA']);
    expect(directions[0]?.total.events).toBeGreaterThan(0);
    expect(body.top_events).toHaveLength(3);
    expect(body.events_period).toBe('2026-05-01');
    const week = await get(
      '/pairs/USA/CHN?grain=week&from=2026-04-01&to=2026-05-31&events_period=2026-05-14',
    );
    expect(week.body.events_period).toBe('2026-05-11');
    const dates = (week.body.top_events as { event_date: string }[]).map((e) => e.event_date);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= '2026-05-11' && d <= '2026-05-17')).toBe(true);
    const before = await get(
      '/pairs/USA/CHN?grain=week&from=2026-04-01&to=2026-05-31&events_period=2026-04-02',
    );
    expect(before.body.top_events).toEqual([]);
    const partners = await get('/countries/USA/partners?limit=5&from=2026-05-01&to=2026-05-31');
    const list = partners.body.partners as { partner: string; reports: number }[];
    expect(list).toHaveLength(5);
    expect(list.map((p) => p.reports)).toEqual(list.map((p) => p.reports).sort((a, b) => b - a));
    expect(list.map((p) => p.partner)).toContain('CHN');
    const countries = await get('/countries?date=2016-03-31');
    expect(countries.body.as_of).toBe('2016-03-31');
    expect((countries.body.countries as { country: string }[]).some((c) => c.country === 'NGA')).toBe(true);
  });

  it('refuses bad parameters with a 400 naming them', async () => {
    const cases: [string, string, RegExp][] = [
      ['/countries/NGA/indicators?grain=year', 'grain', /day, week, month/],
      ['/countries/NGA/indicators?indicators=events,nope', 'indicators', /unknown indicator "nope"/],
      ['/countries/XXX/indicators', 'country', /ISO 3166-1 alpha-3/],
      ['/countries/NGA/indicators?from=2016-02-30', 'from', /UTC day/],
      ['/countries/NGA/indicators?from=2016-05-01&to=2016-01-01', 'from', /after/],
      ['/countries/NGA/indicators?colour=red', 'colour', /unknown parameter/],
      ['/pairs/USA/USA', 'b', /two different countries/],
      ['/pairs/USA/CHN?events=1000', 'events', /0\.\.100/],
      ['/countries/USA/partners?limit=0', 'limit', /1\.\.300/],
      ['/countries?source=gdelt9', 'source', /gdelt2/],
    ];
    for (const [path, parameter, message] of cases) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body.parameter, path).toBe(parameter);
      expect(body.message, path).toMatch(message);
    }
    const grain = await get('/countries/NGA/indicators?grain=year');
    expect(grain.body.allowed).toEqual(['day', 'week', 'month']);
  });

  it('treats hostile strings as data', async () => {
    for (const value of ["' OR 1=1 --", 'Côte d\'Ivoire "x"', '日本語', 'x'.repeat(5000)]) {
      const q = encodeURIComponent(value);
      for (const path of [
        `/countries/NGA/indicators?adm1=${q}`,
        `/countries/${q}/indicators`,
        `/countries/NGA/indicators?indicators=${q}`,
        `/pairs/${q}/CHN`,
      ]) {
        const r = await app.inject({ url: `${API_PREFIX}${path}` });
        expect([200, 400, 404, 414], `${path.slice(0, 80)} → ${r.statusCode}`).toContain(r.statusCode);
        if (r.statusCode === 200)
          expect(r.json().rows.every((row: { events: number }) => row.events === 0)).toBe(true);
      }
    }
  });
});
