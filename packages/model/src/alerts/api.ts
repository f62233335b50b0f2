import { z } from 'zod';
import { CountryParam, DayParam, enumParam, intParam, MAX_PARAM_LENGTH } from '../api/params.ts';
import { HOTSPOT_LEVELS } from '../hotspots.ts';
import { AlertRecord } from './packet.ts';
import { AlertRule, RULE_NAME } from './rule.ts';

/** `GET /alerts`: newest first, or after a `seq` in order (for followers). */
export const AlertsQuery = z.strictObject({
  rule: z.string().max(MAX_PARAM_LENGTH).regex(RULE_NAME, { error: 'must be a rule name' }).optional(),
  country: CountryParam.optional().describe('alerts about this country (or a pair it is in)'),
  severity: enumParam(HOTSPOT_LEVELS).optional().describe('lowest severity listed'),
  unacknowledged: enumParam(['true', 'false']).default('false'),
  after: intParam(0, 2_000_000_000).optional().describe('only alerts with a larger seq, oldest first'),
  limit: intParam(1, 500).default(50),
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

export const AlertsList = z.object({
  alerts: z.array(AlertRecord),
  unacknowledged: z.number().describe('unacknowledged and not muted alerts in the store'),
});
export type AlertsList = z.infer<typeof AlertsList>;

export const AlertPath = z.strictObject({
  id: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+$/, { error: 'must be an alert id' }),
});
export const RulePath = z.strictObject({
  name: z.string().max(64).regex(RULE_NAME, { error: 'must be a rule name' }),
});

export const AlertRules = z.object({ rules: z.array(AlertRule) });

/** `POST /alert-rules/{name}/run`: replay a past range, storing and sending nothing. */
export const ReplayQuery = z.strictObject({
  from: DayParam.describe('first UTC day'),
  to: DayParam.describe('last UTC day'),
});
export const ReplayResult = z.object({ alerts: z.array(AlertRecord.shape.packet) });

export const MuteBody = z.strictObject({
  until: z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' }).nullable(),
});

export const Delivery = z.object({
  alert_id: z.string(),
  rule: z.string(),
  channel: z.string(),
  target: z.string(),
  state: z.enum(['pending', 'delivered', 'dead', 'muted']),
  attempts: z.number(),
  next_attempt_at: z.string().nullable(),
  last_error: z.string().nullable(),
  delivered_at: z.string().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;
export const Deliveries = z.object({ deliveries: z.array(Delivery) });
export const DeliveriesQuery = z.strictObject({
  state: enumParam(['pending', 'delivered', 'dead', 'muted']).optional(),
  limit: intParam(1, 500).default(100),
});
