import { readFileSync } from 'node:fs';
import { acledCategory, CONFLICT_CATEGORIES, INDICATORS } from '@peacebell/model';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { indicatorSeries } from '../src/analytics/indicators.ts';
import { pairRelations } from '../src/analytics/relations.ts';
import { countriesStatus } from '../src/analytics/countries.ts';
import { relationScore } from '../src/analytics/relation-score.ts';
import { ParamError } from '../src/errors.ts';
import { importFile } from '../src/ingest/import-file.ts';
import type { Store } from '../src/store/store.ts';
import { parseCsv } from './csv.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const GDELT = 'gdelt2/export/20260514083000.export.CSV';
const ACLED = 'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv';
let store: Store;

/** GDELT 2.0 export rows as columns by position (the codebook's order). */
const gdeltRows = () =>
  readFileSync(dataFile(GDELT), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));

const round = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits;

describe.runIf(hasData)('indicators, from the rollups, against values computed from the raw rows', () => {
  beforeAll(async () => {
    store = await freshStore(tempDir());
    for (const file of [GDELT, ACLED]) await importFile(store, dataFile(file), { clock: CLOCK });
  });
  afterAll(() => store.close());

  it('counts, shares, weighted Goldstein and tone for a country-day (GDELT)', async () => {
    const rows = gdeltRows().filter((r) => r[53] === 'US' && r[1] === '20260514');
    const weight = (r: string[]) => Math.max(Number(r[32]), 1);
    const conflict = rows.filter((r) => Number(r[29]) >= 3).length;
    const goldstein =
      rows.reduce((s, r) => s + weight(r) * Number(r[30]), 0) / rows.reduce((s, r) => s + weight(r), 0);
    const tone = rows.reduce((s, r) => s + Number(r[34]), 0) / rows.length;
    const series = await indicatorSeries(store, {
      unit: 'country',
      key: { country: 'USA' },
      grain: 'day',
      from: '2026-05-13',
      to: '2026-05-14',
      indicators: [
        'events',
        'quad_verbal_conflict',
        'quad_material_conflict',
        'goldstein',
        'tone',
        'sources',
        'mentions',
      ],
    });
    expect(rows.length).toBeGreaterThan(50);
    const day = series.rows.find((r) => r.period === '2026-05-14');
    expect(day).toMatchObject({
      events: rows.length,
      sources: 1,
      mentions: rows.reduce((s, r) => s + Number(r[31]), 0),
    });
    expect(Number(day?.quad_verbal_conflict) + Number(day?.quad_material_conflict)).toBe(conflict);
    expect(round(Number(day?.goldstein))).toBe(round(goldstein));
    expect(round(Number(day?.tone), 4)).toBe(round(tone, 4));
  });

  it('fatalities and conflict share for a country-month (ACLED), with empty periods filled', async () => {
    const [header, ...records] = parseCsv(readFileSync(dataFile(ACLED), 'latin1'));
    const col = (name: string) => (header as string[]).indexOf(name);
    const march = records.filter(
      (r) => r[col('COUNTRY')] === 'Nigeria' && /\/03\/2016$/.test(r[col('EVENT_DATE')] ?? ''),
    );
    const conflict = march.filter((r) =>
      CONFLICT_CATEGORIES.some((c) => c === acledCategory(r[col('EVENT_TYPE')] ?? '')?.category),
    ).length;
    const series = await indicatorSeries(store, {
      unit: 'country',
      key: { country: 'NGA' },
      grain: 'month',
      from: '2016-01-01',
      to: '2016-07-31',
      indicators: ['events', 'fatalities_acled_best', 'conflict_share', 'goldstein'],
    });
    expect(series.rows.map((r) => r.period)).toEqual([
      '2016-01-01',
      '2016-02-01',
      '2016-03-01',
      '2016-04-01',
      '2016-05-01',
      '2016-06-01',
      '2016-07-01',
    ]);
    expect(series.rows[2]).toEqual({
      period: '2016-03-01',
      events: march.length,
      fatalities_acled_best: march.reduce((s, r) => s + Number(r[col('FATALITIES')]), 0),
      conflict_share: conflict / march.length,
      goldstein: null,
    });
    expect(series.rows[6]).toEqual({
      period: '2016-07-01',
      events: 0,
      fatalities_acled_best: 0,
      conflict_share: null,
      goldstein: null,
    });
  });

  it('the relations index of a directed pair, from the raw rows', async () => {
    const rows = gdeltRows().filter((r) => r[7] === 'USA' && r[17] === 'CHN');
    const w = (r: string[]) => Math.max(Number(r[32]), 1);
    const g = (r: string[]) => Number(r[30]);
    const expected = relationScore({
      events: rows.length,
      weight: rows.reduce((s, r) => s + w(r), 0),
      weightSq: rows.reduce((s, r) => s + w(r) ** 2, 0),
      coop: rows.reduce((s, r) => s + w(r) * Math.max(g(r), 0), 0),
      conflict: rows.reduce((s, r) => s + w(r) * Math.max(-g(r), 0), 0),
    });
    const relations = await pairRelations(
      store,
      'USA',
      'CHN',
      'month',
      { from: '2026-01-01', to: '2026-05-31' },
      5,
    );
    const [ab, ba] = relations.directions;
    expect(ab.total).toMatchObject({ ...expected, events: rows.length });
    expect(ab.series.at(-1)).toMatchObject({ period: '2026-05-01', ...expected });
    expect(ab.series[0]).toMatchObject({ events: 0, score: null });
    expect(ba.from).toBe('CHN');
    expect(ba.total.events).toBe(gdeltRows().filter((r) => r[7] === 'CHN' && r[17] === 'USA').length);
    expect(relations.top_events).toHaveLength(5);
    for (const e of relations.top_events) {
      expect([e.from, e.to].sort()).toEqual(['CHN', 'USA']);
      expect(e.source_url).toMatch(/^https?:\/\//);
    }
    const sources = relations.top_events.map((e) => e.num_sources ?? 0);
    expect(sources).toEqual([...sources].sort((x, y) => y - x));
  });

  it('ranks countries by the last week, with the four before as baseline', async () => {
    const status = await countriesStatus(store, '2016-03-31');
    expect(status.as_of).toBe('2016-03-31');
    const nga = status.countries.find((c) => c.country === 'NGA');
    const [header, ...records] = parseCsv(readFileSync(dataFile(ACLED), 'latin1'));
    const col = (name: string) => (header as string[]).indexOf(name);
    const inRange = (lo: number, hi: number) =>
      records.filter((r) => {
        const m =
          /^(\d+)\/03\/2016$/.exec(r[col('EVENT_DATE')] ?? '') ??
          /^(\d+)\/02\/2016$/.exec(r[col('EVENT_DATE')] ?? '');
        if (!m || r[col('COUNTRY')] !== 'Nigeria') return false;
        const day = Number(m[1]) + ((r[col('EVENT_DATE')] ?? '').includes('/02/') ? 0 : 29);
        return day >= lo && day <= hi;
      }).length;
    // 25..31 March is days 54..60 of Feb+March 2016 (29 days in February); the baseline is the 28 days before
    expect(nga).toMatchObject({
      name: 'Nigeria',
      events_7d: inRange(54, 60),
      baseline_7d: inRange(26, 53) / 4,
    });
    expect(status.countries[0]?.events_7d).toBeGreaterThanOrEqual(nga?.events_7d ?? 0);
  });

  it('reads the same numbers from the rollups as from a scan of the raw events', async () => {
    const all = INDICATORS.map((i) => i.id);
    for (const [unit, key] of [
      ['world', {}],
      ['country', { country: 'NGA' }],
      ['adm1', { country: 'NGA', adm1: 'Borno' }],
      ['pair', { country: 'USA', partner: 'CHN' }],
    ] as const) {
      const request = {
        unit,
        key,
        grain: 'week' as const,
        from: '2016-01-01',
        to: '2026-06-01',
        indicators: all,
      };
      const fast = await indicatorSeries(store, request);
      expect(fast.rows.some((r) => Number(r.events) > 0)).toBe(true);
      expect(await indicatorSeries(store, { ...request, raw: true })).toEqual(fast);
    }
    expect(await countriesStatus(store, '2016-04-30', undefined, true)).toEqual(
      await countriesStatus(store, '2016-04-30'),
    );
    const window = { from: '2026-05-01', to: '2026-05-31' };
    expect(await pairRelations(store, 'CHN', 'USA', 'week', { ...window, raw: true })).toEqual(
      await pairRelations(store, 'CHN', 'USA', 'week', window),
    );
  });

  it('refuses unknown indicators, units and grains, listing the valid ones', async () => {
    const request = {
      unit: 'country' as const,
      key: { country: 'USA' },
      grain: 'day' as const,
      from: '2026-05-01',
      to: '2026-05-14',
    };
    const error = await indicatorSeries(store, { ...request, indicators: ['events', 'nope'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).message).toMatch(/unknown indicator "nope"; valid: events, conflict_share/);
    expect((error as ParamError).allowed).toHaveLength(INDICATORS.length);
    const { checkGrain, checkUnit } = await import('../src/analytics/indicators.ts');
    expect(() => checkGrain('year')).toThrow(/grain "year"; valid: day, week, month/);
    expect(() => checkUnit('adm2')).toThrow(/unit "adm2"; valid: world, country, adm1, pair/);
    await expect(
      indicatorSeries(store, { ...request, from: '2026-06-01', indicators: ['events'] }),
    ).rejects.toThrow(/after/);
  });

  it('treats hostile keys as data', async () => {
    const series = await indicatorSeries(store, {
      unit: 'adm1',
      key: { country: "US' OR 1=1 --", adm1: 'Côte d\'Ivoire "x"' },
      grain: 'week',
      from: '2026-05-01',
      to: '2026-05-14',
      indicators: ['events'],
    });
    expect(series.rows.every((r) => r.events === 0)).toBe(true);
  });
});
