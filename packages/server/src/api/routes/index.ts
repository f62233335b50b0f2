import type { RouteModule } from '../deps.ts';
import { adminRoutes } from './admin.ts';
import { alertRoutes } from './alerts.ts';
import { countryRoutes } from './countries.ts';
import { indicatorRoutes } from './indicators.ts';
import { pairRoutes } from './pairs.ts';
import { rejectRoutes } from './rejects.ts';
import { eventRoutes } from './events.ts';
import { healthRoutes } from './health.ts';
import { hotspotRoutes } from './hotspots.ts';
import { sourceRoutes } from './sources.ts';
import { threatRoutes } from './threats.ts';

/** Every route module, registered under /api/v1 in this order; add a resource's module here. */
export const ROUTES: readonly RouteModule[] = [
  healthRoutes,
  eventRoutes,
  sourceRoutes,
  indicatorRoutes,
  countryRoutes,
  pairRoutes,
  hotspotRoutes,
  threatRoutes,
  rejectRoutes,
  alertRoutes,
  adminRoutes,
];
