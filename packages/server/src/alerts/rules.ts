import { AlertRuleInput, ruleProblems, type AlertRule, type AlertRuleSpec } from '@peacebell/model';
import { HttpError, ParamError } from '../errors.ts';
import { sql } from '../store/sql.ts';
import type { Dialect, Store } from '../store/store.ts';
import { newWebhookSecret } from './delivery/sign.ts';

/** A rule as stored: its spec (secret included) and its state. */
export interface StoredRule {
  id: number;
  spec: AlertRuleSpec;
  muted_until: string | null;
  evaluated_through: string | null;
  created_at: string;
  updated_at: string;
}

interface RuleRow {
  rule_id: number;
  spec: string;
  muted_until: string | null;
  evaluated_through: string | null;
  created_at: string;
  updated_at: string;
}

const columns = (d: Dialect) => sql`rule_id, spec, ${d.formatDate(sql`muted_until`, 'time')} AS muted_until,
  ${d.formatDate(sql`evaluated_through`, 'day')} AS evaluated_through,
  ${d.formatDate(sql`created_at`, 'time')} AS created_at, ${d.formatDate(sql`updated_at`, 'time')} AS updated_at`;

const fromRow = (r: RuleRow): StoredRule => ({
  id: r.rule_id,
  spec: AlertRuleInput.parse(JSON.parse(r.spec)),
  muted_until: r.muted_until,
  evaluated_through: r.evaluated_through,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

/** Parses and checks a rule; the first problem is a ParamError naming the field. */
export function checkRule(input: unknown): AlertRuleSpec {
  const parsed = AlertRuleInput.safeParse(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new ParamError(issue?.path.join('.') || 'rule', issue?.message ?? 'invalid');
  }
  const [problem] = ruleProblems(parsed.data);
  if (problem) throw new ParamError(problem.field, problem.message);
  return parsed.data;
}

/**
 * Creates a rule, or replaces the one of the same name when `replace` (keeping its state). A
 * webhook without a secret gets one (kept from the replaced rule, else new), returned once here.
 */
export async function saveRule(
  store: Store,
  input: unknown,
  now: Date,
  replace = false,
): Promise<{ rule: StoredRule; newSecret: string | null }> {
  const checked = checkRule(input);
  const existing = await getRule(store, checked.name);
  if (existing && !replace)
    throw new HttpError(409, `rule ${checked.name} exists; replace it with PUT or --replace`);
  const kept = existing?.spec.webhook_secret;
  const newSecret = checked.webhook && !checked.webhook_secret && !kept ? newWebhookSecret() : null;
  const secret = checked.webhook_secret ?? kept ?? newSecret;
  const spec = checked.webhook && secret ? { ...checked, webhook_secret: secret } : checked;
  const json = JSON.stringify(spec);
  if (existing) {
    await store.exec(
      sql`UPDATE alert_rules SET spec = ${json}, updated_at = CAST(${now} AS TIMESTAMP) WHERE rule_id = ${existing.id}`,
    );
  } else {
    // Alerts keep the ids of deleted rules: a new rule never takes one.
    const highest = sql`SELECT max(rule_id) FROM (SELECT rule_id FROM alert_rules UNION ALL SELECT rule_id FROM alerts)`;
    const [next] = await store.query<{ id: number }>(store.dialect.nextIds('alert_rule_seq', highest, 1));
    await store.exec(sql`INSERT INTO alert_rules (rule_id, name, spec, created_at, updated_at)
      VALUES (${Number(next?.id)}, ${spec.name}, ${json}, CAST(${now} AS TIMESTAMP), CAST(${now} AS TIMESTAMP))`);
  }
  return { rule: await requireRule(store, spec.name), newSecret };
}

export async function getRule(store: Store, name: string): Promise<StoredRule | undefined> {
  const [row] = await store.query<RuleRow>(
    sql`SELECT ${columns(store.dialect)} FROM alert_rules WHERE name = ${name}`,
  );
  return row ? fromRow(row) : undefined;
}

export async function requireRule(store: Store, name: string): Promise<StoredRule> {
  const rule = await getRule(store, name);
  if (!rule) throw new HttpError(404, `no alert rule named ${name}`);
  return rule;
}

export async function listRules(store: Store): Promise<StoredRule[]> {
  return (
    await store.query<RuleRow>(sql`SELECT ${columns(store.dialect)} FROM alert_rules ORDER BY name`)
  ).map(fromRow);
}

/** Removes a rule and its episode state; its alerts stay (they happened). */
export async function deleteRule(store: Store, name: string): Promise<void> {
  const rule = await requireRule(store, name);
  await store.transaction(async (tx) => {
    await tx.exec(sql`DELETE FROM alert_episodes WHERE rule_id = ${rule.id}`);
    await tx.exec(sql`DELETE FROM alert_rules WHERE rule_id = ${rule.id}`);
  });
}

/** Mutes until a time (alerts are still recorded, not sent), or unmutes with null. */
export async function muteRule(store: Store, name: string, until: Date | null): Promise<StoredRule> {
  const rule = await requireRule(store, name);
  await store.exec(
    sql`UPDATE alert_rules SET muted_until = CAST(${until} AS TIMESTAMP) WHERE rule_id = ${rule.id}`,
  );
  return requireRule(store, name);
}

/** The public view of a rule: never the webhook secret. */
export function publicRule(rule: StoredRule): AlertRule {
  const { spec } = rule;
  return {
    id: rule.id,
    name: spec.name,
    when: spec.when,
    scope: spec.scope,
    webhook: spec.webhook ?? null,
    email: spec.email,
    cooldown_days: spec.cooldown_days,
    enabled: spec.enabled,
    muted_until: rule.muted_until,
    evaluated_through: rule.evaluated_through,
    created_at: rule.created_at,
    updated_at: rule.updated_at,
  };
}

export const isMuted = (rule: StoredRule, now: Date): boolean =>
  rule.muted_until !== null && new Date(rule.muted_until).getTime() > now.getTime();
