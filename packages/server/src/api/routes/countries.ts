import {
  addDays,
  ApiError,
  ConflictSeriesQuery,
  ConflictSeriesResult,
  CountriesQuery,
  CountriesStatus,
  CountryPath,
  countryByIso3,
  Partners,
  PartnersQuery,
  Regions,
  RegionsQuery,
} from '@peacebell/model';
import { conflictSeries, countriesStatus } from '../../analytics/countries.ts';
import { regionsOf } from '../../analytics/regions.ts';
import { partners } from '../../analytics/relations.ts';
import { lastDay, resolveWindow } from '../../analytics/window.ts';
import type { RouteModule } from '../deps.ts';

/** Countries with their latest week, and a country's partners ranked. */
export const countryRoutes: RouteModule = (app, deps) => {
  app.get(
    '/countries',
    {
      schema: {
        summary: 'Every country with events: its last 7 days against the 28 before, most active first',
        tags: ['countries'],
        querystring: CountriesQuery,
        response: { 200: CountriesStatus, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => countriesStatus(deps.store, req.query.date, req.query.source),
  );

  app.get(
    '/conflict-series',
    {
      schema: {
        summary: 'Daily conflict events of a few countries (sparklines), days without events as 0',
        tags: ['countries'],
        querystring: ConflictSeriesQuery,
        response: { 200: ConflictSeriesResult, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const q = req.query;
      const to = q.to ?? (await lastDay(deps.store, deps.clock));
      const from = addDays(to, -(q.days - 1));
      return { from, to, series: await conflictSeries(deps.store, q.countries, from, to) };
    },
  );

  app.get(
    '/countries/:country/regions',
    {
      schema: {
        summary: 'A country’s first-level regions (ADM1) over a window, the most active first',
        tags: ['countries'],
        params: CountryPath,
        querystring: RegionsQuery,
        response: { 200: Regions, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const { country } = req.params;
      const q = req.query;
      const window = await resolveWindow(deps.store, deps.clock, 'day', q.from, q.to);
      return {
        country,
        ...window,
        regions: await regionsOf(deps.store, country, window.from, window.to, q.source),
      };
    },
  );

  app.get(
    '/countries/:country/partners',
    {
      schema: {
        summary: 'A country’s partners, most reported relations first, with the relations index both ways',
        tags: ['countries', 'relations'],
        params: CountryPath,
        querystring: PartnersQuery,
        response: { 200: Partners, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const { country } = req.params;
      const q = req.query;
      const window = await resolveWindow(deps.store, deps.clock, 'day', q.from, q.to);
      const ranked = await partners(
        deps.store,
        country,
        { ...window, ...(q.source ? { sources: q.source } : {}) },
        q.limit,
      );
      return {
        country,
        ...window,
        partners: ranked.map((p) => ({ ...p, name: countryByIso3(p.partner)?.name ?? null })),
      };
    },
  );
};
