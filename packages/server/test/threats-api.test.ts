import type { FastifyInstance } from 'fastify';
import {
  IndicatorCatalog,
  IndicatorMap,
  ThreatCountries,
  ThreatMap,
  ThreatSeries,
  UnmappedThemes,
} from '@peacebell/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { main } from '../src/cli/main.ts';
import type { Store } from '../src/store/store.ts';
import { loadedStore, testApp } from './api-fixture.ts';
import { captureContext, tempDir } from './helpers.ts';
import { join } from 'node:path';

const dir = tempDir();
const db = join(dir, 'cli.duckdb');

describe.runIf(hasData)('threats in the CLI', () => {
  beforeAll(async () => {
    const { ctx } = captureContext();
    expect(await main(['import', dataFile('gkg/gkg.csv'), '--db', db], ctx)).toBe(0);
  });

  it('threats --country RUS --grain week: one row per week and domain', async () => {
    const out = captureContext();
    const code = await main(
      [
        'threats',
        '--country',
        'Russia',
        '--grain',
        'week',
        '--from',
        '2015-02-16',
        '--to',
        '2015-02-22',
        '--db',
        db,
        '--format',
        'ndjson',
      ],
      out.ctx,
    );
    expect(code).toBe(0);
    const rows = out
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(16);
    const armed = rows.find((r) => r.domain === 'armed_conflict');
    expect(armed).toMatchObject({ period: '2015-02-16' });
    expect(armed?.articles).toBeGreaterThan(0);
    expect(rows.find((r) => r.domain === 'polar')).toMatchObject({ articles: 0, share: 0, tone: null });
  });

  it('threats --format json carries coverage and evidence; unmapped and map list themes', async () => {
    const json = captureContext();
    await main(['threats', '--db', db, '--grain', 'day', '--format', 'json', '--evidence', '2'], json.ctx);
    const series = ThreatSeries.parse(JSON.parse(json.stdout()));
    expect(series.to).toBe('2020-03-18');
    expect(series.coverage.at(-1)).toEqual({ period: '2020-03-18', articles: 50 });
    expect(series.evidence.length).toBeGreaterThan(0);
    const unmapped = captureContext();
    await main(
      ['threats', 'unmapped', '--db', db, '--from', '2015-01-01', '--format', 'csv', '--limit', '3'],
      unmapped.ctx,
    );
    expect(unmapped.stdout().split('\n')[0]).toBe('theme,articles,mentions');
    expect(unmapped.stdout().trim().split('\n')).toHaveLength(4);
    const map = captureContext();
    await main(['threats', 'map', '--format', 'csv'], map.ctx);
    expect(map.stdout()).toMatch(/^TAX_TERROR_GROUP\*,terrorism$/m);
  });

  it('refuses an unknown domain or subcommand with usage exit code 1', async () => {
    const out = captureContext();
    expect(await main(['threats', '--domains', 'weather', '--db', db], out.ctx)).toBe(1);
    expect(out.stderr()).toMatch(/unknown threat domain weather; valid: armed_conflict/);
    expect(await main(['threats', 'forecast', '--db', db], captureContext().ctx)).toBe(1);
  });
});

describe.runIf(hasData)('threats in the API', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await loadedStore(dir, ['gkg/gkg.csv', 'gkg/gkgT.csv']);
    app = await testApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('GET /threats?country=RUS&grain=week and /countries/RUS/threats answer the same', async () => {
    const q = 'grain=week&from=2015-02-16&to=2015-02-22&domains=armed_conflict,terrorism&evidence=1';
    const a = await app.inject({ url: `/api/v1/threats?country=RUS&${q}` });
    const b = await app.inject({ url: `/api/v1/countries/RUS/threats?${q}` });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual(b.json());
    const series = ThreatSeries.parse(a.json());
    expect(series.rows.map((r) => r.domain)).toEqual(['armed_conflict', 'terrorism']);
    expect(series.coverage[0]?.articles).toBeGreaterThan(0);
    expect(series.evidence.every((e) => e.domain === 'armed_conflict' || e.domain === 'terrorism')).toBe(
      true,
    );
  });

  it("GET /threats/countries: one domain for every country, agreeing with each country's series", async () => {
    const r = await app.inject({
      url: '/api/v1/threats/countries?domain=armed_conflict&to=2015-02-22&days=7',
    });
    expect(r.statusCode).toBe(200);
    const map = ThreatCountries.parse(r.json());
    expect(map).toMatchObject({ from: '2015-02-16', to: '2015-02-22' });
    const rus = map.countries.find((c) => c.country === 'RUS');
    const series = ThreatSeries.parse(
      (
        await app.inject({
          url: '/api/v1/countries/RUS/threats?grain=week&from=2015-02-16&to=2015-02-22&domains=armed_conflict',
        })
      ).json(),
    );
    expect(rus?.articles).toBe(series.rows[0]?.articles);
    expect(rus?.share).toBeCloseTo(series.rows[0]?.share ?? NaN, 9);
    expect((await app.inject({ url: '/api/v1/threats/countries?domain=weather' })).json()).toMatchObject({
      parameter: 'domain',
    });
  });

  it('colours the world map: threat layers in the catalog and at /indicators/{id}/countries', async () => {
    const catalog = IndicatorCatalog.parse((await app.inject({ url: '/api/v1/indicators' })).json());
    const layer = catalog.indicators.find((i) => i.id === 'threat_armed_conflict_share');
    expect(layer).toMatchObject({ group: 'threats (GKG)', kind: 'share' });
    expect(catalog.indicators.some((i) => i.id === 'threat_armed_conflict_tone')).toBe(false);
    const q = 'from=2015-02-16&to=2015-02-22';
    const map = IndicatorMap.parse(
      (await app.inject({ url: `/api/v1/indicators/threat_armed_conflict_share/countries?${q}` })).json(),
    );
    const direct = ThreatCountries.parse(
      (
        await app.inject({ url: '/api/v1/threats/countries?domain=armed_conflict&to=2015-02-22&days=7' })
      ).json(),
    );
    expect(map.values).toEqual(direct.countries.map((c) => ({ country: c.country, value: c.share })));
    const tone = await app.inject({ url: `/api/v1/indicators/threat_armed_conflict_tone/countries?${q}` });
    expect(tone.statusCode).toBe(400);
  });

  it('unmapped themes and the map', async () => {
    const unmapped = UnmappedThemes.parse(
      (await app.inject({ url: '/api/v1/threats/unmapped?limit=5' })).json(),
    );
    expect(unmapped.themes).toHaveLength(5);
    expect(unmapped.days.at(-1)?.day).toBe('2020-03-18');
    const map = ThreatMap.parse((await app.inject({ url: '/api/v1/threats/map' })).json());
    expect(map.domains).toHaveLength(16);
  });

  it('a bad parameter is a 400 naming it; the routes are in the OpenAPI document', async () => {
    const bad = await app.inject({ url: '/api/v1/threats?grain=year' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ parameter: 'grain' });
    const domain = await app.inject({ url: '/api/v1/countries/RUS/threats?domains=weather' });
    expect(domain.json()).toMatchObject({ parameter: 'domains' });
    const spec = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/threats',
        '/api/v1/countries/{country}/threats',
        '/api/v1/threats/unmapped',
      ]),
    );
  });
});
