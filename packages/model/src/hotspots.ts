import { z } from 'zod';

/** How bad a hotspot is, lowest first (docs/hotspots.md). */
export const HOTSPOT_LEVELS = ['watch', 'warning', 'alert'] as const;
export const HotspotLevel = z.enum(HOTSPOT_LEVELS);
export type HotspotLevel = z.infer<typeof HotspotLevel>;

/** Where a hotspot is in its course. */
export const HOTSPOT_PHASES = ['new', 'intensifying', 'persistent', 'diminishing', 'ended'] as const;
export const HotspotPhase = z.enum(HOTSPOT_PHASES);
export type HotspotPhase = z.infer<typeof HotspotPhase>;
