import {
  HOTSPOT_LEVELS,
  HOTSPOT_PHASES,
  type HotspotLevel,
  type HotspotPhase,
  type Source,
  type ThreatDomain,
} from '@peacebell/model';

export const LEVELS = HOTSPOT_LEVELS;
export type Level = HotspotLevel;
export const PHASES = HOTSPOT_PHASES;
export type Phase = HotspotPhase;

/** What a hotspot is about: a country (ISO3) or a region of one. */
export interface HotspotUnit {
  country: string;
  /** The region (ADM1) for unit 'adm1'; '' for a country. */
  adm1: string;
}

/** One unit, one source (or 'all' of them together), one day: the test behind a hotspot. */
export interface HotspotDay extends HotspotUnit {
  source: Source | 'all';
  /** For a country's combined row scanned with regions: the region that led ('' when the country did). */
  region: string;
  day: string;
  level: Level;
  /** −log10 of the upper-tail probability of the recent count under the baseline (after correction). */
  score: number;
  /** Conflict events in the 7 days up to `day`. */
  count: number;
  /** What the baseline expects for those 7 days (news volume taken into account). */
  expected: number;
  /** Best fatality estimates in the 7 days, where the source has them. */
  deaths: number;
  deaths_expected: number;
  /** 0..1: from the evidence's volume and how many of the sources with data agree. */
  confidence: number;
  /** Sources with data for the unit in the window, and how many of them flag it (for 'all'). */
  sources: number;
  sources_agreeing: number;
  phase: Phase;
}

export interface ScanRequest {
  unit: 'country' | 'adm1';
  from: string;
  to: string;
  /** Only this country (and, for adm1, its regions). */
  country?: string;
  /**
   * 'day' (default): a test every day over the 7 days to it. 'week': a test at the end of each ISO
   * week (Sunday) over that week, Monday to Sunday, for weekly data and weekly reports.
   */
  grain?: 'day' | 'week';
  /** For unit 'country': weigh each country's regions (ADM1) too in its combined rows. */
  regions?: boolean;
  /** Read raw events instead of the rollups (same result, slower; the benchmark's baseline). */
  raw?: boolean;
  /** Scan GDELT GKG articles of this threat domain (docs/threats.md) instead of conflict events. */
  threat?: ThreatDomain;
}
