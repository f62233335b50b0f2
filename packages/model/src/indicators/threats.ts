import { THREAT_DOMAINS, type ThreatDomain } from '../threats/domains.ts';

/** What each threat indicator reads from the per place, day and domain threat rollup. */
export const THREAT_MEASURES = ['articles', 'share', 'intensity', 'tone', 'change'] as const;
export type ThreatMeasure = (typeof THREAT_MEASURES)[number];

export interface ThreatIndicator {
  id: string;
  title: string;
  description: string;
  unit: string;
  kind: 'count' | 'share' | 'mean';
  domain: ThreatDomain;
  measure: ThreatMeasure;
  group: 'threats';
}

const MEASURE_TEXT: Record<
  ThreatMeasure,
  { title: string; unit: string; kind: ThreatIndicator['kind']; text: string }
> = {
  articles: {
    title: 'articles',
    unit: 'articles',
    kind: 'count',
    text: 'GKG articles about the place tagged',
  },
  share: {
    title: 'share of coverage',
    unit: 'share of articles (0-1)',
    kind: 'share',
    text: 'Share of the GKG articles about the place that are tagged',
  },
  intensity: {
    title: 'intensity',
    unit: 'theme mentions per article',
    kind: 'mean',
    text: 'Mentions of the domain’s themes per article, over the articles tagged',
  },
  tone: {
    title: 'tone',
    unit: 'tone',
    kind: 'mean',
    text: 'Mean GKG tone (V2Tone, about -10..10) of the articles tagged',
  },
  change: {
    title: 'change against baseline',
    unit: 'relative change of the share',
    kind: 'mean',
    text: 'The share of coverage against its mean over the previous 28 days, 8 weeks or 6 months (0: as usual, 1: doubled), for articles tagged',
  },
};

/**
 * Threat indicators, five per domain (docs/threats.md). They read the GKG threat rollup rather
 * than the event rollups, so `analytics/threats/` computes them, not the event indicator compiler.
 */
export const THREAT_INDICATORS: readonly ThreatIndicator[] = THREAT_DOMAINS.flatMap((d) =>
  THREAT_MEASURES.map((measure): ThreatIndicator => {
    const m = MEASURE_TEXT[measure];
    return {
      id: `threat_${d.id}_${measure}`,
      title: `${d.title}: ${m.title}`,
      description: `${m.text} ${d.title.toLowerCase()} (${d.description})`,
      unit: m.unit,
      kind: m.kind,
      domain: d.id,
      measure,
      group: 'threats',
    };
  }),
);

const byId = new Map(THREAT_INDICATORS.map((i) => [i.id, i]));

export const threatIndicatorById = (id: string): ThreatIndicator | undefined => byId.get(id);
