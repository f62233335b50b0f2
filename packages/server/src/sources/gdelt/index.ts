export { detectGdelt, GDELT_FORMAT_NAMES } from './detect.ts';
export { FORMATS, GDELT1_EVENTS, GDELT2_EVENTS, GDELT2_MENTIONS } from './formats.ts';
