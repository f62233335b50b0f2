import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasData } from '../../../test/shared-data.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { loadedStore, testApp } from './api-fixture.ts';
import { tempDir } from './helpers.ts';

interface Page {
  events: { id: string; event_date: string; source: string; action_geo_country: string | null }[];
  next_cursor: string | null;
}

describe.runIf(hasData)('GET /api/v1/events', () => {
  let store: Store;
  let app: FastifyInstance;
  let total: number;
  const get = (url: string) => app.inject({ url: `/api/v1${url}` });
  const page = async (url: string) => {
    const r = await get(url);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<Page>();
  };

  beforeAll(async () => {
    store = await loadedStore(tempDir());
    app = await testApp(store);
    const [row] = await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM events`);
    total = row?.n ?? 0;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers a first page of 100, oldest first, with a cursor', async () => {
    const p = await page('/events');
    expect(total).toBeGreaterThan(2000);
    expect(p.events).toHaveLength(100);
    const keys = p.events.map((e) => `${e.event_date} ${e.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(p.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('walks every matching row exactly once with the cursor', async () => {
    const seen: string[] = [];
    let url = '/events?limit=700';
    for (;;) {
      const p = await page(url);
      seen.push(...p.events.map((e) => e.id));
      if (!p.next_cursor) break;
      url = `/events?limit=700&cursor=${p.next_cursor}`;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('walks newest first with order=desc, every row exactly once', async () => {
    const seen: string[] = [];
    const keys: string[] = [];
    let url = '/events?limit=900&order=desc';
    for (;;) {
      const p = await page(url);
      seen.push(...p.events.map((e) => e.id));
      keys.push(...p.events.map((e) => `${e.event_date} ${e.id}`));
      if (!p.next_cursor) break;
      url = `/events?limit=900&order=desc&cursor=${p.next_cursor}`;
    }
    expect(new Set(seen).size).toBe(total);
    expect(keys).toEqual([...keys].sort().reverse());
    expect((await get('/events?order=sideways')).json().parameter).toBe('order');
  });

  it('streams the same rows as NDJSON and CSV, with no limit unless given', async () => {
    const json = await page('/events?country=USA&limit=10000');
    const ndjson = await get('/events?country=USA&format=ndjson');
    expect(ndjson.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = ndjson.body.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(json.events.map((e) => e.id));
    const csv = await get('/events?country=USA&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="events.csv"/);
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toMatch(/^id,source,source_record_id,/);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(json.events.map((e) => e.id));
    const all = await get('/events?format=ndjson');
    expect(all.body.trim().split('\n')).toHaveLength(total);
    const some = await get('/events?format=csv&limit=5');
    expect(some.body.trim().split('\n')).toHaveLength(6);
  });

  it('filters like peacebell events: country (or its name), days, roots, quads, sources', async () => {
    const byCode = await page('/events?country=usa&limit=10000');
    const byName = await page('/events?country=United%20States&limit=10000');
    expect(byName.events.length).toBe(byCode.events.length);
    const acled = await page('/events?source=acled');
    expect(acled.events.map((e) => e.source)).toEqual(['acled', 'acled']);
    const day = await page(
      '/events?from=2026-05-14&to=2026-05-14&root=14,18&quad=3,4&source=gdelt2&limit=10000',
    );
    expect(day.events.length).toBeGreaterThan(0);
    expect(day.events.every((e) => e.event_date === '2026-05-14')).toBe(true);
    expect((await page('/events?code=0211&actor=usa')).events.length).toBeGreaterThanOrEqual(0);
  });

  it('answers an empty page when nothing matches', async () => {
    const p = await page('/events?from=1990-01-01&to=1990-01-02');
    expect(p).toEqual({ events: [], next_cursor: null });
    const stream = await get('/events?from=1990-01-01&to=1990-01-02&format=csv');
    expect(stream.body.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['from=2026-13-01', 'from', /from must be a UTC day YYYY-MM-DD/],
    ['to=yesterday', 'to', /to must be a UTC day/],
    ['from=2026-05-02&to=2026-05-01', 'from', /from must not be after to/],
    ['format=xml', 'format', /format must be one of json, ndjson, csv/],
    ['limit=0', 'limit', /limit must be a whole number/],
    ['limit=-5', 'limit', /limit must be a whole number/],
    ['limit=20000', 'limit', /at most 10000 with format=json/],
    ['quad=5', 'quad', /quad must be quad classes 1..4/],
    ['root=21', 'root', /root must be CAMEO root codes/],
    ['code=999', 'code', /code must be CAMEO event codes/],
    ['source=twitter', 'source', /source must be one or more of gdelt2, gdelt1, acled, ucdp, icews/],
    ['country=Atlantis', 'country', /country must be an ISO 3166-1 alpha-3 code/],
    ['cursor=abc', 'cursor', /cursor must be a next_cursor value/],
    ['cursor=a%20b', 'cursor', /cursor must be a next_cursor value/],
    ['grain=week', 'grain', /unknown parameter grain/],
    ['country=KAZ&country=CHN', 'country', /country/],
  ])('400 for %s, naming %s', async (query, parameter, message) => {
    const r = await get(`/events?${query}`);
    expect(r.statusCode, r.body).toBe(400);
    const body = r.json<{ error: string; message: string; parameter: string }>();
    expect(body).toMatchObject({ error: 'bad_request', parameter });
    expect(body.message).toMatch(message);
  });

  it('lists what is allowed for a closed list', async () => {
    const r = await get('/events?format=xml');
    expect(r.json()).toMatchObject({ allowed: ['json', 'ndjson', 'csv'] });
  });

  const hostile = [
    "' OR 1=1 --",
    '"; DROP TABLE events; --',
    "Côte d'Ivoire",
    'N’Djamena 🕊️ 北京',
    '\u0000\u202e',
    'x'.repeat(5000),
  ];
  it.each(['country', 'actor', 'from', 'root', 'code', 'quad', 'source', 'cursor', 'limit', 'format'])(
    'treats hostile %s values as data: 200 or 400, never 500',
    async (parameter) => {
      for (const value of hostile) {
        const r = await get(`/events?${parameter}=${encodeURIComponent(value)}`);
        expect([200, 400], `${parameter}=${value.slice(0, 30)}: ${r.body.slice(0, 200)}`).toContain(
          r.statusCode,
        );
        if (r.statusCode === 400) expect(r.json()).toMatchObject({ parameter });
      }
      const [row] = await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM events`);
      expect(row?.n).toBe(total);
    },
  );

  it("reads Côte d'Ivoire as a country name", async () => {
    const r = await get(`/events?country=${encodeURIComponent("Côte d'Ivoire")}`);
    expect(r.statusCode).toBe(200);
  });

  it('GET /events/{id}: one event, 404 for an unknown or hostile id', async () => {
    const first = (await page('/events?limit=1')).events[0];
    const one = await get(`/events/${encodeURIComponent(first?.id ?? '')}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: first?.id, event_date: first?.event_date });
    for (const id of ['gdelt2:0', "' OR 1=1 --", 'x'.repeat(300), '北京']) {
      const r = await get(`/events/${encodeURIComponent(id)}`);
      expect(r.statusCode, r.body).toBe(404);
      expect(r.json()).toMatchObject({ error: 'not_found', parameter: 'id' });
    }
    const long = await get(`/events/${'x'.repeat(400)}`);
    expect([400, 404]).toContain(long.statusCode);
  });
});
