import { addDays, type AlertPacket, type AlertRuleSpec } from '@peacebell/model';
import { latestDay } from '../analytics/countries.ts';
import { list, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { loadEpisodes, saveEpisodes, type EpisodeSnapshot } from './episode-store.ts';
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

/** Channels an alert goes to: the rule's webhook and e-mail addresses. */
function targets(spec: AlertRuleSpec): { channel: 'webhook' | 'email'; target: string }[] {
  return [
    ...(spec.webhook ? [{ channel: 'webhook' as const, target: spec.webhook }] : []),
    ...spec.email.map((target) => ({ channel: 'email' as const, target })),
  ];
}

/**
 * Stores one rule's new alerts, the deliveries to make, its episodes and progress, in one
 * transaction. On ClickHouse the writes are made one by one (docs/clickhouse.md), so they come in
 * an order whose every prefix the next check completes: an alert's deliveries before the alert
 * (they are read only through it, and a cut commit's are removed first), the alerts before the
 * episodes that say they rang (episode-store.ts). A check after a cut commit raises the same
 * alerts (same ids), finds them stored, and goes on.
 */
async function commit(
  store: Store,
  rule: StoredRule,
  packets: readonly AlertPacket[],
  state: Map<string, EpisodeState>,
  before: EpisodeSnapshot,
  through: string,
  now: Date,
): Promise<AlertPacket[]> {
  return store.transaction(async (tx) => {
    const ids = packets.map((p) => p.id);
    const seen = new Set(
      ids.length === 0
        ? []
        : (
            await tx.query<{ alert_id: string }>(
              sql`SELECT alert_id FROM alerts WHERE alert_id IN (${list(ids)})`,
            )
          ).map((r) => r.alert_id),
    );
    const fresh = packets.filter((p) => !seen.has(p.id));
    const muted = isMuted(rule, now);
    if (fresh.length > 0) {
      const freshIds = list(fresh.map((p) => p.id));
      await tx.exec(sql`DELETE FROM alert_deliveries WHERE alert_id IN (${freshIds})`);
      const seqs = await tx.query<{ id: number }>(
        tx.dialect.nextIds('alert_seq', sql`SELECT max(seq) FROM alerts`, fresh.length),
      );
      for (const p of fresh)
        for (const t of targets(rule.spec)) {
          await tx.exec(sql`INSERT INTO alert_deliveries (alert_id, channel, target, state, attempts, next_attempt_at)
            VALUES (${p.id}, ${t.channel}, ${t.target}, ${muted ? 'muted' : 'pending'}, 0, CAST(${now} AS TIMESTAMP))`);
        }
      for (const [i, p] of fresh.entries()) {
        const subject = p.where.partner ? `${p.where.country}>${p.where.partner}` : p.where.country;
        await tx.exec(sql`INSERT INTO alerts (seq, alert_id, rule_id, subject, day, severity, title, muted, packet, raised_at)
          VALUES (${Number(seqs[i]?.id)}, ${p.id}, ${rule.id}, ${subject}, CAST(${p.day} AS DATE), ${p.severity}, ${p.title},
            ${muted}, ${JSON.stringify(p)}, CAST(${now} AS TIMESTAMP))`);
      }
    }
    await saveEpisodes(tx, rule.id, state, before, through);
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
  const { state, before } = await loadEpisodes(store, rule.id);
  const now = options.clock();
  const packets: AlertPacket[] = [];
  for (const r of raise(firings, state, rule.spec.cooldown_days)) {
    // A new rule learns the episodes already running but rings only for the last day.
    if (!rule.evaluated_through && r.firing.day < latest) continue;
    packets.push(
      await buildPacket(store, { ruleId: rule.id, spec: rule.spec, baseUrl: options.baseUrl, now }, r),
    );
  }
  return commit(store, rule, packets, state, before, latest, now);
}
