import { AlertRuleInput } from '@peacebell/model';
import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { sendMail, type SmtpSettings } from './smtp.ts';
import { postWebhook, type SendResult } from './webhook.ts';

export interface DeliveryPolicy {
  /** Attempts before a delivery goes to the dead-letter list. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long one attempt may take. */
  timeoutMs: number;
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  timeoutMs: 10_000,
};

export const backoffMs = (failures: number, p: DeliveryPolicy): number =>
  Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** Math.max(0, failures - 1));

export interface DelivererOptions {
  clock: () => Date;
  policy?: Partial<DeliveryPolicy>;
  smtp?: SmtpSettings;
  log?: (line: string) => void;
}

interface Due {
  alert_id: string;
  channel: 'webhook' | 'email';
  target: string;
  attempts: number;
  packet: string;
  title: string;
  spec: string | null;
}

/**
 * Sends what is due, oldest alert first, and records every attempt. State lives in the store, so a
 * restart resumes where it stopped: an attempt cut short by a crash is made again (receivers see
 * the same `peacebell-alert-id` and can ignore a repeat); nothing is marked sent before a 2xx.
 */
export class Deliverer {
  private readonly policy: DeliveryPolicy;
  private running: Promise<number> | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: DelivererOptions,
  ) {
    this.policy = { ...DEFAULT_POLICY, ...options.policy };
  }

  /** One pass over the due deliveries; concurrent calls share the pass in progress. */
  runDue(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<number> {
    const now = this.options.clock();
    const due = await this.store.query<Due>(sql`
      SELECT d.alert_id AS alert_id, d.channel, d.target, d.attempts, a.packet, a.title, r.spec
      FROM alert_deliveries d JOIN alerts a ON a.alert_id = d.alert_id LEFT JOIN alert_rules r ON r.rule_id = a.rule_id
      WHERE d.state = 'pending' AND d.next_attempt_at <= CAST(${now} AS TIMESTAMP)
      ORDER BY a.seq, d.channel, d.target LIMIT 200`);
    for (const d of due) await this.attempt(d);
    return due.length;
  }

  private async send(d: Due, attempt: number, at: Date): Promise<SendResult> {
    if (d.spec === null) return { ok: false, status: null, error: 'the rule was deleted' };
    const spec = AlertRuleInput.parse(JSON.parse(d.spec));
    if (d.channel === 'webhook') {
      if (!spec.webhook_secret) return { ok: false, status: null, error: 'the rule has no webhook secret' };
      return postWebhook(
        d.target,
        d.packet,
        spec.webhook_secret,
        d.alert_id,
        attempt,
        at,
        this.policy.timeoutMs,
      );
    }
    if (!this.options.smtp)
      return { ok: false, status: null, error: 'no SMTP server is configured (smtpUrl)' };
    return sendMail(this.options.smtp, d.target, d.title, d.packet, this.policy.timeoutMs, at);
  }

  private async attempt(d: Due): Promise<void> {
    const attempt = d.attempts + 1;
    const started = this.options.clock();
    const t0 = performance.now();
    const result = await this.send(d, attempt, started);
    const ms = performance.now() - t0;
    const done = this.options.clock();
    const dead = !result.ok && attempt >= this.policy.maxAttempts;
    const state = result.ok ? 'delivered' : dead ? 'dead' : 'pending';
    const next = result.ok || dead ? null : new Date(done.getTime() + backoffMs(attempt, this.policy));
    await this.store.transaction(async (tx) => {
      await tx.exec(sql`INSERT INTO alert_attempts VALUES (${d.alert_id}, ${d.channel}, ${d.target}, ${attempt},
        CAST(${started} AS TIMESTAMP), ${result.status}, ${result.error}, ${ms})`);
      await tx.exec(sql`UPDATE alert_deliveries SET state = ${state}, attempts = ${attempt},
          next_attempt_at = CAST(${next} AS TIMESTAMP), last_error = ${result.error},
          delivered_at = CAST(${result.ok ? done : null} AS TIMESTAMP)
        WHERE alert_id = ${d.alert_id} AND channel = ${d.channel} AND target = ${d.target}`);
    });
    this.options.log?.(
      `alert ${d.alert_id} → ${d.channel} ${d.target}: ${result.ok ? 'delivered' : `${result.error}${dead ? ' (dead letter)' : ''}`}`,
    );
  }
}
