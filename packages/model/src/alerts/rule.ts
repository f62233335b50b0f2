import { z } from 'zod';
import { COUNTRIES, countryByIso3, countryByName, SUBREGIONS } from '../countries/index.ts';
import { Source } from '../event.ts';
import { SecurityDomain } from '../typology/index.ts';
import { parseTrigger, TriggerSyntaxError, type Trigger } from './trigger.ts';

const REGION_NAMES: readonly string[] = [
  ...new Set([...Object.keys(SUBREGIONS), ...Object.values(SUBREGIONS)]),
];

const country = z.string().transform((v, ctx) => {
  const found = countryByIso3(v.trim().toUpperCase()) ?? countryByName(v.trim());
  if (!found) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown country ${JSON.stringify(v)}: use ISO3 (MLI) or a name`,
    });
    return z.NEVER;
  }
  return found.iso3;
});

const region = z.string().refine((v) => REGION_NAMES.includes(v), {
  error: (issue) =>
    `unknown region ${JSON.stringify(issue.input)}; valid: ${REGION_NAMES.join(', ')} (UN M49)`,
});

/** A region of a country: `MMR/Rakhine State`, the ADM1 name as the sources write it. */
const adm1 = z
  .string()
  .regex(/^[A-Za-z]{3}\/.+$/, { error: 'must be ISO3/REGION, e.g. MMR/Rakhine State' })
  .transform((v, ctx) => {
    const [code, ...rest] = v.split('/');
    const found = countryByIso3((code ?? '').toUpperCase());
    if (!found) {
      ctx.addIssue({ code: 'custom', message: `unknown country ${code} in ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return `${found.iso3}/${rest.join('/')}`;
  });

const pair = z.string().transform((v, ctx) => {
  const parts = v.split(/[,:>-]/).map((s) => s.trim());
  const codes = parts.map((p) => countryByIso3(p.toUpperCase())?.iso3);
  if (codes.length !== 2 || !codes[0] || !codes[1] || codes[0] === codes[1]) {
    ctx.addIssue({
      code: 'custom',
      message: `a pair is two different ISO3 codes such as CHN-KAZ, got ${JSON.stringify(v)}`,
    });
    return z.NEVER;
  }
  return `${codes[0]}-${codes[1]}`;
});

/** Where a rule looks. Empty everywhere: every country (hotspot rules only). */
export const AlertScope = z.strictObject({
  countries: z.array(country).max(300).default([]),
  regions: z
    .array(region)
    .max(30)
    .default([])
    .describe('UN M49 regions or subregions: Africa, Western Africa'),
  adm1: z.array(adm1).max(100).default([]),
  pairs: z.array(pair).max(100).default([]).describe('two ISO3 codes, both directions: CHN-KAZ'),
  domains: z
    .array(SecurityDomain)
    .max(20)
    .default([])
    .describe('hotspot and first rules: the evidence must be in these'),
  sources: z.array(Source).max(10).default([]),
});
export type AlertScope = z.infer<typeof AlertScope>;

/** A stored scope as answers carry it (already normalised: no transforms to run). */
export const AlertScopeView = z.object({
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  adm1: z.array(z.string()),
  pairs: z.array(z.string()),
  domains: z.array(z.string()),
  sources: z.array(z.string()),
});

export const RULE_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** What a user writes to make or replace a rule (CLI flags and the API's body). */
export const AlertRuleInput = z.strictObject({
  name: z.string().regex(RULE_NAME, {
    error: 'must be 1-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  }),
  when: z.string().max(200),
  scope: AlertScope.default({ countries: [], regions: [], adm1: [], pairs: [], domains: [], sources: [] }),
  webhook: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Secret for the HMAC signature; without it the server's default webhook secret is used. */
  webhook_secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  email: z.array(z.email()).max(20).default([]),
  /** A new alert for the same place only after this many days without a firing (or when worse). */
  cooldown_days: z.number().int().min(1).max(365).default(14),
  enabled: z.boolean().default(true),
});
export type AlertRuleInput = z.input<typeof AlertRuleInput>;
export type AlertRuleSpec = z.infer<typeof AlertRuleInput>;

/** A rule as stored and listed (the webhook secret is never returned). */
export const AlertRule = z.object({
  id: z.number(),
  name: z.string(),
  when: z.string(),
  scope: AlertScopeView,
  webhook: z.string().nullable(),
  email: z.array(z.string()),
  cooldown_days: z.number(),
  enabled: z.boolean(),
  muted_until: z.string().nullable().describe('UTC timestamp; alerts are recorded but not sent before it'),
  evaluated_through: z.string().nullable().describe('the last UTC day the live check has looked at'),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AlertRule = z.infer<typeof AlertRule>;

export interface RuleProblem {
  field: string;
  message: string;
}

/** Checks that go across fields: the trigger parses and fits the scope. Empty: the rule is valid. */
export function ruleProblems(spec: AlertRuleSpec): RuleProblem[] {
  let trigger: Trigger;
  try {
    trigger = parseTrigger(spec.when);
  } catch (error) {
    if (error instanceof TriggerSyntaxError) return [{ field: 'when', message: error.message }];
    throw error;
  }
  const s = spec.scope;
  const places = s.countries.length + s.regions.length + s.adm1.length;
  const problems: RuleProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (trigger.kind === 'relations' && s.pairs.length === 0)
    add('scope.pairs', 'a relations rule needs pairs, e.g. --pair CHN,KAZ');
  if (trigger.kind === 'relations' && places > 0)
    add('scope', 'a relations rule is about pairs only: drop countries, regions and adm1');
  if ((trigger.kind === 'hotspot' || trigger.kind === 'phase') && s.pairs.length > 0)
    add('scope.pairs', 'hotspots are about places: use countries, regions or adm1, not pairs');
  if (trigger.kind === 'indicator' && trigger.indicator.startsWith('threat_') && s.pairs.length > 0)
    add('scope.pairs', 'threat indicators are about places (GKG locations), not pairs');
  if (trigger.kind === 'indicator' && places + s.pairs.length === 0)
    add('scope', 'an indicator rule needs countries, regions, adm1 or pairs to watch');
  if (trigger.kind === 'first' && places + s.pairs.length === 0)
    add('scope', 'a first rule needs countries, regions, adm1 or pairs to watch');
  if ((trigger.kind === 'indicator' || trigger.kind === 'relations') && s.domains.length > 0)
    add('scope.domains', 'domains narrow hotspot and first rules only (an indicator has its own definition)');
  return problems;
}

/** The countries a scope names, directly or through its regions (sorted, unique). */
export function scopeCountries(scope: AlertScope): string[] {
  const fromRegions = COUNTRIES.filter(
    (c) => scope.regions.includes(c.region) || scope.regions.includes(c.subregion),
  ).map((c) => c.iso3);
  return [...new Set([...scope.countries, ...fromRegions])].sort();
}
