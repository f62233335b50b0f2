export { BASELINE_PERIODS, changeAgainstBaseline, periodsBack } from './baseline.ts';
export { threatsByCountry, type ThreatCountry } from './countries.ts';
export { threatEvidence, type ThreatEvidence } from './evidence.ts';
export { threatSeries, type ThreatRequest, type ThreatRow, type ThreatSeries } from './series.ts';
export { latestThreatDay, resolveThreatWindow, unmappedThemes, type UnmappedThemes } from './unmapped.ts';
