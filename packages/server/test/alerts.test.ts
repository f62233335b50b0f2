import type { AddressInfo } from 'node:net';
import { addDays, HOTSPOT_LEVELS, type AlertPacket } from '@peacebell/model';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile } from '../../../test/shared-data.ts';
import { checkRules, replay } from '../src/alerts/engine.ts';
import { listAlerts } from '../src/alerts/records.ts';
import { MIN_EFFECTIVE_EVENTS } from '../src/alerts/firings/relations.ts';
import { firingsFor } from '../src/alerts/firings/index.ts';
import { checkRule, requireRule, saveRule } from '../src/alerts/rules.ts';
import { pairRelations } from '../src/analytics/relations.ts';
import { threatSeries } from '../src/analytics/threats/index.ts';
import { AlertService } from '../src/alerts/service.ts';
import { latestDay } from '../src/analytics/countries.ts';
import { scanHotspots } from '../src/analytics/hotspots/scan.ts';
import { main } from '../src/cli/main.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { testApp } from './api-fixture.ts';
import { captureContext, CLOCK, freshStore, tempDir } from './helpers.ts';

const UCDP = 'ucdp/ged191-myanmar-bangladesh.csv';
const OPTIONS = { baseUrl: 'http://dash.test', clock: CLOCK };
const rank = (l: string) => HOTSPOT_LEVELS.indexOf(l as (typeof HOTSPOT_LEVELS)[number]);

describe('alerts on real data', () => {
  const dir = tempDir();
  let store: Store;

  beforeAll(async () => {
    store = await freshStore(dir);
    await importFile(store, dataFile(UCDP), { clock: CLOCK });
  });
  afterAll(() => store.close());

  it('replays a year: one alert per episode of warnings, again only when worse, and nothing else', async () => {
    const { rule } = await saveRule(
      store,
      { name: 'myanmar-bangladesh', when: 'hotspot >= warning', scope: { countries: ['MMR', 'BGD'] } },
      CLOCK(),
    );
    const packets = await replay(store, rule, '2017-01-01', '2017-12-31', OPTIONS);
    // What the hotspots say, read independently: each country's days at warning or above.
    const rows = await scanHotspots(store, {
      unit: 'country',
      from: '2016-10-01',
      to: '2017-12-31',
      regions: true,
    });
    const flagged = rows.filter(
      (r) => r.source === 'all' && r.phase !== 'ended' && rank(r.level) >= rank('warning'),
    );
    const inYear = flagged.filter((r) => r.day >= '2017-01-01');
    expect(inYear.length).toBeGreaterThan(0);
    for (const p of packets) {
      const row = inYear.find((r) => r.country === p.where.country && r.day === p.day);
      expect(row, `${p.where.country} ${p.day}`).toBeDefined();
      expect(p.severity).toBe(row?.level);
      if (p.escalation) continue;
      // A new episode starts on a flagged day with no flag in the 14 days before (or at the range start).
      const before = inYear.filter(
        (r) => r.country === p.where.country && r.day < p.day && r.day >= addDays(p.day, -14),
      );
      expect(before, `${p.where.country} ${p.day}`).toEqual([]);
    }
    // Every flagged day belongs to an episode some alert opened.
    for (const r of inYear) {
      const opened = packets.filter((p) => p.where.country === r.country && p.episode_start <= r.day);
      expect(opened.length, `${r.country} ${r.day}`).toBeGreaterThan(0);
    }
    const rakhine = packets.find((p) => p.where.country === 'MMR' && p.day === '2017-08-25');
    expect(rakhine).toMatchObject({ severity: 'alert', kind: 'hotspot', escalation: false });
    expect(rakhine?.where).toMatchObject({ country: 'MMR', adm1: null, adm1_name: null });
    expect(rakhine?.summary).toMatch(/^Myanmar \(led by Rakhine State\): hotspot alert/);
    expect(rakhine?.top_events.length).toBeGreaterThan(0);
    expect(rakhine?.top_events.every((e) => e.id.startsWith('ucdp:') && e.event_date <= '2017-08-25')).toBe(
      true,
    );
    expect(rakhine?.series.at(-1)).toMatchObject({ day: '2017-08-25' });
    expect(rakhine?.link).toBe('http://dash.test/?page=country&country=MMR&date=2017-08-25');
    expect(new Set(packets.map((p) => p.id)).size).toBe(packets.length);
  });

  it('checks live exactly once: a re-check and a restart raise nothing again', async () => {
    const { rule } = await saveRule(
      store,
      { name: 'live', when: 'hotspot >= warning', scope: { countries: ['MMR'] } },
      CLOCK(),
    );
    // As if the rule had been watching since before the Rakhine clearance operations.
    await store.exec(
      sql`UPDATE alert_rules SET evaluated_through = DATE '2017-08-20' WHERE rule_id = ${rule.id}`,
    );
    const first = await checkRules(store, OPTIONS, 'live');
    expect(first.some((p) => p.day === '2017-08-25' && p.severity === 'alert')).toBe(true);
    expect(await checkRules(store, OPTIONS, 'live')).toEqual([]);
    const location = store.location;
    await store.close();
    store = await openDuckDbStore(location);
    expect(await checkRules(store, OPTIONS, 'live')).toEqual([]);
    const stored = await listAlerts(store, { rule: 'live', limit: 500 });
    expect(stored.map((a) => a.id).sort()).toEqual(first.map((p) => p.id).sort());
    expect((await requireRule(store, 'live')).evaluated_through).toBe(await latestDay(store));
  });

  it('fires indicator and first-of-a-kind rules from the rollups', async () => {
    const { rule } = await saveRule(
      store,
      { name: 'deaths', when: 'indicator fatalities_ucdp_best > 100', scope: { countries: ['MMR'] } },
      CLOCK(),
    );
    const packets = await replay(store, rule, '2017-08-01', '2017-09-30', OPTIONS);
    const [counted] = await store.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM (
      SELECT event_date FROM events WHERE action_geo_country = 'MMR' AND source = 'ucdp'
        AND event_date BETWEEN DATE '2017-08-01' AND DATE '2017-09-30'
      GROUP BY event_date HAVING sum(fatalities_best) > 100)`);
    expect(counted?.n).toBeGreaterThan(0);
    // Consecutive days over the threshold are one episode: at most as many alerts as days.
    expect(packets.length).toBeGreaterThan(0);
    expect(packets.length).toBeLessThanOrEqual(counted?.n ?? 0);
    for (const p of packets) expect(p.value).toBeGreaterThan(100);
  });

  it('fires relations rules on the days the pair index says, both directions', async () => {
    await importFile(store, dataFile('icews/icews-brazil-2013-except-june.tab'), { clock: CLOCK });
    const spec = checkRule({ name: 'bra-usa', when: 'relations < 0', scope: { pairs: ['BRA-USA'] } });
    const firings = await firingsFor(store, spec, '2013-01-01', '2013-12-31');
    const relations = await pairRelations(
      store,
      'BRA',
      'USA',
      'day',
      { from: '2013-01-01', to: '2013-12-31' },
      0,
    );
    const expected = relations.directions.flatMap((d) =>
      d.series
        .filter((p) => p.score !== null && p.score < 0 && p.effective_events >= MIN_EFFECTIVE_EVENTS)
        .map((p) => `${d.from}>${d.to} ${p.period}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(firings.map((f) => `${f.subject.key} ${f.day}`).sort()).toEqual(expected.sort());
    const moves = await firingsFor(
      store,
      { ...spec, when: 'relations drop 2 sd in 28d' },
      '2013-01-01',
      '2013-12-31',
    );
    for (const f of moves) expect(f.series?.at(-1)?.value ?? 1).toBeLessThan(f.series?.at(-1)?.low ?? -1);
  });

  it('fires on GKG threat indicators like any other indicator', async () => {
    await importFile(store, dataFile('gkg/gkg.csv'), { clock: CLOCK });
    const [top] = await store.query<{ country: string; domain: string }>(sql`
      SELECT country, domain FROM threat_day WHERE domain <> '' AND adm1 = '' AND country <> ''
      GROUP BY ALL ORDER BY sum(articles) DESC, country, domain LIMIT 1`);
    expect(top).toBeDefined();
    const id = `threat_${top?.domain}_articles`;
    const spec = checkRule({
      name: 'gkg',
      when: `indicator ${id} >= 1`,
      scope: { countries: [top?.country] },
    });
    const [range] = await store.query<{
      from: string;
      to: string;
    }>(sql`SELECT strftime(min(day), '%Y-%m-%d') AS "from",
      strftime(max(day), '%Y-%m-%d') AS "to" FROM threat_day`);
    const from = range?.from ?? '';
    const to = range?.to ?? '';
    const firings = await firingsFor(store, spec, from, to);
    const series = await threatSeries(store, {
      country: top?.country ?? '',
      grain: 'day',
      from,
      to,
      domains: [],
    });
    const expected = series.rows
      .filter((r) => r.domain === top?.domain && r.articles >= 1)
      .map((r) => r.period);
    expect(expected.length).toBeGreaterThan(0);
    expect(firings.map((f) => f.day)).toEqual(expected);
    expect(() => checkRule({ ...spec, scope: { pairs: ['USA-CHN'] } })).toThrow(
      /threat indicators are about places/,
    );
  });

  it('refuses a rule with bad syntax, pointing at the mistake (CLI)', async () => {
    const io = captureContext();
    const code = await main(
      [
        'alerts',
        'add',
        '--name',
        'bad',
        '--when',
        'hotspot >= warnin',
        '--countries',
        'MLI',
        '--db',
        store.location,
      ],
      io.ctx,
    ).catch((e: Error) => e);
    expect(code).toBe(2);
    expect(io.stderr()).toContain(
      'when: expected a level (watch, warning, alert) at column 12, found "warnin"',
    );
    expect(io.stderr()).toContain('  hotspot >= warnin\n             ^');
  });
});

describe('alerts API and stream', () => {
  const dir = tempDir();
  const KEY = 'settings-key-0123456789';
  let store: Store;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    store = await freshStore(dir);
    await importFile(store, dataFile(UCDP), { clock: CLOCK });
    const alerts = new AlertService(await store.reader(), { ...OPTIONS, pollMs: 20 });
    app = await testApp(store, { apiKey: KEY, alerts });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const post = (path: string, body: unknown, key: string | null = KEY) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });

  it('needs the key to write, names the field at fault, and never returns the secret', async () => {
    const rule = {
      name: 'rakhine',
      when: 'hotspot >= warning',
      scope: { countries: ['MMR'] },
      webhook: 'http://127.0.0.1:9/x',
    };
    expect((await post('/alert-rules', rule, null)).status).toBe(401);
    const bad = await post('/alert-rules', { ...rule, when: 'relations drop 2 sd in 14' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      parameter: 'when',
      message: expect.stringContaining('a window of 2 to 365 days'),
    });
    const wrongScope = await post('/alert-rules', { ...rule, when: 'relations < 0' });
    expect(await wrongScope.json()).toMatchObject({ parameter: 'scope.pairs' });
    const created = await post('/alert-rules', rule);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { rule: { name: string }; webhook_secret: string };
    expect(body.webhook_secret).toMatch(/^whsec_/);
    expect((await post('/alert-rules', rule)).status).toBe(409);
    const listed = await (await fetch(`${base}/alert-rules`)).text();
    expect(listed).toContain('"rakhine"');
    expect(listed).not.toContain(body.webhook_secret);
  });

  it('streams each new alert once over SSE, then lists and acknowledges it', async () => {
    await store.exec(
      sql`UPDATE alert_rules SET evaluated_through = DATE '2017-08-20' WHERE name = 'rakhine'`,
    );
    const controller = new AbortController();
    const stream = await fetch(`${base}/alerts/stream`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const checked = (await (await post('/alert-rules/check', {})).json()) as { alerts: AlertPacket[] };
    expect(checked.alerts.length).toBeGreaterThan(0);
    let text = '';
    while ((text.match(/event: alert/g) ?? []).length < checked.alerts.length) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const ids = [...text.matchAll(/^data: (.*)$/gm)].map(
      (m) => (JSON.parse(m[1] as string) as { id: string }).id,
    );
    expect(ids.sort()).toEqual(checked.alerts.map((a) => a.id).sort());
    expect(text).toMatch(/^id: \d+$/m);

    const list = (await (await fetch(`${base}/alerts?rule=rakhine`)).json()) as {
      alerts: { id: string }[];
      unacknowledged: number;
    };
    expect(list.alerts.length).toBe(checked.alerts.length);
    const first = list.alerts[0]?.id ?? '';
    expect((await post(`/alerts/${first}/ack`, {}, null)).status).toBe(401);
    const acked = (await (await post(`/alerts/${first}/ack`, {})).json()) as { acknowledged_at: string };
    expect(acked.acknowledged_at).toBe('2026-11-26T12:00:00Z');
    const after = (await (await fetch(`${base}/alerts?unacknowledged=true`)).json()) as {
      unacknowledged: number;
    };
    expect(after.unacknowledged).toBe(list.unacknowledged - 1);
    expect((await fetch(`${base}/alerts/nope-1`)).status).toBe(404);
  });

  it('follows new alerts in the terminal through the stream (alerts tail)', async () => {
    await post('/alert-rules', { name: 'tail', when: 'hotspot >= watch', scope: { countries: ['BGD'] } });
    await store.exec(sql`UPDATE alert_rules SET evaluated_through = DATE '2017-01-01' WHERE name = 'tail'`);
    const io = captureContext();
    const tail = main(['alerts', 'tail', '--url', base.replace('/api/v1', ''), '--count', '1'], io.ctx);
    await expect.poll(() => io.stderr()).toContain('following');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const checked = (await (await post('/alert-rules/check', {})).json()) as { alerts: AlertPacket[] };
    expect(checked.alerts.length).toBeGreaterThan(0);
    expect(await tail).toBe(0);
    expect(checked.alerts.some((a) => io.stdout().includes(a.title))).toBe(true);
    expect(io.stdout()).toContain('http://dash.test/?page=country&country=BGD');
  });

  it('replays a rule over a past range without storing anything', async () => {
    const before = (await listAlerts(store, { limit: 500 })).length;
    const r = await fetch(`${base}/alert-rules/rakhine/replay?from=2017-08-01&to=2017-09-30`);
    const body = (await r.json()) as { alerts: AlertPacket[] };
    expect(body.alerts.some((a) => a.day === '2017-08-25')).toBe(true);
    expect((await listAlerts(store, { limit: 500 })).length).toBe(before);
    expect((await fetch(`${base}/alert-rules/rakhine/replay?from=2017-09-30&to=2017-08-01`)).status).toBe(
      400,
    );
  });
});
