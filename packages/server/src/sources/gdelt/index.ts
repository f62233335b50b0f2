export { detectFormat, FORMAT_NAMES, type Detected } from './detect.ts';
export { FORMATS, GDELT1_EVENTS, GDELT2_EVENTS, GDELT2_MENTIONS, type Expr, type Format } from './formats.ts';
export type { RawColumn, RawLayout, RawType } from './layouts.ts';
