export {
  FIRST_KINDS,
  formatTrigger,
  parseTrigger,
  TriggerSyntaxError,
  type Comparison,
  type Condition,
  type Direction,
  type Trigger,
} from './trigger.ts';
export {
  AlertRule,
  AlertRuleInput,
  AlertScope,
  RULE_NAME,
  ruleProblems,
  scopeCountries,
  type AlertRuleSpec,
  type RuleProblem,
} from './rule.ts';
export { AlertPacket, AlertRecord, PACKET_SCHEMA } from './packet.ts';
export {
  AlertPath,
  AlertRules,
  AlertsList,
  AlertsQuery,
  Deliveries,
  DeliveriesQuery,
  Delivery,
  MuteBody,
  ReplayQuery,
  ReplayResult,
  RulePath,
} from './api.ts';
