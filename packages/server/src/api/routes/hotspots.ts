import {
  ApiError,
  Explanation,
  ExplainQuery,
  HotspotPath,
  HotspotRuns,
  Hotspots,
  HotspotsQuery,
} from '@peacebell/model';
import { lastDay } from '../../analytics/window.ts';
import { explainHotspot } from '../../analytics/hotspots/explain.ts';
import { listHotspots } from '../../analytics/hotspots/list.ts';
import { hotspotRange } from '../../analytics/hotspots/weeks.ts';
import { HOTSPOT_METHOD } from '../../analytics/hotspots/method.ts';
import { listRuns } from '../../analytics/hotspots/runs.ts';
import { ParamError } from '../../errors.ts';
import type { RouteModule } from '../deps.ts';

/** Hotspots of a day or range, one unit's explanation, and the stored runs. */
export const hotspotRoutes: RouteModule = (app, deps) => {
  app.get(
    '/hotspots',
    {
      schema: {
        summary: 'Where conflict is escalating: hotspots of a day or range, most severe first',
        description: 'The method is in docs/hotspots.md.',
        tags: ['hotspots'],
        querystring: HotspotsQuery,
        response: { 200: Hotspots, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const q = req.query;
      if (q.date && (q.from || q.to)) throw new ParamError('date', 'give either date, or from and to');
      const { from, to } = hotspotRange(q, await lastDay(deps.store, deps.clock), q.grain);
      if (from > to) throw new ParamError('from', `from (${from}) is after to (${to})`);
      const request = {
        unit: q.unit,
        from,
        to,
        grain: q.grain,
        regions: q.regions === 'true',
        ...(q.country ? { country: q.country } : {}),
        ...(q.threat ? { threat: q.threat } : {}),
      };
      const { rows } = await listHotspots(deps.store, request, { source: q.source, level: q.level });
      return { from, to, method: { id: HOTSPOT_METHOD.id, version: HOTSPOT_METHOD.version }, hotspots: rows };
    },
  );

  app.get(
    '/hotspots/:country/explain',
    {
      schema: {
        summary:
          'Why a country (or region) is a hotspot on a day: its series against the baseline, drivers, top events',
        tags: ['hotspots'],
        params: HotspotPath,
        querystring: ExplainQuery,
        response: { 200: Explanation, 400: ApiError },
      },
      config: { cache: 'generation' },
    },
    async (req) => {
      const date = req.query.date ?? (await lastDay(deps.store, deps.clock));
      return explainHotspot(deps.store, req.params.country, date, req.query.adm1 ?? '');
    },
  );

  app.get(
    '/hotspots/runs',
    {
      schema: {
        summary: 'Stored hotspot runs: method, version, parameters, range, the newest import they saw',
        tags: ['hotspots'],
        response: { 200: HotspotRuns },
      },
      config: { cache: 'generation' },
    },
    async () => ({ runs: await listRuns(deps.store) }),
  );
};
