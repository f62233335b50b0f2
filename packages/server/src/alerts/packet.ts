import { createHash } from 'node:crypto';
import {
  addDays,
  PACKET_SCHEMA,
  countryByIso3,
  parseTrigger,
  type AlertPacket,
  type AlertRuleSpec,
} from '@peacebell/model';
import { explainHotspot } from '../analytics/hotspots/explain.ts';
import { regionNames } from '../analytics/region-names.ts';
import type { Store } from '../store/store.ts';
import type { Raise } from './episodes.ts';
import { topEvents, toTopEvent } from './evidence.ts';
import { categoriesOf } from './firings/first.ts';
import type { AnyFiring } from './firings/index.ts';
import { placeName, SERIES_DAYS } from './firings/indicator.ts';

/** The same rule, place, episode and severity is the same alert, whenever and however often it is computed. */
export function alertId(ruleId: number, subject: string, episodeStart: string, severity: string): string {
  return createHash('sha256')
    .update(`${ruleId}\u0000${subject}\u0000${episodeStart}\u0000${severity}`)
    .digest('hex')
    .slice(0, 24);
}

function dashboardLink(baseUrl: string, f: AnyFiring, kind: AlertPacket['kind']): string {
  const s = f.subject;
  const q = new URLSearchParams(
    s.partner
      ? {
          page: 'pair',
          a: s.country,
          b: s.partner,
          grain: 'day',
          from: addDays(f.day, -(SERIES_DAYS - 1)),
          to: f.day,
          point: f.day,
        }
      : kind === 'hotspot' || kind === 'phase'
        ? { page: 'country', country: s.country, date: f.day }
        : {
            page: 'country',
            country: s.country,
            grain: 'day',
            from: addDays(f.day, -(SERIES_DAYS - 1)),
            to: f.day,
          },
  );
  return `${baseUrl.replace(/\/$/, '')}/?${q}`;
}

async function hotspotEvidence(
  store: Store,
  f: AnyFiring,
): Promise<Pick<AlertPacket, 'series' | 'top_events'> & { adm1Name: string }> {
  const e = await explainHotspot(store, f.subject.country, f.day, f.subject.adm1 ?? '');
  // The source with the most events in the window speaks for the series.
  const lead = [...e.series].sort((a, b) => (b.points.at(-1)?.count ?? 0) - (a.points.at(-1)?.count ?? 0))[0];
  return {
    series: (lead?.points ?? []).slice(-SERIES_DAYS).map((p) => ({
      day: p.day,
      value: p.count,
      baseline: p.expected,
      low: null,
      high: p.warning_at,
    })),
    top_events: e.top_events.map(toTopEvent),
    adm1Name: e.adm1_name,
  };
}

export interface PacketContext {
  ruleId: number;
  spec: AlertRuleSpec;
  baseUrl: string;
  now: Date;
}

export async function buildPacket(
  store: Store,
  ctx: PacketContext,
  r: Raise<AnyFiring>,
): Promise<AlertPacket> {
  const f = r.firing;
  const trigger = parseTrigger(ctx.spec.when);
  const kind = trigger.kind;
  const adm1 = f.subject.adm1;
  // A hotspot's explanation names its region already; other kinds name it here.
  const { adm1Name: explained, ...evidence } =
    kind === 'hotspot' || kind === 'phase'
      ? await hotspotEvidence(store, f)
      : {
          series: f.series ?? [],
          top_events:
            kind === 'first'
              ? await topEvents(store, f.subject, f.day, f.day, categoriesOf(trigger.what))
              : await topEvents(store, f.subject, addDays(f.day, -6), f.day),
          adm1Name: adm1
            ? (await regionNames(store, f.subject.country, [adm1], addDays(f.day, -6), f.day)).get(adm1)
            : undefined,
        };
  const country = countryByIso3(f.subject.country);
  const adm1Name = adm1 ? (explained ?? adm1) : null;
  const place =
    f.subject.partner && kind === 'first'
      ? placeName(f.subject).replace(' → ', ' and ')
      : placeName(f.subject, adm1Name ?? undefined);
  return {
    schema: PACKET_SCHEMA,
    id: alertId(ctx.ruleId, f.subject.key, r.episode_start, f.severity),
    rule: { name: ctx.spec.name, when: ctx.spec.when, scope: ctx.spec.scope },
    kind,
    title: `${place}: ${f.headline}${r.escalation ? `, escalated to ${f.severity}` : ''}`,
    where: {
      country: f.subject.country,
      country_name: country?.name ?? null,
      adm1,
      adm1_name: adm1Name,
      partner: f.subject.partner,
    },
    day: f.day,
    severity: f.severity,
    escalation: r.escalation,
    episode_start: r.episode_start,
    confidence: f.confidence,
    summary: f.summary,
    value: f.value,
    baseline: f.baseline,
    unit: f.unit,
    ...evidence,
    link: dashboardLink(ctx.baseUrl, f, kind),
    raised_at: ctx.now.toISOString(),
  };
}
