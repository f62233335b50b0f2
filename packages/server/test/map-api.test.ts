import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasData } from '../../../test/shared-data.ts';
import { API_PREFIX } from '../src/api/app.ts';
import type { Store } from '../src/store/store.ts';
import { API_DATA, loadedStore, testApp } from './api-fixture.ts';
import { tempDir } from './helpers.ts';

const FILES = [...API_DATA, 'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv'];
const WINDOW = 'from=2016-03-01&to=2016-03-31';

interface Region {
  adm1: string;
  events: number;
  lat: number | null;
  lon: number | null;
}
interface Points {
  points: { lat: number; lon: number; events: number }[];
  places: number;
  events: number;
  located: number;
}
interface Located {
  action_geo_lat: number | null;
  action_geo_lon: number | null;
}

describe.runIf(hasData)('what the dashboard maps: region centroids and event places', () => {
  let store: Store;
  let app: FastifyInstance;
  const get = async <T>(path: string) => {
    const r = await app.inject({ url: `${API_PREFIX}${path}` });
    return { status: r.statusCode, body: r.json() as T, text: r.body };
  };
  const ndjson = async (path: string) =>
    (await app.inject({ url: `${API_PREFIX}${path}` })).body
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Located);
  beforeAll(async () => {
    store = await loadedStore(tempDir(), FILES);
    app = await testApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('places each region at the mean position of its events, and lists its events by adm1', async () => {
    const { body } = await get<{ regions: Region[] }>(`/countries/NGA/regions?${WINDOW}`);
    const top = body.regions[0];
    expect(top?.lat).not.toBeNull();
    // Nigeria lies within 4-14°N, 2.5-15°E
    for (const r of body.regions.filter((x) => x.lat !== null)) {
      expect(r.lat).toBeGreaterThan(4);
      expect(r.lat).toBeLessThan(14);
      expect(r.lon).toBeGreaterThan(2.5);
      expect(r.lon).toBeLessThan(15);
    }
    const events = await ndjson(
      `/events?country=NGA&adm1=${encodeURIComponent(top?.adm1 ?? '')}&${WINDOW}&format=ndjson`,
    );
    expect(events.length).toBe(top?.events);
    const located = events.filter((e) => e.action_geo_lat !== null && e.action_geo_lon !== null);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(top?.lat).toBeCloseTo(mean(located.map((e) => e.action_geo_lat ?? 0)), 3);
    expect(top?.lon).toBeCloseTo(mean(located.map((e) => e.action_geo_lon ?? 0)), 1);
  });

  it('counts a selection’s events per place, says how many have coordinates, and caps the places', async () => {
    const filter = `country=NGA&${WINDOW}`;
    const { status, body } = await get<Points>(`/events/points?${filter}`);
    expect(status).toBe(200);
    const events = await ndjson(`/events?${filter}&format=ndjson`);
    expect(body.events).toBe(events.length);
    expect(body.located).toBe(events.filter((e) => e.action_geo_lat !== null).length);
    expect(body.points.reduce((s, p) => s + p.events, 0)).toBe(body.located);
    expect(body.places).toBe(body.points.length);
    const counts = body.points.map((p) => p.events);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const capped = await get<Points>(`/events/points?${filter}&limit=3`);
    expect(capped.body.points).toEqual(body.points.slice(0, 3));
    expect(capped.body.places).toBe(body.places);
    const none = await get<Points>('/events/points?country=ISL&from=2016-03-01&to=2016-03-02');
    expect(none.body).toEqual({ points: [], places: 0, events: 0, located: 0 });
    const bad = await get<{ parameter: string }>('/events/points?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('limit');
  });
});
