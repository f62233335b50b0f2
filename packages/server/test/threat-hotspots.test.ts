import { addDays } from '@peacebell/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanHotspots } from '../src/analytics/hotspots/scan.ts';
import type { Store } from '../src/store/store.ts';
import { main } from '../src/cli/main.ts';
import { testApp } from './api-fixture.ts';
import { captureContext, freshStore, tempDir } from './helpers.ts';

/**
 * Threat-domain hotspots over the GKG threat rollup. The shared GKG samples hold two days, far
 * short of a baseline, so the rollup rows here are made by hand: 120 days of a quiet pattern, then
 * a week in which GDELT reads twice as many articles everywhere and Bangladesh's terrorism
 * coverage rises eightfold while India's only follows the volume.
 */
describe('hotspots of a threat domain', () => {
  const dir = tempDir();
  let store: Store;
  const start = '2020-01-01';
  const spike = 113; // days 113..119 are the last week

  const row = (country: string, day: string, domain: string, articles: number) => ({
    country,
    adm1: '',
    day,
    domain,
    articles,
    mentions: articles,
    tone_n: articles,
    tone_sum: -articles,
    killed: 0,
    wounded: 0,
    arrested: 0,
    affected: 0,
    displaced: 0,
  });

  beforeAll(async () => {
    store = await freshStore(dir);
    const rows = [];
    for (let i = 0; i < 120; i++) {
      const day = addDays(start, i);
      const busy = i >= spike ? 2 : 1;
      const wobble = [3, 5, 7, 5, 4, 6, 5][i % 7] ?? 5;
      rows.push(row('', day, '', 10_000 * busy));
      rows.push(row('BGD', day, '', 100 * busy + (i >= spike ? 60 : 0)));
      rows.push(row('BGD', day, 'terrorism', i >= spike ? 40 : wobble));
      rows.push(row('IND', day, '', 100 * busy));
      rows.push(row('IND', day, 'terrorism', wobble * busy));
    }
    await store.insert('threat_day', rows);
  });
  afterAll(() => store.close());

  it('flags the place whose coverage of the domain jumps, not the one that follows the news volume', async () => {
    const last = addDays(start, 119);
    const rows = await scanHotspots(store, {
      unit: 'country',
      from: addDays(start, spike),
      to: last,
      threat: 'terrorism',
    });
    const bgd = rows.filter((r) => r.country === 'BGD' && r.source === 'all' && r.day === last);
    expect(bgd).toHaveLength(1);
    expect(bgd[0]).toMatchObject({ level: 'alert', count: 280 });
    // Expected: the baseline week (35) doubled with the news volume.
    expect(bgd[0]?.expected).toBeGreaterThan(60);
    expect(bgd[0]?.expected).toBeLessThan(80);
    expect(rows.filter((r) => r.country === 'IND')).toEqual([]);
    const otherDomain = await scanHotspots(store, { unit: 'country', from: last, to: last, threat: 'cyber' });
    expect(otherDomain).toEqual([]);
  });

  it('is asked for with --threat (CLI) and threat= (API); an unknown domain is refused', async () => {
    const io = captureContext();
    const args = ['hotspots', '--date', addDays(start, 119), '--threat', 'terrorism', '--format', 'csv'];
    expect(await main([...args, '--db', store.location], io.ctx)).toBe(0);
    expect(io.stdout()).toMatch(/^2020-04-29,BGD,Bangladesh,,,all,alert,/m);
    const bad = captureContext();
    await expect(main(['hotspots', '--threat', 'weather', '--db', store.location], bad.ctx)).resolves.toBe(1);
    expect(bad.stderr()).toContain('unknown --threat weather; valid: ');
    const app = await testApp(store);
    try {
      const r = await app.inject({ url: `/api/v1/hotspots?date=${addDays(start, 119)}&threat=terrorism` });
      expect(r.json().hotspots.map((h: { country: string }) => h.country)).toEqual(['BGD']);
      expect((await app.inject({ url: '/api/v1/hotspots?threat=weather' })).json()).toMatchObject({
        parameter: 'threat',
      });
    } finally {
      await app.close();
    }
  });
});
