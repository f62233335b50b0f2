export { loadGkg, type GkgInputs } from './load.ts';
export { DEFAULT_GKG_RETENTION_DAYS, pruneGkgRecords } from './prune.ts';
