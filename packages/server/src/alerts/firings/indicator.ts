import {
  addDays,
  countryByIso3,
  indicatorById,
  scopeCountries,
  threatIndicatorById,
  type Condition,
  type Trigger,
} from '@peacebell/model';
import { indicatorSeries, type UnitKey } from '../../analytics/indicators.ts';
import type { Store } from '../../store/store.ts';
import { daysWithData } from './coverage.ts';
import { threatValues } from './threat.ts';
import { describeFired, fireCondition, moveTest, type SeriesPoint } from './moves.ts';
import {
  adm1Subjects,
  countrySubject,
  pairSubjects,
  round,
  type Firing,
  type FiringRequest,
  type Subject,
} from './types.ts';

type IndicatorTrigger = Extract<Trigger, { kind: 'indicator' }>;

/** A firing with the series it was judged on (the packet shows it). */
export type SeriesFiring = Firing & { series: SeriesPoint[] };

/** Days of the series shown with an alert. */
export const SERIES_DAYS = 30;

const keyOf = (s: Subject): { unit: 'country' | 'adm1' | 'pair'; key: UnitKey } =>
  s.partner
    ? { unit: 'pair', key: { country: s.country, partner: s.partner } }
    : s.adm1
      ? { unit: 'adm1', key: { country: s.country, adm1: s.adm1 } }
      : { unit: 'country', key: { country: s.country } };

/** The subject in words; `adm1Name` names a region whose code is not a name (GDELT's FIPS codes). */
export const placeName = (s: Subject, adm1Name?: string): string => {
  const name = (iso3: string) => countryByIso3(iso3)?.name ?? iso3;
  if (s.partner) return `${name(s.country)} → ${name(s.partner)}`;
  return s.adm1 ? `${adm1Name ?? s.adm1}, ${name(s.country)}` : name(s.country);
};

/** The series of a firing: values with the trailing baseline and its k-sd band (threshold rules: the threshold). */
export function seriesAround(
  days: readonly string[],
  values: readonly (number | null)[],
  index: number,
  c: Condition,
  floor: (mean: number) => number,
): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let i = Math.max(0, index - SERIES_DAYS + 1); i <= index; i++) {
    const v = values[i] ?? null;
    if (c.type === 'threshold') {
      points.push({ day: days[i] ?? '', value: v, baseline: c.value, low: null, high: null });
      continue;
    }
    const t = moveTest(values, i, c.days, floor);
    points.push({
      day: days[i] ?? '',
      value: v,
      baseline: t ? round(t.mean) : null,
      low: t ? round(t.mean - c.sd * t.sd) : null,
      high: t ? round(t.mean + c.sd * t.sd) : null,
    });
  }
  return points;
}

/** `Events rose 3.1 sd`, `Conflict share 0.6 > 0.5`. */
export function headline(title: string, c: Condition, value: number, z: number | null): string {
  if (c.type === 'threshold' || z === null)
    return `${title} ${round(value, 2)} ${c.type === 'threshold' ? `${c.op} ${c.value}` : ''}`.trim();
  return `${title} ${z >= 0 ? 'rose' : 'fell'} ${round(Math.abs(z), 1)} sd`;
}

export function subjectsOf(r: FiringRequest): Subject[] {
  const s = r.spec.scope;
  return [...scopeCountries(s).map(countrySubject), ...adm1Subjects(s.adm1), ...pairSubjects(s.pairs)];
}

type DailySeries = (subject: Subject) => Promise<{ days: string[]; values: (number | null)[] }>;

/** The daily series of an event indicator (rollups) or a GKG threat indicator, for one place. */
async function dailySeries(
  store: Store,
  r: FiringRequest<IndicatorTrigger>,
  from: string,
): Promise<{ meta: { title: string; unit: string; kind: string }; series: DailySeries } | null> {
  const threat = threatIndicatorById(r.trigger.indicator);
  if (threat) return { meta: threat, series: (s) => threatValues(store, threat, s, from, r.to) };
  const indicator = indicatorById(r.trigger.indicator);
  if (!indicator) return null;
  const known = await daysWithData(store, from, r.to, r.spec.scope.sources);
  return {
    meta: indicator,
    series: async (subject) => {
      const { unit, key } = keyOf(subject);
      const series = await indicatorSeries(store, {
        unit,
        key,
        grain: 'day',
        from,
        to: r.to,
        indicators: [indicator.id],
        ...(r.spec.scope.sources.length ? { sources: r.spec.scope.sources } : {}),
      });
      const days = series.rows.map((row) => String(row.period));
      const values = series.rows.map((row) =>
        typeof row[indicator.id] === 'number' && known.has(String(row.period))
          ? (row[indicator.id] as number)
          : null,
      );
      return { days, values };
    },
  };
}

export async function indicatorFirings(
  store: Store,
  r: FiringRequest<IndicatorTrigger>,
): Promise<SeriesFiring[]> {
  const c = r.trigger.condition;
  const lookback = Math.max(c.type === 'move' ? c.days : 0, SERIES_DAYS);
  const source = await dailySeries(store, r, addDays(r.from, -lookback));
  if (!source) return [];
  const indicator = source.meta;
  // Counts vary at least as a Poisson count does; other kinds have no natural floor.
  const floor = indicator.kind === 'count' ? (mean: number) => Math.sqrt(Math.max(mean, 1)) : () => 1e-9;
  const firings: SeriesFiring[] = [];
  for (const subject of subjectsOf(r)) {
    const { days, values } = await source.series(subject);
    const start = days.findIndex((d) => d >= r.from);
    if (start < 0) continue;
    for (const f of fireCondition(days, values, start, c, floor)) {
      const value = f.value;
      const what = describeFired(f, c, 3, true);
      firings.push({
        subject,
        day: f.day,
        severity: f.severity,
        confidence: f.test && c.type === 'move' ? round(f.test.days / c.days, 2) : 1,
        value: round(value),
        baseline: f.test ? round(f.test.mean) : c.type === 'threshold' ? c.value : null,
        unit: indicator.unit,
        headline: headline(indicator.title, c, value, f.test?.z ?? null),
        summary: `${placeName(subject)}: ${indicator.title} ${what}`,
        series: seriesAround(days, values, f.index, c, floor),
      });
    }
  }
  return firings;
}
