import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AlertPacket } from '@peacebell/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile } from '../../../test/shared-data.ts';
import { listDeliveries, retryDead } from '../src/alerts/deliveries.ts';
import { Deliverer } from '../src/alerts/delivery/deliverer.ts';
import { sendMail } from '../src/alerts/delivery/smtp.ts';
import { checkRules } from '../src/alerts/engine.ts';
import { getRule, saveRule } from '../src/alerts/rules.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';
import { sql } from '../src/store/sql.ts';
import type { Store } from '../src/store/store.ts';
import { webhookReceiver } from './fixtures/webhook-receiver.ts';
import { CLOCK, freshStore, tempDir } from './helpers.ts';

const UCDP = 'ucdp/ged191-myanmar-bangladesh.csv';
const BIN = join(import.meta.dirname, '..', 'bin', 'peacebell.js');

/** A store with real data and a rule that has been watching Myanmar since 2017-08-20. */
async function storeWithRule(dir: string, name: string, webhook: string, extra: object = {}): Promise<Store> {
  const store = await freshStore(dir);
  await importFile(store, dataFile(UCDP), { clock: CLOCK });
  await saveRule(
    store,
    { name, when: 'hotspot >= warning', scope: { countries: ['MMR'] }, webhook, ...extra },
    CLOCK(),
  );
  await store.exec(sql`UPDATE alert_rules SET evaluated_through = DATE '2017-08-20' WHERE name = ${name}`);
  return store;
}

const secretOf = async (store: Store, name: string) =>
  (await getRule(store, name))?.spec.webhook_secret ?? '';

describe('webhook delivery', () => {
  const dir = tempDir();
  let now = CLOCK();
  const clock = () => now;

  it('gets every alert once, signed, through failures and timeouts', async () => {
    let secret = '';
    const receiver = await webhookReceiver(() => secret, clock);
    const store = await storeWithRule(dir, 'flaky', receiver.url, {
      when: 'hotspot >= watch',
      scope: { countries: ['MMR', 'BGD'] },
    });
    try {
      secret = await secretOf(store, 'flaky');
      const raised = await checkRules(store, { baseUrl: 'http://dash.test', clock });
      expect(raised.length).toBeGreaterThanOrEqual(2);
      receiver.script('fail', 'stall');
      const deliverer = new Deliverer(store, {
        clock,
        policy: { baseDelayMs: 60_000, timeoutMs: 300, maxAttempts: 5 },
      });
      for (let pass = 0; pass < 5; pass++) {
        await deliverer.runDue();
        now = new Date(now.getTime() + 3_600_000);
      }
      const ids = raised.map((p) => p.id).sort();
      expect([...receiver.accepted()].sort()).toEqual(ids);
      expect(receiver.received.every((r) => r.signed)).toBe(true);
      expect(receiver.received.map((r) => r.outcome).slice(0, 2)).toEqual(['fail', 'stall']);
      for (const r of receiver.received) expect(AlertPacket.parse(JSON.parse(r.body)).id).toBe(r.alertId);
      const deliveries = await listDeliveries(store, undefined, 100);
      expect(deliveries.every((d) => d.state === 'delivered')).toBe(true);
      const [attempts] = await store.query<{ n: number; errors: number }>(
        sql`SELECT count(*)::INTEGER AS n, count(error)::INTEGER AS errors FROM alert_attempts`,
      );
      expect(attempts).toEqual({ n: receiver.received.length, errors: 2 });
      const timedOut = await store.query<{ error: string }>(
        sql`SELECT error FROM alert_attempts WHERE error LIKE 'no answer%'`,
      );
      expect(timedOut).toEqual([{ error: 'no answer in 300 ms' }]);
    } finally {
      await receiver.close();
      await store.close();
    }
  });

  it('puts what never gets through on the dead-letter list, and retries it on request', async () => {
    let secret = '';
    const receiver = await webhookReceiver(() => secret, clock);
    receiver.otherwise('fail');
    const store = await storeWithRule(dir, 'dead', receiver.url);
    try {
      secret = await secretOf(store, 'dead');
      const raised = await checkRules(store, { baseUrl: 'http://dash.test', clock });
      const deliverer = new Deliverer(store, { clock, policy: { baseDelayMs: 1000, maxAttempts: 2 } });
      await deliverer.runDue();
      await deliverer.runDue(); // not due yet: the backoff holds
      expect(receiver.received.length).toBe(raised.length);
      now = new Date(now.getTime() + 1000);
      await deliverer.runDue();
      const dead = await listDeliveries(store, 'dead', 100);
      expect(dead.map((d) => [d.alert_id, d.attempts, d.last_error])).toEqual(
        expect.arrayContaining(raised.map((p) => [p.id, 2, 'HTTP 500'])),
      );
      receiver.otherwise('ok');
      expect(await retryDead(store, now)).toBe(raised.length);
      await deliverer.runDue();
      expect([...receiver.accepted()].sort()).toEqual(raised.map((p) => p.id).sort());
    } finally {
      await receiver.close();
      await store.close();
    }
  });

  it('neither loses nor repeats an alert when the process dies mid-delivery', async () => {
    let secret = '';
    const receiver = await webhookReceiver(
      () => secret,
      () => new Date(),
    );
    const store = await storeWithRule(dir, 'crash', receiver.url);
    secret = await secretOf(store, 'crash');
    const db = store.location;
    await store.close();
    const run = () => {
      const child = spawn(process.execPath, [BIN, 'alerts', 'check', '--db', db, '--format', 'json'], {
        env: { ...process.env, PEACEBELL_LOG: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      return { child, exited };
    };
    try {
      receiver.script('stall');
      const first = run();
      const hung = await receiver.nextRequest();
      first.child.kill('SIGKILL');
      await first.exited;
      const second = run();
      expect(await second.exited).toBe(0);
      const after = await openDuckDbStore(db);
      try {
        const alerts = await after.query<{ alert_id: string }>(
          sql`SELECT alert_id FROM alerts ORDER BY alert_id`,
        );
        const ids = alerts.map((a) => a.alert_id);
        expect(ids).toContain(hung.alertId);
        // Each alert accepted once; the one cut short was sent again with the same id.
        expect([...receiver.accepted()].sort()).toEqual(ids);
        expect(receiver.received.filter((r) => r.alertId === hung.alertId).map((r) => r.outcome)).toEqual([
          'stall',
          'ok',
        ]);
        expect(receiver.received.every((r) => r.signed)).toBe(true);
        expect((await listDeliveries(after, undefined, 100)).every((d) => d.state === 'delivered')).toBe(
          true,
        );
      } finally {
        await after.close();
      }
    } finally {
      await receiver.close();
    }
  }, 60_000);
});

describe('e-mail', () => {
  const messages: string[] = [];
  let port = 0;
  const server = createServer((socket: Socket) => {
    let data = false;
    let message = '';
    socket.setEncoding('utf8');
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      for (const line of chunk.split('\r\n').filter((l, i, all) => i < all.length - 1 || l)) {
        if (data) {
          if (line === '.') {
            data = false;
            messages.push(message);
            socket.write('250 queued\r\n');
          } else message += `${line}\n`;
        } else if (/^EHLO/.test(line)) socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (/^(MAIL|RCPT)/.test(line)) socket.write('250 ok\r\n');
        else if (line === 'DATA') {
          data = true;
          socket.write('354 go\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 no\r\n');
      }
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the packet for people and as JSON through SMTP', async () => {
    const dir = tempDir();
    const store = await storeWithRule(dir, 'mail', 'http://127.0.0.1:9/unused');
    try {
      await saveRule(
        store,
        {
          name: 'mail',
          when: 'hotspot >= warning',
          scope: { countries: ['MMR'] },
          email: ['desk@example.org'],
        },
        CLOCK(),
        true,
      );
      const raised = await checkRules(store, { baseUrl: 'http://dash.test', clock: CLOCK });
      const smtp = { url: `smtp://127.0.0.1:${port}`, from: 'bell@example.org' };
      await new Deliverer(store, { clock: CLOCK, smtp }).runDue();
      expect(messages.length).toBe(raised.length);
      const first = messages[0] ?? '';
      expect(first).toContain('To: desk@example.org');
      expect(first).toMatch(/^Subject: \[peacebell\] Myanmar/m);
      expect(first).toContain(raised[0]?.link ?? '?');
      const json = first.slice(first.indexOf('{"schema"')).trim();
      expect(AlertPacket.parse(JSON.parse(json)).id).toBe(raised[0]?.id);
      const refused = await sendMail(
        { url: 'smtp://127.0.0.1:9', from: 'a@b.c' },
        'x@y.z',
        's',
        JSON.stringify(raised[0]),
        500,
      );
      expect(refused.ok).toBe(false);
    } finally {
      await store.close();
    }
  });
});
