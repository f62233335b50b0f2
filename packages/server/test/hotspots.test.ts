import type { FastifyInstance } from 'fastify';
import { addDays } from '@peacebell/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { API_PREFIX } from '../src/api/app.ts';
import { explainHotspot } from '../src/analytics/hotspots/explain.ts';
import { listRuns, runHotspots, saveRun } from '../src/analytics/hotspots/runs.ts';
import { HOTSPOT_METHOD } from '../src/analytics/hotspots/method.ts';
import { scanHotspots } from '../src/analytics/hotspots/scan.ts';
import { candidatesSql, type Candidate } from '../src/analytics/hotspots/scan-sql.ts';
import { main } from '../src/cli/main.ts';
import { importFile } from '../src/ingest/import-file.ts';
import type { Store } from '../src/store/store.ts';
import { sql } from '../src/store/sql.ts';
import { testApp } from './api-fixture.ts';
import { captureContext, CLOCK, freshStore, tempDir } from './helpers.ts';

const dir = tempDir();
let store: Store;
let app: FastifyInstance;

describe.runIf(hasData)('hotspots on UCDP GED Myanmar and Bangladesh', () => {
  beforeAll(async () => {
    store = await freshStore(dir);
    await importFile(store, dataFile('ucdp/ged191-myanmar-bangladesh.csv'), { clock: CLOCK });
    app = await testApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('notices the Rakhine escalation of 25 August 2017 on its first day, as new, and follows it', async () => {
    const rows = await scanHotspots(store, {
      unit: 'country',
      from: '2017-08-01',
      to: '2017-09-30',
      country: 'MMR',
    });
    const all = rows.filter((r) => r.source === 'all');
    expect(all[0]).toMatchObject({ day: '2017-08-25', level: 'alert', phase: 'new', country: 'MMR' });
    expect(all[0]?.count).toBeGreaterThan(all[0]?.expected ?? Infinity);
    expect(
      all
        .slice(1)
        .filter((r) => r.day <= '2017-08-30')
        .map((r) => r.phase),
    ).not.toContain('new');
    expect(all.at(-1)?.phase).toBe('ended');
    for (const r of all) {
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    // the per-source row behind it
    expect(rows.find((r) => r.source === 'ucdp' && r.day === '2017-08-25')?.level).toBe('alert');
  });

  it('tests a day without events of its own when its window holds some (UCDP, 31 August 2017)', async () => {
    const [own] = await store.query<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM events WHERE action_geo_country = 'MMR' AND event_date = DATE '2017-08-31'`,
    );
    expect(own?.n).toBe(0);
    const [week] = await store.query<{ n: number }>(sql`
      SELECT count(*)::INTEGER AS n FROM events
      WHERE action_geo_country = 'MMR' AND event_date BETWEEN DATE '2017-08-25' AND DATE '2017-08-31'
        AND category IN ('armed_clash', 'remote_violence', 'violence_against_civilians')
        AND date_diff('day', event_date, coalesce(event_date_end, event_date)) < 7`);
    const rows = await scanHotspots(store, {
      unit: 'country',
      from: '2017-08-31',
      to: '2017-08-31',
      country: 'MMR',
    });
    expect(rows.find((r) => r.source === 'ucdp')).toMatchObject({
      day: '2017-08-31',
      level: 'alert',
      count: week?.n,
    });
    expect((await explainHotspot(store, 'MMR', '2017-08-31')).hotspots.length).toBeGreaterThan(0);
  });

  it('does not test the days after the source’s last day: they are not known yet', async () => {
    const [end] = await store.query<{ last: string }>(
      sql`SELECT strftime(max(day), '%Y-%m-%d') AS last FROM rollup_world_day WHERE source = 'ucdp'`,
    );
    const last = end?.last ?? '';
    const request = { unit: 'adm1' as const, from: addDays(last, -60), to: addDays(last, 20) };
    const candidates = await store.query<Candidate>(
      candidatesSql(store.dialect, request, HOTSPOT_METHOD.params, 10),
    );
    expect(candidates.some((c) => c.day > addDays(last, -7))).toBe(true);
    expect(candidates.filter((c) => c.day > last)).toEqual([]);
  });

  it('with regions, lifts a country by a local escalation and names the region', async () => {
    const request = { unit: 'country' as const, from: '2012-06-01', to: '2012-06-20', country: 'MMR' };
    const level = (rows: { level: string }[]) => rows.filter((r) => r.level !== 'watch').length;
    const plain = (await scanHotspots(store, request)).filter((r) => r.source === 'all');
    const withRegions = (await scanHotspots(store, { ...request, regions: true })).filter(
      (r) => r.source === 'all',
    );
    expect(level(withRegions)).toBeGreaterThan(level(plain));
    const led = withRegions.find((r) => r.level !== 'watch');
    expect(led).toMatchObject({ adm1: '', region: 'Rakhine State' });
    const days = withRegions.filter((r) => r.phase !== 'ended').map((r) => r.day);
    expect(days).toEqual([...days].sort());
    expect(withRegions.filter((r) => r.phase === 'new').length).toBeLessThanOrEqual(1);
  });

  it('stays quiet where nothing changed', async () => {
    const rows = await scanHotspots(store, { unit: 'country', from: '2018-07-01', to: '2018-12-20' });
    expect(rows.filter((r) => r.level !== 'watch')).toEqual([]);
  });

  it('leaves out events dated only to a year (UCDP 1991: 250 deaths "on" 1 January)', async () => {
    const undated = await store.query<{ n: number; deaths: number }>(
      sql`SELECT count(*)::INTEGER AS n, sum(fatalities_best)::INTEGER AS deaths FROM events
        WHERE action_geo_country = 'MMR' AND event_date = DATE '1991-01-01' AND event_date_end = DATE '1991-12-31'`,
    );
    expect(undated[0]).toEqual({ n: 3, deaths: 250 });
    const around = { unit: 'country', from: '1990-12-30', to: '1991-01-07', country: 'MMR' } as const;
    for (const rows of [
      await scanHotspots(store, around),
      await scanHotspots(store, { ...around, raw: true }),
    ]) {
      expect(rows.filter((r) => r.day === '1991-01-01' && r.phase !== 'ended')).toEqual([]);
    }
    // Exactly dated escalations are still seen (Rakhine, 25 August 2017), and one that a year-long
    // event in the baseline hid now shows: election day in Bangladesh, 30 December 2018.
    const rakhine = await scanHotspots(store, { ...around, from: '2017-08-25', to: '2017-08-25' });
    expect(rakhine.some((r) => r.source === 'ucdp' && r.level === 'alert')).toBe(true);
    const election = await scanHotspots(store, {
      unit: 'country',
      from: '2018-12-30',
      to: '2018-12-30',
      country: 'BGD',
    });
    expect(election.find((r) => r.source === 'all')).toMatchObject({ level: 'warning', phase: 'new' });
  });

  it('explains: the series against the baseline, drivers, actors and linked evidence', async () => {
    const e = await explainHotspot(store, 'MMR', '2017-08-27');
    expect(e.hotspots.map((h) => h.source).sort()).toEqual(['all', 'ucdp']);
    const points = e.series.find((s) => s.source === 'ucdp')?.points ?? [];
    const last = points.at(-1);
    expect(last?.day).toBe('2017-08-27');
    expect(last?.count).toBeGreaterThan(last?.warning_at ?? Infinity);
    expect(points.every((p) => p.watch_at <= p.warning_at)).toBe(true);
    expect(e.drivers[0]?.recent).toBeGreaterThan(e.drivers[0]?.baseline_weekly ?? Infinity);
    expect(e.actors.length).toBeGreaterThan(0);
    expect(e.top_events.length).toBeGreaterThan(0);
    const deaths = e.top_events.map((t) => t.fatalities_best ?? 0);
    expect(deaths).toEqual([...deaths].sort((a, b) => b - a));
  });

  it('stores runs with the method and replays them as they were', async () => {
    const request = { unit: 'country' as const, from: '2017-08-20', to: '2017-09-10' };
    const rows = await scanHotspots(store, request);
    const runId = await saveRun(store, request, rows, CLOCK());
    const [run] = await listRuns(store);
    expect(run).toMatchObject({
      run_id: runId,
      method: 'nb-surprise',
      version: HOTSPOT_METHOD.version,
      hotspots: rows.length,
    });
    expect(JSON.parse(run?.params ?? '{}').recentDays).toBe(7);
    const replayed = await runHotspots(store, runId);
    const key = (r: { day: string; source: string; country: string; phase: string }) =>
      `${r.day} ${r.country} ${r.source} ${r.phase}`;
    expect(replayed.map(key).sort()).toEqual(rows.map(key).sort());
  });

  it('tests whole ISO weeks with grain week, the same test as on each Sunday, phases by the week', async () => {
    const request = { unit: 'country' as const, from: '2016-09-01', to: '2017-12-31', regions: true };
    const daily = await scanHotspots(store, request);
    const weekly = await scanHotspots(store, { ...request, grain: 'week' });
    const sunday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
    const tested = weekly.filter((r) => r.phase !== 'ended');
    expect(tested.length).toBeGreaterThan(5);
    expect(weekly.every((r) => sunday(r.day))).toBe(true);
    const key = (r: { day: string; country: string; source: string }) => `${r.day} ${r.country} ${r.source}`;
    const onSundays = daily.filter((r) => r.phase !== 'ended' && sunday(r.day));
    expect(tested.map(key).sort()).toEqual(onSundays.map(key).sort());
    for (const w of tested) {
      const d = onSundays.find((r) => key(r) === key(w));
      expect(d && { level: d.level, score: d.score, count: d.count, deaths: d.deaths }, key(w)).toEqual({
        level: w.level,
        score: w.score,
        count: w.count,
        deaths: w.deaths,
      });
    }
    // Rakhine, week of 21-27 August 2017: new that week, then weekly phases until a week without a flag.
    const mmr = weekly.filter((r) => r.country === 'MMR' && r.source === 'all' && r.day >= '2017-08-27');
    expect(mmr[0]).toMatchObject({ day: '2017-08-27', level: 'alert', phase: 'new' });
    const end = mmr.findIndex((r) => r.phase === 'ended');
    expect(end).toBeGreaterThan(0);
    const lastFlag = mmr[end - 1]?.day ?? '';
    expect(mmr[end]?.day).toBe(
      new Date(Date.parse(`${lastFlag}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(mmr.slice(1, end).map((r) => r.phase)).not.toContain('new');
    // date= picks its ISO week, dated on the Sunday; runs keep the grain.
    const r = await app.inject({ url: `${API_PREFIX}/hotspots?date=2017-08-23&grain=week` });
    expect(r.json()).toMatchObject({ from: '2017-08-27', to: '2017-08-27' });
    expect(r.json().hotspots[0]).toMatchObject({ country: 'MMR', day: '2017-08-27', level: 'alert' });
    const runId = await saveRun(store, { ...request, grain: 'week' }, weekly, CLOCK());
    expect((await listRuns(store)).find((run) => run.run_id === runId)?.grain).toBe('week');
  });

  it('serves hotspots, explanations and runs, and refuses bad parameters', async () => {
    const r = await app.inject({ url: `${API_PREFIX}/hotspots?date=2017-08-27` });
    expect(r.statusCode).toBe(200);
    expect(r.json().hotspots[0]).toMatchObject({
      country: 'MMR',
      name: 'Myanmar',
      level: 'alert',
      source: 'all',
    });
    const explain = await app.inject({ url: `${API_PREFIX}/hotspots/Myanmar/explain?date=2017-08-27` });
    expect(explain.json().top_events.length).toBeGreaterThan(0);
    expect((await app.inject({ url: `${API_PREFIX}/hotspots/runs` })).json().runs.length).toBeGreaterThan(0);
    for (const [url, parameter] of [
      ['/hotspots?level=severe', 'level'],
      ['/hotspots?grain=month', 'grain'],
      ['/hotspots?date=2017-08-27&from=2017-08-01', 'date'],
      ['/hotspots?from=2017-09-01&to=2017-08-01', 'from'],
      ['/hotspots?country=%27%20OR%201%3D1%20--', 'country'],
      ['/hotspots/XYZ/explain', 'country'],
    ] as const) {
      const bad = await app.inject({ url: `${API_PREFIX}${url}` });
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().parameter, url).toBe(parameter);
    }
  });

  it('prints them from the CLI', async () => {
    const io = captureContext();
    const db = store.location;
    await store.close();
    try {
      expect(await main(['hotspots', '--db', db, '--date', '2017-08-27', '--format', 'csv'], io.ctx)).toBe(0);
      expect(io.stdout()).toMatch(/^day,country,name,adm1,region,source,level,phase,score,count/);
      expect(io.stdout()).toContain('2017-08-27,MMR,Myanmar,,,all,alert,intensifying');
      const ex = captureContext();
      expect(
        await main(
          ['hotspots', 'explain', 'MMR', '--db', db, '--date', '2017-08-27', '--format', 'table'],
          ex.ctx,
        ),
      ).toBe(0);
      expect(ex.stdout()).toContain('Myanmar on 2017-08-27 (UTC)');
      expect(ex.stdout()).toContain('Top events');
      const bad = captureContext();
      expect(await main(['hotspots', '--db', db, '--level', 'severe'], bad.ctx)).toBe(1);
      expect(bad.stderr()).toContain('valid: watch, warning, alert');
      const week = captureContext();
      expect(await main(['hotspots', '--db', db, '--grain', 'fortnight'], week.ctx)).toBe(1);
      expect(week.stderr()).toContain('valid: day, week');
    } finally {
      store = await freshStore(dir);
    }
  });
});
