import { addDays, type AlertPacket, type AlertRuleSpec } from '@peacebell/model';
import { latestDay } from '../analytics/countries.ts';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { raise, type EpisodeState } from './episodes.ts';
import { firingsFor } from './firings/index.ts';
import { buildPacket } from './packet.ts';
import { isMuted, listRules, type StoredRule } from './rules.ts';

export interface EngineOptions {
  /** The dashboard's address, for the links in packets. */
  baseUrl: string;
  clock: () => Date;
}

/** Late reports can make a recent day fire after it was checked: the live check looks this far back. */
export const RECHECK_DAYS = 7;

/** What a rule would have raised over a past range, from a clean slate; stores and sends nothing. */
export async function replay(
  store: Store,
  rule: { id: number; spec: AlertRuleSpec },
  from: string,
  to: string,
  options: EngineOptions,
): Promise<AlertPacket[]> {
  const firings = await firingsFor(store, rule.spec, from, to);
  const raised = raise(firings, new Map(), rule.spec.cooldown_days);
  const now = options.clock();
  const packets: AlertPacket[] = [];
  for (const r of raised)
    packets.push(
      await buildPacket(store, { ruleId: rule.id, spec: rule.spec, baseUrl: options.baseUrl, now }, r),
    );
  return packets;
}

async function episodes(store: Store, ruleId: number): Promise<Map<string, EpisodeState>> {
  const rows =
    await store.query<EpisodeState>(sql`SELECT subject, ${store.dialect.formatDate(sql`started`, 'day')} AS started,
    ${store.dialect.formatDate(sql`last_day`, 'day')} AS last_day, severity FROM alert_episodes WHERE rule_id = ${ruleId}`);
  return new Map(rows.map((r) => [r.subject, r]));
}

/** Channels an alert goes to: the rule's webhook and e-mail addresses. */
function targets(spec: AlertRuleSpec): { channel: 'webhook' | 'email'; target: string }[] {
  return [
    ...(spec.webhook ? [{ channel: 'webhook' as const, target: spec.webhook }] : []),
    ...spec.email.map((target) => ({ channel: 'email' as const, target })),
  ];
}

/** Stores one rule's new alerts, its episodes and the deliveries to make, in one transaction. */
async function commit(
  store: Store,
  rule: StoredRule,
  packets: readonly AlertPacket[],
  state: Map<string, EpisodeState>,
  through: string,
  now: Date,
): Promise<AlertPacket[]> {
  return store.transaction(async (tx) => {
    const fresh: AlertPacket[] = [];
    const muted = isMuted(rule, now);
    for (const p of packets) {
      const [seen] = await tx.query(sql`SELECT 1 FROM alerts WHERE alert_id = ${p.id}`);
      if (seen) continue;
      const subject = p.where.partner ? `${p.where.country}>${p.where.partner}` : p.where.country;
      await tx.exec(sql`INSERT INTO alerts (seq, alert_id, rule_id, subject, day, severity, title, muted, packet, raised_at)
        VALUES (nextval('alert_seq'), ${p.id}, ${rule.id}, ${subject}, CAST(${p.day} AS DATE), ${p.severity}, ${p.title},
          ${muted}, ${JSON.stringify(p)}, CAST(${now} AS TIMESTAMP))`);
      for (const t of targets(rule.spec)) {
        await tx.exec(sql`INSERT INTO alert_deliveries (alert_id, channel, target, state, attempts, next_attempt_at)
          VALUES (${p.id}, ${t.channel}, ${t.target}, ${muted ? 'muted' : 'pending'}, 0, CAST(${now} AS TIMESTAMP))`);
      }
      fresh.push(p);
    }
    await tx.exec(sql`DELETE FROM alert_episodes WHERE rule_id = ${rule.id}`);
    for (const e of state.values()) {
      await tx.exec(sql`INSERT INTO alert_episodes VALUES (${rule.id}, ${e.subject}, CAST(${e.started} AS DATE),
        CAST(${e.last_day} AS DATE), ${e.severity})`);
    }
    await tx.exec(
      sql`UPDATE alert_rules SET evaluated_through = CAST(${through} AS DATE) WHERE rule_id = ${rule.id}`,
    );
    return fresh;
  });
}

/**
 * The live check, after every import: each enabled rule from where it last looked (less
 * RECHECK_DAYS) to the store's last day. A new rule starts at the last day: it rings for what is
 * happening now, not for history (that is `replay`). Returns the alerts raised for the first time.
 */
export async function checkRules(
  store: Store,
  options: EngineOptions,
  only?: string,
): Promise<AlertPacket[]> {
  const latest = await latestDay(store);
  if (!latest) return [];
  const raisedNow: AlertPacket[] = [];
  const failed: string[] = [];
  for (const rule of await listRules(store)) {
    if (!rule.spec.enabled || (only !== undefined && rule.spec.name !== only)) continue;
    // One rule that fails (its query, its evidence) must not keep the others from ringing.
    try {
      raisedNow.push(...(await checkRule(store, rule, latest, options)));
    } catch (error) {
      failed.push(`${rule.spec.name}: ${(error as Error).message}`);
    }
  }
  if (failed.length > 0) throw new Error(`alert rules failed (${failed.join('; ')})`);
  return raisedNow;
}

async function checkRule(
  store: Store,
  rule: StoredRule,
  latest: string,
  options: EngineOptions,
): Promise<AlertPacket[]> {
  const from = addDays(
    rule.evaluated_through && rule.evaluated_through < latest ? rule.evaluated_through : latest,
    -RECHECK_DAYS,
  );
  const firings = await firingsFor(store, rule.spec, from, latest);
  const state = await episodes(store, rule.id);
  const now = options.clock();
  const packets: AlertPacket[] = [];
  for (const r of raise(firings, state, rule.spec.cooldown_days)) {
    // A new rule learns the episodes already running but rings only for the last day.
    if (!rule.evaluated_through && r.firing.day < latest) continue;
    packets.push(
      await buildPacket(store, { ruleId: rule.id, spec: rule.spec, baseUrl: options.baseUrl, now }, r),
    );
  }
  return commit(store, rule, packets, state, latest, now);
}
