import {
  AlertPath,
  AlertRecord,
  AlertRule,
  AlertRuleInput,
  AlertRules,
  AlertsList,
  AlertsQuery,
  ApiError,
  Deliveries,
  DeliveriesQuery,
  MuteBody,
  ReplayQuery,
  ReplayResult,
  RulePath,
} from '@peacebell/model';
import { z } from 'zod';
import { listDeliveries, retryDead } from '../../alerts/deliveries.ts';
import { replay } from '../../alerts/engine.ts';
import { acknowledge, getAlert, listAlerts, unacknowledgedCount } from '../../alerts/records.ts';
import { deleteRule, listRules, muteRule, publicRule, requireRule, saveRule } from '../../alerts/rules.ts';
import type { AlertService } from '../../alerts/service.ts';
import { HttpError, ParamError } from '../../errors.ts';
import type { ApiDeps, RouteModule } from '../deps.ts';
import { AlertStreams } from './alert-stream.ts';

const errors = { 400: ApiError, 401: ApiError, 404: ApiError, 409: ApiError, 501: ApiError };
const security: Record<string, string[]>[] = [{ bearer: [] }, { apiKey: [] }];
const SavedRule = z.object({
  rule: AlertRule,
  webhook_secret: z
    .string()
    .nullable()
    .describe('a new webhook secret, shown this once; null when none was made'),
});

function service(deps: ApiDeps): AlertService {
  if (!deps.alerts) throw new HttpError(501, 'this server runs without the bell (alerts)');
  return deps.alerts;
}

/** Alert rules (writes need the API key), alerts, deliveries and the SSE stream. */
export const alertRoutes: RouteModule = (app, deps) => {
  const reads = () => deps.alerts?.store ?? deps.store;
  const tags = ['alerts'];
  const streams = new AlertStreams(reads(), deps.alerts?.pollMs ?? 1000, (err) =>
    app.log.error({ err }, 'alert stream'),
  );
  // Streams never end by themselves: closing the server ends them.
  app.addHook('preClose', async () => streams.close());

  app.get(
    '/alert-rules',
    { schema: { summary: 'Every alert rule', tags, response: { 200: AlertRules } } },
    async () => ({ rules: (await listRules(reads())).map(publicRule) }),
  );

  app.post(
    '/alert-rules',
    {
      schema: {
        summary: 'Add a rule (docs/alerts.md has the `when` language)',
        tags,
        security,
        body: AlertRuleInput,
        response: { 201: SavedRule, ...errors },
      },
      config: { admin: true },
    },
    async (req, reply) => {
      const s = service(deps);
      const { rule, newSecret } = await saveRule(s.store, req.body, deps.clock());
      reply.code(201);
      return { rule: publicRule(rule), webhook_secret: newSecret };
    },
  );

  app.get(
    '/alert-rules/:name',
    { schema: { summary: 'One rule', tags, params: RulePath, response: { 200: AlertRule, 404: ApiError } } },
    async (req) => publicRule(await requireRule(reads(), req.params.name)),
  );

  app.put(
    '/alert-rules/:name',
    {
      schema: {
        summary: 'Replace a rule (its episodes and mute stay)',
        tags,
        security,
        params: RulePath,
        body: AlertRuleInput,
        response: { 200: SavedRule, ...errors },
      },
      config: { admin: true },
    },
    async (req) => {
      if (req.body.name !== req.params.name)
        throw new ParamError('name', `the body names ${req.body.name}, the path ${req.params.name}`);
      const s = service(deps);
      await requireRule(s.store, req.params.name);
      const { rule, newSecret } = await saveRule(s.store, req.body, deps.clock(), true);
      return { rule: publicRule(rule), webhook_secret: newSecret };
    },
  );

  app.delete(
    '/alert-rules/:name',
    {
      schema: {
        summary: 'Remove a rule (its alerts stay)',
        tags,
        security,
        params: RulePath,
        response: { 204: z.null(), ...errors },
      },
      config: { admin: true },
    },
    async (req, reply) => {
      await deleteRule(service(deps).store, req.params.name);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/alert-rules/:name/mute',
    {
      schema: {
        summary: 'Mute a rule until a time (alerts are recorded, not sent), or unmute with null',
        tags,
        security,
        params: RulePath,
        body: MuteBody,
        response: { 200: AlertRule, ...errors },
      },
      config: { admin: true },
    },
    async (req) => {
      const until = req.body.until ? new Date(req.body.until) : null;
      return publicRule(await muteRule(service(deps).store, req.params.name, until));
    },
  );

  app.get(
    '/alert-rules/:name/replay',
    {
      schema: {
        summary: 'What a rule would have raised over a past range (stores and sends nothing)',
        tags,
        params: RulePath,
        querystring: ReplayQuery,
        response: { 200: ReplayResult, ...errors },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      if (from > to) throw new ParamError('from', `from (${from}) is after to (${to})`);
      const rule = await requireRule(reads(), req.params.name);
      const baseUrl = deps.alerts?.options.baseUrl ?? '';
      return { alerts: await replay(reads(), rule, from, to, { baseUrl, clock: deps.clock }) };
    },
  );

  app.post(
    '/alert-rules/check',
    {
      schema: {
        summary: 'Check every rule now and send what is new',
        tags,
        security,
        response: { 200: ReplayResult, ...errors },
      },
      config: { admin: true },
    },
    async () => ({ alerts: await service(deps).check() }),
  );

  app.get(
    '/alerts',
    {
      schema: {
        summary: 'Alerts, newest first (or after a seq, oldest first)',
        tags,
        querystring: AlertsQuery,
        response: { 200: AlertsList, 400: ApiError },
      },
    },
    async (req) => {
      const q = req.query;
      const alerts = await listAlerts(reads(), { ...q, unacknowledged: q.unacknowledged === 'true' });
      return { alerts, unacknowledged: await unacknowledgedCount(reads()) };
    },
  );

  app.get(
    '/alerts/stream',
    {
      schema: {
        summary: 'New alerts as Server-Sent Events (event "alert", id = seq; resumes after Last-Event-ID)',
        tags,
        querystring: z.strictObject({ after: AlertsQuery.shape.after }),
        response: {
          200: z.string().describe('text/event-stream: `id`, `event: alert`, `data` (an alert record)'),
        },
      },
    },
    (req, reply) => streams.open(req, reply),
  );

  app.get(
    '/alerts/:id',
    {
      schema: {
        summary: 'One alert with its packet',
        tags,
        params: AlertPath,
        response: { 200: AlertRecord, 404: ApiError },
      },
    },
    async (req) => getAlert(reads(), req.params.id),
  );

  app.post(
    '/alerts/:id/ack',
    {
      schema: {
        summary: 'Acknowledge an alert',
        tags,
        security,
        params: AlertPath,
        response: { 200: AlertRecord, ...errors },
      },
      config: { admin: true },
    },
    async (req) => {
      const store = service(deps).store;
      await acknowledge(store, [req.params.id], deps.clock());
      return getAlert(store, req.params.id);
    },
  );

  app.get(
    '/alert-deliveries',
    {
      schema: {
        summary: 'Deliveries and their attempts; state=dead is the dead-letter list',
        tags,
        security,
        querystring: DeliveriesQuery,
        response: { 200: Deliveries, ...errors },
      },
      config: { admin: true },
    },
    async (req) => ({ deliveries: await listDeliveries(reads(), req.query.state, req.query.limit) }),
  );

  app.post(
    '/alert-deliveries/retry',
    {
      schema: {
        summary: 'Put the dead letters back in the queue',
        tags,
        security,
        response: { 200: z.object({ requeued: z.number() }), ...errors },
      },
      config: { admin: true },
    },
    async () => {
      const s = service(deps);
      const requeued = await retryDead(s.store, deps.clock());
      void s.deliverer.runDue();
      return { requeued };
    },
  );
};
