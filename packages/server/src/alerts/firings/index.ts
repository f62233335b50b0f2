import { parseTrigger, type AlertRuleSpec, type Trigger } from '@peacebell/model';
import type { Store } from '../../store/store.ts';
import { firstFirings } from './first.ts';
import { hotspotFirings } from './hotspot.ts';
import { indicatorFirings, type SeriesFiring } from './indicator.ts';
import { relationsFirings } from './relations.ts';
import type { Firing } from './types.ts';

export type AnyFiring = Firing & { series?: SeriesFiring['series'] };

/** Every day in [from, to] on which the rule's condition holds, per subject, in day order. */
export async function firingsFor(
  store: Store,
  spec: AlertRuleSpec,
  from: string,
  to: string,
): Promise<AnyFiring[]> {
  const trigger = parseTrigger(spec.when);
  const request = <T extends Trigger>(t: T) => ({ spec, trigger: t, from, to });
  let firings: AnyFiring[];
  switch (trigger.kind) {
    case 'hotspot':
    case 'phase':
      firings = await hotspotFirings(store, request(trigger));
      break;
    case 'indicator':
      firings = await indicatorFirings(store, request(trigger));
      break;
    case 'relations':
      firings = await relationsFirings(store, request(trigger));
      break;
    case 'first':
      firings = await firstFirings(store, request(trigger));
      break;
  }
  return firings.sort((a, b) => a.day.localeCompare(b.day) || a.subject.key.localeCompare(b.subject.key));
}

export type { Firing, Subject } from './types.ts';
