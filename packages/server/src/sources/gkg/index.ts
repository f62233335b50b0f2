export { detectGkg, GKG_FORMAT_NAMES } from './detect.ts';
export { GKG1, GKG2, GKG_FORMATS, RAW_FIELDS, isGkgFormat, type GkgFormat } from './format.ts';
export { parseGkg1, parseGkg1Fields, parseGkg21, parseGkg21Fields } from './record.ts';
export type { GkgCount, GkgLocation, GkgRecord, GkgTheme, GkgTone } from './types.ts';
export { GkgFieldError } from './types.ts';
