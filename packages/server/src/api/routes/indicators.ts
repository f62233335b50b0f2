import {
  ApiError,
  CountryPath,
  DEFAULT_INDICATORS,
  GRAINS,
  INDICATORS,
  INDICATOR_UNITS,
  IndicatorCatalog,
  IndicatorMap,
  IndicatorMapQuery,
  IndicatorPath,
  indicatorById,
  IndicatorSeries,
  IndicatorsQuery,
  PairPath,
  THREAT_INDICATORS,
  threatIndicatorById,
  type IndicatorUnit,
  type ThreatIndicator,
} from '@peacebell/model';
import { indicatorByCountry, indicatorSeries, type UnitKey } from '../../analytics/indicators.ts';
import { ParamError } from '../../errors.ts';
import { checkPair } from '../../analytics/relations.ts';
import { threatsByCountry } from '../../analytics/threats/index.ts';
import { resolveWindow } from '../../analytics/window.ts';
import type { ApiDeps, RouteModule } from '../deps.ts';

const ids = (asked: string | undefined) =>
  asked === 'all'
    ? INDICATORS.map((i) => i.id)
    : asked
      ? asked
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : DEFAULT_INDICATORS;

async function series(deps: ApiDeps, unit: IndicatorUnit, key: UnitKey, q: IndicatorsQuery) {
  const window = await resolveWindow(deps.store, deps.clock, q.grain, q.from, q.to);
  return indicatorSeries(deps.store, {
    unit,
    key,
    grain: q.grain,
    ...window,
    indicators: ids(q.indicators),
    ...(q.source ? { sources: q.source } : {}),
  });
}

/** GKG threat indicators the world map can colour by (articles and share per country). */
const THREAT_MAP_LAYERS = THREAT_INDICATORS.filter((t) => t.measure === 'articles' || t.measure === 'share');

const threatMeta = (t: ThreatIndicator) => ({
  id: t.id,
  title: t.title,
  description: `${t.description} Map layer only: series are at /countries/{country}/threats.`,
  unit: t.unit,
  kind: t.kind,
  group: 'threats (GKG)',
  definition: { gkg: { domain: t.domain, measure: t.measure } },
});

async function threatMap(deps: ApiDeps, t: ThreatIndicator, from: string, to: string) {
  if (!THREAT_MAP_LAYERS.includes(t))
    throw new ParamError('id', `${t.id}: only the articles and share of a threat domain are map layers`);
  const rows = await threatsByCountry(deps.store, t.domain, from, to);
  return {
    indicator: threatMeta(t),
    from,
    to,
    values: rows.map((r) => ({ country: r.country, value: t.measure === 'articles' ? r.articles : r.share })),
  };
}

/** The indicator catalog, and indicator series for a country, a region or a directed pair. */
export const indicatorRoutes: RouteModule = (app, deps) => {
  app.get(
    '/indicators',
    {
      schema: {
        summary: 'The indicator catalog: ids, titles, units and definitions',
        tags: ['indicators'],
        response: { 200: IndicatorCatalog },
      },
      config: { cache: 'generation' },
    },
    async () => ({
      units: [...INDICATOR_UNITS],
      grains: [...GRAINS],
      indicators: [...INDICATORS, ...THREAT_MAP_LAYERS.map(threatMeta)],
    }),
  );

  app.get(
    '/indicators/:id/countries',
    {
      schema: {
        summary: 'One indicator over a window for every country with events (what the world map colours by)',
        tags: ['indicators'],
        params: IndicatorPath,
        querystring: IndicatorMapQuery,
        response: { 200: IndicatorMap, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const q = req.query;
      const window = await resolveWindow(deps.store, deps.clock, 'day', q.from, q.to);
      const threat = threatIndicatorById(req.params.id);
      if (threat) return threatMap(deps, threat, window.from, window.to);
      if (!indicatorById(req.params.id)) {
        throw new ParamError(
          'id',
          `unknown indicator ${JSON.stringify(req.params.id.slice(0, 60))}`,
          INDICATORS.map((i) => i.id),
        );
      }
      return indicatorByCountry(deps.store, req.params.id, window.from, window.to, q.source);
    },
  );

  app.get(
    '/world/indicators',
    {
      schema: {
        summary: 'Indicator series over every event in the store (the volume country series swing with)',
        tags: ['indicators'],
        querystring: IndicatorsQuery.omit({ adm1: true }),
        response: { 200: IndicatorSeries, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => series(deps, 'world', {}, req.query),
  );

  app.get(
    '/countries/:country/indicators',
    {
      schema: {
        summary: 'Indicator series for a country (or, with adm1, one of its regions), per day, week or month',
        tags: ['indicators'],
        params: CountryPath,
        querystring: IndicatorsQuery,
        response: { 200: IndicatorSeries, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const { country } = req.params;
      const adm1 = req.query.adm1;
      return series(deps, adm1 ? 'adm1' : 'country', adm1 ? { country, adm1 } : { country }, req.query);
    },
  );

  app.get(
    '/pairs/:a/:b/indicators',
    {
      schema: {
        summary:
          'Indicator series for the directed pair a → b (events with a as first actor and b as second)',
        tags: ['indicators', 'relations'],
        params: PairPath,
        querystring: IndicatorsQuery.omit({ adm1: true }),
        response: { 200: IndicatorSeries, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const { a, b } = req.params;
      checkPair(a, b);
      return series(deps, 'pair', { country: a, partner: b }, req.query);
    },
  );
};
