import { HOTSPOT_METHOD, type HotspotParams } from '../../packages/server/src/analytics/hotspots/method.ts';
import { scanHotspots } from '../../packages/server/src/analytics/hotspots/scan.ts';
import type { Store } from '../../packages/server/src/store/store.ts';
import type { Dataset, Episode } from './episodes.ts';
import { oursRun, scoreOn, type MethodRun } from './methods.ts';
import { betterOnBoth, type Score } from './score.ts';
import type { CountrySeries } from './series.ts';

/**
 * The method with one group of parameters moved at a time, up and down by about a third to a
 * half: if a neighbour scored much better, the parameters would be a poor choice; if only an
 * exact value scored well, they would be tuned. Printed by the scorecard, never used to choose.
 */
type Variant = { name: string; params: Partial<HotspotParams> };

const base = HOTSPOT_METHOD.params;
type Levels = HotspotParams['levels'];
const scaled = (levels: Levels, key: 'score' | 'count' | 'ratio', f: (x: number) => number): Levels => ({
  watch: { ...levels.watch, [key]: f(levels.watch[key]) },
  warning: { ...levels.warning, [key]: f(levels.warning[key]) },
  alert: { ...levels.alert, [key]: f(levels.alert[key]) },
});
const deaths = (watch: number, warning: number, alert: number) => ({ watch, warning, alert });

export const VARIANTS: readonly Variant[] = [
  {
    name: 'event floors x0.75',
    params: { levels: scaled(base.levels, 'count', (x) => Math.round(x * 0.75)) },
  },
  {
    name: 'event floors x1.25',
    params: { levels: scaled(base.levels, 'count', (x) => Math.round(x * 1.25)) },
  },
  { name: 'scores -0.5', params: { levels: scaled(base.levels, 'score', (x) => x - 0.5) } },
  { name: 'scores +1', params: { levels: scaled(base.levels, 'score', (x) => x + 1) } },
  { name: 'ratios x0.75', params: { levels: scaled(base.levels, 'ratio', (x) => x * 0.75) } },
  { name: 'ratios x1.5', params: { levels: scaled(base.levels, 'ratio', (x) => x * 1.5) } },
  { name: 'death floors 8/20/50', params: { deathCounts: deaths(8, 20, 50) } },
  { name: 'death floors 15/40/150', params: { deathCounts: deaths(15, 40, 150) } },
  { name: 'baseline 60 days', params: { baselineDays: 60 } },
  { name: 'baseline 180 days', params: { baselineDays: 180 } },
  { name: 'recent window 14 days', params: { recentDays: 14 } },
  { name: 'prior 0.5 events', params: { priorEvents: 0.5 } },
  { name: 'prior 2 events', params: { priorEvents: 2 } },
];

export interface VariantScore {
  name: string;
  all: Score;
  /** Better on both measures than each baseline, on the datasets it applies to. */
  beats: boolean[];
}

/** Scores of the method and of each variant, scanned and scored as the method itself is. */
export async function sensitivity(
  store: Store,
  span: { from: string; to: string },
  data: { datasets: readonly Dataset[]; series: readonly CountrySeries[]; episodes: readonly Episode[] },
  baselines: readonly MethodRun[],
): Promise<VariantScore[]> {
  const { datasets, series, episodes } = data;
  const out: VariantScore[] = [];
  const anyWeekly = datasets.some((d) => !d.daily);
  for (const v of [{ name: 'the method', params: {} }, ...VARIANTS]) {
    const params = { ...base, ...v.params };
    const request = { unit: 'country', ...span, regions: true } as const;
    const daily = await scanHotspots(store, request, params);
    const weekly = anyWeekly ? await scanHotspots(store, { ...request, grain: 'week' }, params) : [];
    const run = oursRun(v.name, { daily, weekly }, series);
    const beats = baselines.map((b) => {
      const on = datasets.filter(b.applies);
      return betterOnBoth(scoreOn(run, on, series, episodes), scoreOn(b, on, series, episodes));
    });
    out.push({ name: v.name, all: scoreOn(run, datasets, series, episodes), beats });
  }
  return out;
}
