import { addDays, type AlertPacket } from '@peacebell/model';
import { listDeliveries, retryDead } from '../../alerts/deliveries.ts';
import { checkRules, replay } from '../../alerts/engine.ts';
import { acknowledge, listAlerts } from '../../alerts/records.ts';
import { deleteRule, listRules, muteRule, publicRule, requireRule, saveRule } from '../../alerts/rules.ts';
import { AlertService } from '../../alerts/service.ts';
import { lastDay } from '../../analytics/window.ts';
import { CliError, HttpError } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { Command, Parsed } from '../command.ts';
import { withStore, type Context } from '../context.ts';
import { outputFormat, writeRows, type OutputFormat } from '../output.ts';
import { loadSettings } from '../settings.ts';
import { parseDay } from '../values.ts';
import { tailAlerts } from './alerts-tail.ts';

const SUBCOMMANDS = [
  'add',
  'list',
  'show',
  'remove',
  'test',
  'run',
  'check',
  'history',
  'tail',
  'ack',
  'mute',
  'unmute',
  'deliveries',
  'retry',
];

const csv = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((x) => String(x).split(','))
    .map((s) => s.trim())
    .filter(Boolean);

/** `--for 2d`, `--for 12h` or `--until 2026-12-01T00:00:00Z`. */
function muteUntil(now: Date, forValue: string | undefined, until: string | undefined): Date {
  if (until !== undefined) {
    const d = new Date(until);
    if (Number.isNaN(d.getTime())) throw new CliError(`--until must be an ISO 8601 time, got ${until}`);
    return d;
  }
  const m = /^(\d+)(h|d|w)$/.exec(forValue ?? '');
  if (!m) throw new CliError('mute needs --for N(h|d|w), e.g. --for 2d, or --until TIME');
  const hours = Number(m[1]) * (m[2] === 'h' ? 1 : m[2] === 'd' ? 24 : 168);
  return new Date(now.getTime() + hours * 3_600_000);
}

function ruleInput(values: Parsed['values'], name: string | undefined): Record<string, unknown> {
  const str = (k: string) => values[k] as string | undefined;
  if (!name) throw new CliError('alerts add needs --name');
  if (!str('when')) throw new CliError('alerts add needs --when, e.g. --when "hotspot >= warning"');
  return {
    name,
    when: str('when'),
    scope: {
      countries: csv(values.countries),
      regions: csv(values.regions),
      adm1: (values.adm1 as string[] | undefined) ?? [],
      pairs: ((values.pair as string[] | undefined) ?? []).map((p) => p.replace(',', '-')),
      domains: csv(values.domains),
      sources: csv(values.sources),
    },
    ...(str('webhook') ? { webhook: str('webhook') } : {}),
    ...(str('webhook-secret') ? { webhook_secret: str('webhook-secret') } : {}),
    email: csv(values.email),
    ...(str('cooldown-days') ? { cooldown_days: Number(str('cooldown-days')) } : {}),
    enabled: values.disabled !== true,
  };
}

const PACKET_COLUMNS = ['day', 'rule', 'severity', 'escalation', 'confidence', 'title', 'summary', 'link'];
const packetRow = (p: AlertPacket) => ({ ...p, rule: p.rule.name });

async function writePackets(ctx: Context, format: OutputFormat, packets: AlertPacket[], empty: string) {
  if (format === 'json' || format === 'ndjson') {
    for (const p of packets) ctx.stdout.write(`${JSON.stringify(p, null, format === 'json' ? 2 : 0)}\n`);
    return;
  }
  await writeRows(ctx, format, PACKET_COLUMNS, [packets.map(packetRow)]);
  if (format === 'table' && packets.length === 0) ctx.stdout.write(`${empty}\n`);
}

function baseUrl(ctx: Context): string {
  const s = loadSettings(ctx, {});
  return s.publicUrl ?? `http://${s.host}:${s.port}`;
}

function service(ctx: Context, store: Store): AlertService {
  const s = loadSettings(ctx, {});
  return new AlertService(store, {
    baseUrl: baseUrl(ctx),
    clock: ctx.clock,
    ...(s.smtpUrl ? { smtp: { url: s.smtpUrl, from: s.smtpFrom } } : {}),
    log: (line) => ctx.stderr.write(`${line}\n`),
  });
}

async function run(
  ctx: Context,
  store: Store,
  sub: string,
  args: string[],
  values: Parsed['values'],
): Promise<number> {
  const str = (k: string) => values[k] as string | undefined;
  const format = outputFormat(ctx, str('format'));
  const now = ctx.clock();
  switch (sub) {
    case 'add': {
      const { rule, newSecret } = await saveRule(
        store,
        ruleInput(values, str('name') ?? args[0]),
        now,
        values.replace === true,
      );
      ctx.stdout.write(`${values.replace ? 'saved' : 'added'} rule ${rule.spec.name}: ${rule.spec.when}\n`);
      if (newSecret)
        ctx.stdout.write(
          `webhook secret (shown once; verify the peacebell-signature header with it): ${newSecret}\n`,
        );
      return 0;
    }
    case 'list': {
      const rules = (await listRules(store)).map(publicRule).map((r) => ({
        ...r,
        scope:
          Object.entries(r.scope)
            .flatMap(([k, v]) => (v.length ? [`${k}=${v.join(',')}`] : []))
            .join(' ') || 'everywhere',
      }));
      await writeRows(
        ctx,
        format,
        ['name', 'when', 'scope', 'webhook', 'enabled', 'muted_until', 'evaluated_through'],
        [rules],
      );
      if (format === 'table' && rules.length === 0)
        ctx.stdout.write('No rules. Add one: peacebell alerts add --name NAME --when "hotspot >= warning"\n');
      return 0;
    }
    case 'show':
      ctx.stdout.write(
        `${JSON.stringify(publicRule(await requireRule(store, need(args[0], 'show'))), null, 2)}\n`,
      );
      return 0;
    case 'remove':
      await deleteRule(store, need(args[0], 'remove'));
      ctx.stdout.write(`removed rule ${args[0]}\n`);
      return 0;
    case 'test': {
      const rule = await requireRule(store, need(args[0], 'test'));
      const day = parseDay(str('date'), '--date') ?? (await lastDay(store, ctx.clock));
      // A week of context so that the day's alert reads as it would live (episodes, escalations).
      const packets = (
        await replay(store, rule, addDays(day, -rule.spec.cooldown_days), day, {
          baseUrl: baseUrl(ctx),
          clock: ctx.clock,
        })
      ).filter((p) => p.day === day);
      await writePackets(ctx, format, packets, `${rule.spec.name} raises nothing on ${day} (UTC).`);
      return 0;
    }
    case 'run': {
      const from = parseDay(str('from'), '--from');
      const to = parseDay(str('to'), '--to');
      if (!from || !to) throw new CliError('alerts run needs --from and --to (UTC days)');
      if (from > to) throw new CliError('--from is after --to');
      const rules = args.length
        ? await Promise.all(args.map((n) => requireRule(store, n)))
        : await listRules(store);
      const packets: AlertPacket[] = [];
      for (const rule of rules)
        packets.push(...(await replay(store, rule, from, to, { baseUrl: baseUrl(ctx), clock: ctx.clock })));
      packets.sort((a, b) => a.day.localeCompare(b.day) || a.rule.name.localeCompare(b.rule.name));
      await writePackets(ctx, format, packets, `No alerts from ${from} to ${to}.`);
      return 0;
    }
    case 'check': {
      const s = service(ctx, store);
      const raised = await checkRules(store, s.options).finally(() => s.deliverer.runDue());
      await writePackets(ctx, format, raised, 'No new alerts.');
      return 0;
    }
    case 'history': {
      const alerts = await listAlerts(store, {
        ...(values.rule ? { rule: String(values.rule) } : {}),
        unacknowledged: values.unacknowledged === true,
        limit: Number(str('limit') ?? 50),
      });
      await writeRows(
        ctx,
        format,
        ['seq', 'id', 'day', 'rule', 'severity', 'title', 'muted', 'acknowledged_at', 'raised_at'],
        [alerts],
      );
      return 0;
    }
    case 'ack': {
      const ids = values.all
        ? (await listAlerts(store, { unacknowledged: true, limit: 100_000 })).map((a) => a.id)
        : args;
      if (ids.length === 0) throw new CliError('alerts ack needs alert ids (alerts history) or --all');
      ctx.stdout.write(`acknowledged ${await acknowledge(store, ids, now)} alert(s)\n`);
      return 0;
    }
    case 'mute':
    case 'unmute': {
      const until = sub === 'mute' ? muteUntil(now, str('for'), str('until')) : null;
      const rule = await muteRule(store, need(args[0], sub), until);
      ctx.stdout.write(
        until
          ? `muted ${rule.spec.name} until ${rule.muted_until} (alerts are recorded, not sent)\n`
          : `unmuted ${rule.spec.name}\n`,
      );
      return 0;
    }
    case 'deliveries': {
      const state = str('state') as 'pending' | 'delivered' | 'dead' | 'muted' | undefined;
      if (state && !['pending', 'delivered', 'dead', 'muted'].includes(state))
        throw new CliError('--state must be pending, delivered, dead or muted');
      await writeRows(
        ctx,
        format,
        [
          'alert_id',
          'rule',
          'channel',
          'target',
          'state',
          'attempts',
          'next_attempt_at',
          'last_error',
          'delivered_at',
        ],
        [await listDeliveries(store, state, Number(str('limit') ?? 100))],
      );
      return 0;
    }
    case 'retry': {
      const n = await retryDead(store, now, args[0]);
      await service(ctx, store).deliverer.runDue();
      ctx.stdout.write(`requeued ${n} dead letter(s)\n`);
      return 0;
    }
  }
  throw new CliError(`unknown alerts subcommand ${sub}; valid: ${SUBCOMMANDS.join(', ')}`);
}

const need = (value: string | undefined, sub: string): string => {
  if (!value) throw new CliError(`alerts ${sub} needs a rule name`);
  return value;
};

export const alertsCommand: Command = {
  name: 'alerts',
  summary: 'the bell: alert rules, replay over history, delivery to webhooks and e-mail, and `alerts tail`',
  usage: `peacebell alerts add --name NAME --when "hotspot >= warning" [--countries MLI,BFA] [--regions "Western Africa"] [--adm1 "MMR/Rakhine State"] [--pair CHN,KAZ] [--webhook URL] [--email ADDRESS]
  peacebell alerts list | show NAME | remove NAME | test NAME [--date DAY] | run --from DAY --to DAY [NAME...]
  peacebell alerts check | history [--rule NAME] [--unacknowledged] | tail [--url URL] | ack ID... | ack --all
  peacebell alerts mute NAME --for 2d | unmute NAME | deliveries [--state dead] | retry [ALERT_ID]
  --when: hotspot >= watch|warning|alert; hotspot phase new,intensifying; indicator ID > N; indicator ID rises K sd in Nd;
          relations drop K sd in Nd; relations < -0.3; first sanctions (docs/alerts.md)`,
  options: {
    name: { type: 'string', description: 'the rule name (lower case, digits, . _ -)' },
    when: { type: 'string', description: 'the condition, e.g. "hotspot >= warning" (docs/alerts.md)' },
    countries: { type: 'string', multiple: true, description: 'scope: ISO3 codes or names, comma-separated' },
    regions: {
      type: 'string',
      multiple: true,
      description: 'scope: UN M49 regions or subregions (Western Africa)',
    },
    adm1: {
      type: 'string',
      multiple: true,
      description: 'scope: ISO3/REGION, repeatable (MMR/Rakhine State)',
    },
    pair: { type: 'string', multiple: true, description: 'scope: a pair A,B (both directions), repeatable' },
    domains: {
      type: 'string',
      multiple: true,
      description: 'scope: security domains (hotspot and first rules)',
    },
    sources: { type: 'string', multiple: true, description: 'scope: only these sources' },
    webhook: { type: 'string', description: 'POST each alert here, signed (peacebell-signature)' },
    'webhook-secret': { type: 'string', description: 'the HMAC secret (default: a new one, printed once)' },
    email: {
      type: 'string',
      multiple: true,
      description: 'send each alert to these addresses (needs smtpUrl)',
    },
    'cooldown-days': {
      type: 'string',
      description: 'quiet days before the same place rings again (default 14)',
    },
    disabled: { type: 'boolean', description: 'add the rule switched off' },
    replace: { type: 'boolean', description: 'with add: replace the rule of that name' },
    date: { type: 'string', description: 'with test: the UTC day (default: the last day with data)' },
    from: { type: 'string', description: 'with run: first UTC day' },
    to: { type: 'string', description: 'with run: last UTC day' },
    rule: { type: 'string', description: 'with history: only this rule' },
    unacknowledged: { type: 'boolean', description: 'with history: only alerts not acknowledged' },
    all: { type: 'boolean', description: 'with ack: every unacknowledged alert' },
    for: { type: 'string', description: 'with mute: how long, e.g. 12h, 2d, 1w' },
    until: { type: 'string', description: 'with mute: until this ISO 8601 time' },
    state: {
      type: 'string',
      description: 'with deliveries: pending, delivered, dead (dead letters) or muted',
    },
    limit: { type: 'string', description: 'with history and deliveries: how many rows' },
    url: { type: 'string', description: 'with tail: the server (default: the running peacebell serve)' },
    count: { type: 'string', description: 'with tail: stop after this many alerts' },
    format: { type: 'string', description: 'table, csv, json or ndjson' },
  },
  async run(ctx, { values, positionals, db }) {
    const [sub, ...args] = positionals;
    if (!sub) throw new CliError(`alerts needs a subcommand: ${SUBCOMMANDS.join(', ')}`);
    if (sub === 'tail') {
      const count = values.count === undefined ? undefined : Number(values.count);
      if (count !== undefined && !(count > 0)) throw new CliError('--count must be a positive number');
      return tailAlerts(ctx, db, values.url as string | undefined, count);
    }
    try {
      return await withStore(ctx, db, (store) => run(ctx, store, sub, args, values));
    } catch (error) {
      if (error instanceof HttpError) throw new CliError(error.message, error.status === 404 ? 1 : 2);
      throw error;
    }
  },
};
