import {
  ApiError,
  CountryPath,
  CountryThreatsQuery,
  THEME_MAP_VERSION,
  THEME_RULES,
  THREAT_DOMAINS,
  ThreatCountries,
  ThreatCountriesQuery,
  ThreatMap,
  ThreatSeries,
  ThreatsQuery,
  UnmappedThemes,
  UnmappedThemesQuery,
  addDays,
} from '@peacebell/model';
import {
  latestThreatDay,
  resolveThreatWindow,
  threatsByCountry,
  threatSeries,
  unmappedThemes,
} from '../../analytics/threats/index.ts';
import type { ApiDeps, RouteModule } from '../deps.ts';

async function series(deps: ApiDeps, country: string | undefined, q: CountryThreatsQuery) {
  const window = await resolveThreatWindow(deps.store, deps.clock, q.grain, q.from, q.to);
  return threatSeries(deps.store, {
    ...(country ? { country } : {}),
    ...(q.adm1 ? { adm1: q.adm1 } : {}),
    grain: q.grain,
    ...window,
    ...(q.domains ? { domains: q.domains } : {}),
    ...(q.evidence !== undefined ? { evidence: q.evidence } : {}),
  });
}

const SUMMARY =
  'Coverage and intensity per threat domain from GDELT’s GKG: articles, share of coverage, theme mentions per article, tone, change against baseline, counts and evidence';

/** Non-traditional threats from GDELT's Global Knowledge Graph (docs/threats.md). */
export const threatRoutes: RouteModule = (app, deps) => {
  app.get(
    '/threats',
    {
      schema: {
        summary: `${SUMMARY}; a country, a region or every article`,
        tags: ['threats'],
        querystring: ThreatsQuery,
        response: { 200: ThreatSeries, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => series(deps, req.query.country, req.query),
  );

  app.get(
    '/countries/:country/threats',
    {
      schema: {
        summary: `${SUMMARY}; for a country or one of its regions`,
        tags: ['threats'],
        params: CountryPath,
        querystring: CountryThreatsQuery,
        response: { 200: ThreatSeries, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => series(deps, req.params.country, req.query),
  );

  app.get(
    '/threats/countries',
    {
      schema: {
        summary: 'One threat domain over a window for every country with GKG articles (a map layer)',
        tags: ['threats'],
        querystring: ThreatCountriesQuery,
        response: { 200: ThreatCountries, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const q = req.query;
      const to = q.to ?? (await latestThreatDay(deps.store)) ?? deps.clock().toISOString().slice(0, 10);
      const from = addDays(to, -(q.days - 1));
      return {
        domain: q.domain,
        from,
        to,
        countries: await threatsByCountry(deps.store, q.domain, from, to),
      };
    },
  );

  app.get(
    '/threats/unmapped',
    {
      schema: {
        summary: 'GKG themes the threat map does not know: mentions per day and the most frequent',
        tags: ['threats'],
        querystring: UnmappedThemesQuery,
        response: { 200: UnmappedThemes, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const q = req.query;
      const window = await resolveThreatWindow(deps.store, deps.clock, 'day', q.from, q.to);
      return unmappedThemes(deps.store, q.from ?? addDays(window.to, -29), window.to, q.limit ?? 50);
    },
  );

  app.get(
    '/threats/map',
    {
      schema: {
        summary: 'The threat domains and the versioned map from GKG themes to them',
        tags: ['threats'],
        response: { 200: ThreatMap },
      },
      config: { cache: 'generation' },
    },
    async () => ({
      version: THEME_MAP_VERSION,
      domains: THREAT_DOMAINS.map(({ id, title, description }) => ({ id, title, description })),
      rules: Object.entries(THEME_RULES).map(([theme, domains]) => ({ theme, domains: [...domains] })),
    }),
  );
};
