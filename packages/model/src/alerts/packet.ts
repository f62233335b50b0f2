import { z } from 'zod';
import { HOTSPOT_LEVELS } from '../hotspots.ts';
import { AlertScopeView } from './rule.ts';

export const PACKET_SCHEMA = 'peacebell.alert/1';

/**
 * What every alert carries, to a webhook, the browser and the terminal: versioned by `schema`; a
 * field is only ever added in a version, never changed.
 */
export const AlertPacket = z.object({
  schema: z.literal(PACKET_SCHEMA),
  id: z.string().describe('stable: the same alert keeps its id across retries and restarts'),
  rule: z.object({ name: z.string(), when: z.string(), scope: AlertScopeView }),
  kind: z.enum(['hotspot', 'phase', 'indicator', 'relations', 'first']),
  title: z.string(),
  where: z.object({
    country: z.string().nullable(),
    country_name: z.string().nullable(),
    adm1: z.string().nullable(),
    adm1_name: z
      .string()
      .nullable()
      .describe('the readable name of adm1 (GDELT’s FIPS codes named from its place names)'),
    partner: z.string().nullable().describe('for pairs: the other country; direction country → partner'),
  }),
  day: z.string().describe('the UTC day the rule fired on'),
  severity: z.enum(HOTSPOT_LEVELS),
  escalation: z.boolean().describe('a repeat within an episode because it got worse'),
  episode_start: z.string(),
  confidence: z.number().min(0).max(1),
  summary: z.string(),
  /** The measured value against the baseline it was judged by (units in `unit`). */
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  unit: z.string(),
  series: z.array(
    z.object({
      day: z.string(),
      value: z.number().nullable(),
      baseline: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
    }),
  ),
  top_events: z.array(
    z.object({
      id: z.string(),
      event_date: z.string(),
      source: z.string(),
      category: z.string().nullable(),
      summary: z.string(),
      fatalities: z.number().nullable(),
      source_url: z.string().nullable(),
    }),
  ),
  link: z.string().describe('the dashboard view of this alert'),
  raised_at: z.string(),
});
export type AlertPacket = z.infer<typeof AlertPacket>;

/** A stored alert as the API lists it. */
export const AlertRecord = z.object({
  seq: z.number().describe('increasing; the SSE event id'),
  id: z.string(),
  rule: z.string(),
  day: z.string(),
  severity: z.enum(HOTSPOT_LEVELS),
  title: z.string(),
  muted: z.boolean(),
  acknowledged_at: z.string().nullable(),
  raised_at: z.string(),
  packet: AlertPacket,
});
export type AlertRecord = z.infer<typeof AlertRecord>;
