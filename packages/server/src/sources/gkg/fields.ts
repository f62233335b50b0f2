import { GkgFieldError, type GkgCount, type GkgLocation, type GkgTheme, type GkgTone } from './types.ts';

/** Parsers of GKG's nested fields: `;` between items, `#` or `,` inside one. Each names its field when it fails. */

const items = (text: string) => text.split(';').filter((s) => s !== '');

const INT = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function int(text: string, field: string, what: string): number {
  if (!INT.test(text))
    throw new GkgFieldError(field, `${what} is not a whole number: ${JSON.stringify(text)}`);
  return Number(text);
}

function optionalInt(text: string, field: string, what: string): number | null {
  return text === '' ? null : int(text, field, what);
}

function coordinate(text: string, field: string, limit: number, what: string): number | null {
  if (text === '') return null;
  const value = NUMBER.test(text) ? Number(text) : NaN;
  if (!(Math.abs(value) <= limit))
    throw new GkgFieldError(field, `${what} ${JSON.stringify(text)} is not a coordinate`);
  return value;
}

/** The location fields in V1 order (type, name, country, ADM1, [ADM2,] lat, lon, feature[, offset]). */
function location(parts: readonly string[], field: string, v2: boolean): GkgLocation {
  const [type = '', name = '', countryCode = '', adm1 = ''] = parts;
  const rest = parts.slice(v2 ? 5 : 4);
  const [lat = '', lon = '', featureId = '', offset = ''] = rest;
  const t = int(type, field, 'location type');
  if (t < 1 || t > 5) throw new GkgFieldError(field, `location type ${t} is not 1..5`);
  return {
    type: t,
    name,
    countryCode,
    adm1,
    adm2: v2 ? (parts[4] ?? '') : null,
    lat: coordinate(lat, field, 90, 'latitude'),
    lon: coordinate(lon, field, 180, 'longitude'),
    featureId,
    offset: v2 ? optionalInt(offset, field, 'location offset') : null,
  };
}

/** V1Locations (7 `#` fields each) or V2EnhancedLocations (9: ADM2 and the character offset added). */
export function parseLocations(text: string, field: string, v2: boolean): GkgLocation[] {
  const width = v2 ? 9 : 7;
  return items(text).map((item) => {
    const parts = item.split('#');
    if (parts.length !== width) {
      throw new GkgFieldError(
        field,
        `a location has ${parts.length} '#' fields, expected ${width}: ${JSON.stringify(item.slice(0, 80))}`,
      );
    }
    return location(parts, field, v2);
  });
}

/** V1Counts (10 `#` fields: type, count, object type, then a V1 location) or V2.1Counts (11: the offset added). */
export function parseCounts(text: string, field: string, v21: boolean): GkgCount[] {
  const width = v21 ? 11 : 10;
  return items(text).map((item) => {
    const parts = item.split('#');
    if (parts.length !== width) {
      throw new GkgFieldError(
        field,
        `a count has ${parts.length} '#' fields, expected ${width}: ${JSON.stringify(item.slice(0, 80))}`,
      );
    }
    const [type = '', count = '', objectType = ''] = parts;
    if (type === '') throw new GkgFieldError(field, 'a count has no type');
    const place = parts.slice(3, 10);
    const located = place[0] !== '' && place[0] !== '0';
    return {
      type,
      count: int(count, field, `count of ${type}`),
      objectType,
      location: located ? location(place, field, false) : null,
      offset: v21 ? optionalInt(parts[10] ?? '', field, 'count offset') : null,
    };
  });
}

export const parseThemes = (text: string): string[] => items(text);

/** V2EnhancedThemes: `THEME,offset` items. */
export function parseEnhancedThemes(text: string, field: string): GkgTheme[] {
  return items(text).map((item) => {
    const comma = item.lastIndexOf(',');
    if (comma <= 0)
      throw new GkgFieldError(field, `a theme has no offset: ${JSON.stringify(item.slice(0, 80))}`);
    return { theme: item.slice(0, comma), offset: int(item.slice(comma + 1), field, 'theme offset') };
  });
}

/** V2Tone: 7 comma-separated numbers (GKG 1.0's TONE has the first 6); empty is no tone. */
export function parseTone(text: string, field: string): GkgTone | null {
  if (text === '') return null;
  const parts = text.split(',');
  if (parts.length !== 7 && parts.length !== 6) {
    throw new GkgFieldError(field, `has ${parts.length} comma-separated values, expected 7`);
  }
  const values = parts.map((p) => {
    if (!NUMBER.test(p)) throw new GkgFieldError(field, `${JSON.stringify(p)} is not a number`);
    return Number(p);
  });
  const [tone = 0, positive = 0, negative = 0, polarity = 0, activity = 0, selfGroup = 0] = values;
  return { tone, positive, negative, polarity, activity, selfGroup, wordCount: values[6] ?? null };
}

const STAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/;

/** 'YYYYMMDDHHMMSS' (GKG 2.1) or 'YYYYMMDD' (GKG 1.0) → ISO UTC, refusing impossible dates. */
export function parseStamp(text: string, field: string): string {
  const m = STAMP.exec(text);
  const full = m && (text.length === 8 || text.length === 14);
  const iso = full ? `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}Z` : '';
  const ms = Date.parse(iso);
  if (!full || Number.isNaN(ms) || new Date(ms).toISOString() !== iso.replace('Z', '.000Z')) {
    throw new GkgFieldError(field, `${JSON.stringify(text.slice(0, 20))} is not a date YYYYMMDDHHMMSS`);
  }
  return iso;
}
