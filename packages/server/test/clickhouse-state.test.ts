import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../test/shared-data.ts';
import { listDeliveries, retryDead } from '../src/alerts/deliveries.ts';
import { Deliverer } from '../src/alerts/delivery/deliverer.ts';
import { checkRules } from '../src/alerts/engine.ts';
import { acknowledge, listAlerts, unacknowledgedCount } from '../src/alerts/records.ts';
import { deleteRule, listRules, muteRule, publicRule, saveRule } from '../src/alerts/rules.ts';
import { listRuns, runHotspots, saveRun } from '../src/analytics/hotspots/runs.ts';
import { scanHotspots } from '../src/analytics/hotspots/scan.ts';
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from '../src/api/keys.ts';
import { importInto } from '../src/cli/staged-import.ts';
import { list, sql, type Sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { pairedStores } from './fixtures/paired-stores.ts';
import { webhookReceiver } from './fixtures/webhook-receiver.ts';

type Receiver = Awaited<ReturnType<typeof webhookReceiver>>;
import { CLOCK, tempDir } from './helpers.ts';

/**
 * The state peacebell writes in place (the bell's rules, episodes, alerts and deliveries, API
 * keys, saved hotspot runs) on ClickHouse: the same steps on a DuckDB and a ClickHouse store
 * (chdb behind the loopback endpoint) over the same real file give the same answers, and a check
 * cut after any of its writes leaves a state the next check completes into the uncut one.
 */
const dir = tempDir('peacebell-chstate-');
const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
const WATCHING_SINCE = '2017-08-20';

const stores = pairedStores(dir, (store) =>
  importInto(store, dataFile('ucdp/ged191-myanmar-bangladesh.csv'), { clock: CLOCK }),
);

const watchSince = (store: Store, rule: string) =>
  store.exec(
    sql`UPDATE alert_rules SET evaluated_through = CAST(${WATCHING_SINCE} AS DATE) WHERE name = ${rule}`,
  );

/** What the store holds for one rule, in a form both engines give alike. */
async function bellState(store: Store, rule: string) {
  const d = store.dialect;
  const of = sql`(SELECT rule_id FROM alert_rules WHERE name = ${rule})`;
  return {
    alerts:
      await store.query(sql`SELECT CAST(seq AS INTEGER) AS seq, alert_id, subject, severity, muted FROM alerts
      WHERE rule_id IN ${of} ORDER BY seq`),
    deliveries: await store.query(sql`SELECT alert_id, channel, target, state, attempts FROM alert_deliveries
      ORDER BY alert_id, channel, target`),
    episodes: await store.query(sql`SELECT subject, ${d.formatDate(sql`started`, 'day')} AS started,
      ${d.formatDate(sql`last_day`, 'day')} AS last_day, severity FROM alert_episodes WHERE rule_id IN ${of}
      ORDER BY subject`),
    rule: await store.query(sql`SELECT rule_id, ${d.formatDate(sql`evaluated_through`, 'day')} AS through
      FROM alert_rules WHERE name = ${rule}`),
  };
}

/**
 * Forgets what checks of a rule wrote, as if it had only been watching since WATCHING_SINCE. The
 * rows are named by value: a lightweight DELETE through nested subqueries never returned on chdb.
 */
async function resetRule(store: Store, rule: string) {
  const [found] = await store.query<{ rule_id: number }>(
    sql`SELECT rule_id FROM alert_rules WHERE name = ${rule}`,
  );
  const id = found?.rule_id ?? -1;
  const ids = async (query: Sql) => (await store.query<{ alert_id: string }>(query)).map((r) => r.alert_id);
  const ours = await ids(sql`SELECT alert_id FROM alerts WHERE rule_id = ${id}`);
  const all = await ids(sql`SELECT alert_id FROM alerts`);
  // The rule's deliveries, and those a cut check left without their alert.
  const gone = (await ids(sql`SELECT DISTINCT alert_id FROM alert_deliveries`)).filter(
    (a) => ours.includes(a) || !all.includes(a),
  );
  if (gone.length > 0) await store.exec(sql`DELETE FROM alert_deliveries WHERE alert_id IN (${list(gone)})`);
  await store.exec(sql`DELETE FROM alerts WHERE rule_id = ${id}`);
  await store.exec(sql`DELETE FROM alert_episodes WHERE rule_id = ${id}`);
  await watchSince(store, rule);
}

/** Makes the store's writes fail after `allowed` of them, as a process killed there would. */
function cutAfter(store: Store, allowed: number): { writes: () => number; restore: () => void } {
  const exec = store.exec.bind(store);
  let writes = 0;
  store.exec = async (query) => {
    if (writes >= allowed) throw new Error('killed');
    writes++;
    await exec(query);
  };
  return { writes: () => writes, restore: () => void (store.exec = exec) };
}

describe.runIf(hasData)('state written in place, on ClickHouse as on DuckDB', () => {
  const options = { baseUrl: 'http://dash.test', clock: CLOCK };
  const rule = {
    name: 'cut',
    when: 'hotspot >= watch',
    scope: { countries: ['MMR', 'BGD'] },
    webhook: 'http://127.0.0.1:9/hook',
    webhook_secret: SECRET,
  };

  /** The same steps on a store: rules, checks, deliveries with retries, ack, mute, keys, runs. */
  async function steps(store: Store, receiver: Receiver, setNow: (at: Date) => void) {
    let now = CLOCK();
    const clock = () => now;
    setNow(now);
    const seen: Record<string, unknown> = {};
    receiver.received.length = 0;
    await saveRule(store, { ...rule, name: 'rakhine', webhook: receiver.url }, now);
    await saveRule(store, { name: 'bgd', when: 'hotspot >= warning', scope: { countries: ['BGD'] } }, now);
    for (const name of ['rakhine', 'bgd']) await watchSince(store, name);
    seen.raised = (await checkRules(store, { ...options, clock }, 'rakhine')).map((p) => p.id);
    seen.others = (await checkRules(store, { ...options, clock })).map((p) => p.id);
    seen.again = await checkRules(store, { ...options, clock });

    receiver.script('fail', 'fail');
    const deliverer = new Deliverer(store, { clock, policy: { baseDelayMs: 60_000, maxAttempts: 2 } });
    await deliverer.runDue();
    now = new Date(now.getTime() + 61_000);
    setNow(now);
    receiver.script('fail');
    await deliverer.runDue();
    seen.dead = await listDeliveries(store, 'dead', 100);
    seen.retried = await retryDead(store, now);
    await deliverer.runDue();
    seen.deliveries = await listDeliveries(store, undefined, 100);
    seen.received = receiver.received.map(({ alertId, attempt, signed, body, outcome }) => ({
      alertId,
      attempt,
      signed,
      body,
      outcome,
    }));
    const d = store.dialect;
    seen.attempts = await store.query(sql`SELECT alert_id, channel, target, attempt,
          ${d.formatDate(sql`attempted_at`, 'time')} AS attempted_at, status, error
        FROM alert_attempts ORDER BY alert_id, attempted_at, attempt`);

    const [first] = await listAlerts(store, { limit: 1 });
    seen.acked = [
      await acknowledge(store, [first?.id ?? ''], now),
      await acknowledge(store, [first?.id ?? ''], new Date(now.getTime() + 5_000)),
    ];
    seen.unacknowledged = await unacknowledgedCount(store);
    await muteRule(store, 'rakhine', new Date('2026-12-01T00:00:00Z'));
    await saveRule(
      store,
      { name: 'bgd', when: 'hotspot >= alert', scope: { countries: ['BGD'] } },
      now,
      true,
    );
    seen.rules = (await listRules(store)).map(publicRule);

    const key = await createApiKey(store, 'analyst', now);
    seen.key = [
      await createApiKey(store, 'analyst', now),
      await verifyApiKey(store, key ?? ''),
      await revokeApiKey(store, 'analyst', now),
      await revokeApiKey(store, 'analyst', now),
      await verifyApiKey(store, key ?? ''),
    ];
    seen.keys = await listApiKeys(store);

    const request = { unit: 'country' as const, from: '2017-08-01', to: '2017-09-30', regions: true };
    const runId = await saveRun(store, request, await scanHotspots(store, request), now);
    seen.runs = await listRuns(store);
    seen.hotspots = await runHotspots(store, runId);

    await deleteRule(store, 'rakhine');
    seen.afterDelete = [
      (await listRules(store)).map((r) => r.spec.name),
      await listAlerts(store, { limit: 100 }),
    ];
    return seen;
  }

  it('gives the same answers: rules, alerts, deliveries with retries and dead letters, ack, mute, keys, runs', async () => {
    const { duck, ch } = stores;
    let now = CLOCK();
    const receiver = await webhookReceiver(
      () => SECRET,
      () => now,
    );
    const setNow = (at: Date) => void (now = at);
    const [onDuck, onCh] = await (async () => {
      try {
        return [await steps(duck, receiver, setNow), await steps(ch, receiver, setNow)];
      } finally {
        await receiver.close();
      }
    })();
    expect((onDuck.raised as string[]).length).toBeGreaterThan(2);
    expect(onDuck.again).toEqual([]);
    expect((onDuck.dead as unknown[]).length).toBe(1);
    expect(onDuck.acked).toEqual([1, 0]);
    expect(onDuck.key).toEqual([undefined, 'analyst', true, false, undefined]);
    expect((onDuck.hotspots as unknown[]).length).toBeGreaterThan(0);
    expect(onCh).toEqual(onDuck);
  }, 300_000);

  it('a live check cut after any of its writes is completed by the next, as if uncut', async () => {
    const { duck, ch } = stores;
    for (const store of [duck, ch]) {
      await saveRule(store, rule, CLOCK());
      await watchSince(store, 'cut');
    }
    await checkRules(duck, options, 'cut');
    const expected = await bellState(duck, 'cut');
    expect(expected.alerts.length).toBeGreaterThan(2);

    const counting = cutAfter(ch, Number.MAX_SAFE_INTEGER);
    await checkRules(ch, options, 'cut');
    counting.restore();
    expect(await bellState(ch, 'cut')).toEqual(expected);
    const total = counting.writes();

    // One DELETE, a delivery then an alert per alert, the rule's row, the episodes, the release.
    const n = expected.alerts.length;
    expect(total).toBeGreaterThan(2 * n + 3);
    const cuts = [1, 1 + n, 1 + 2 * n, 2 + 2 * n, total - 1];
    for (const allowed of cuts) {
      await resetRule(ch, 'cut');
      const cut = cutAfter(ch, allowed);
      await expect(checkRules(ch, options, 'cut')).rejects.toThrow(/killed/);
      cut.restore();
      await checkRules(ch, options, 'cut');
      expect(await bellState(ch, 'cut'), `cut after ${allowed} of ${total} writes`).toEqual(expected);
      expect(await checkRules(ch, options, 'cut')).toEqual([]);
    }
  }, 300_000);
});
