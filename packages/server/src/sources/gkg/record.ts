import {
  parseCounts,
  parseEnhancedThemes,
  parseLocations,
  parseStamp,
  parseThemes,
  parseTone,
} from './fields.ts';
import { GKG1_COLUMNS, GKG21_COLUMNS } from './layout.ts';
import { GkgFieldError, type GkgRecord } from './types.ts';

const C = Object.fromEntries(GKG21_COLUMNS.map((name, i) => [name, i])) as Record<
  (typeof GKG21_COLUMNS)[number],
  number
>;

function checkWidth(fields: readonly string[], expected: number): void {
  if (fields.length !== expected) {
    throw new GkgFieldError('', `has ${fields.length} tab-separated columns, expected ${expected}`);
  }
}

/** One GKG 2.1 line (without its line end); throws GkgFieldError naming the field at fault. */
export const parseGkg21 = (line: string): GkgRecord => parseGkg21Fields(line.split('\t'));

/** A GKG 2.1 line split at its tabs. */
export function parseGkg21Fields(f: readonly string[]): GkgRecord {
  checkWidth(f, GKG21_COLUMNS.length);
  const at = (i: number) => f[i] as string;
  const id = at(C.GKGRECORDID);
  if (id === '') throw new GkgFieldError('GKGRECORDID', 'is empty');
  const collection = at(C.V2SOURCECOLLECTIONIDENTIFIER);
  if (!/^\d{1,2}$/.test(collection)) {
    throw new GkgFieldError(
      'V2SOURCECOLLECTIONIDENTIFIER',
      `${JSON.stringify(collection)} is not a collection number`,
    );
  }
  return {
    id,
    date: parseStamp(at(C['V2.1DATE']), 'V2.1DATE'),
    articles: 1,
    collection: Number(collection),
    sourceName: at(C.V2SOURCECOMMONNAME),
    documentId: at(C.V2DOCUMENTIDENTIFIER),
    v1Counts: parseCounts(at(C.V1COUNTS), 'V1COUNTS', false),
    v21Counts: parseCounts(at(C['V2.1COUNTS']), 'V2.1COUNTS', true),
    v1Themes: parseThemes(at(C.V1THEMES)),
    v2Themes: parseEnhancedThemes(at(C.V2ENHANCEDTHEMES), 'V2ENHANCEDTHEMES'),
    v1Locations: parseLocations(at(C.V1LOCATIONS), 'V1LOCATIONS', false),
    v2Locations: parseLocations(at(C.V2ENHANCEDLOCATIONS), 'V2ENHANCEDLOCATIONS', true),
    tone: parseTone(at(C['V1.5TONE']), 'V1.5TONE'),
    translationInfo: at(C['V2.1TRANSLATIONINFO']),
  };
}

const G1 = Object.fromEntries(GKG1_COLUMNS.map((name, i) => [name, i])) as Record<
  (typeof GKG1_COLUMNS)[number],
  number
>;

/**
 * One GKG 1.0 graph line as a record: no record id (made from the date and the line), NUMARTS
 * articles, the first of its source URLs (`<UDIV>`-separated) as the document.
 */
export const parseGkg1 = (line: string, lineNumber: number): GkgRecord =>
  parseGkg1Fields(line.split('\t'), lineNumber);

/** A GKG 1.0 graph line split at its tabs. */
export function parseGkg1Fields(f: readonly string[], lineNumber: number): GkgRecord {
  checkWidth(f, GKG1_COLUMNS.length);
  const at = (i: number) => f[i] as string;
  const date = parseStamp(at(G1.DATE), 'DATE');
  const articles = at(G1.NUMARTS);
  if (!/^[1-9]\d{0,8}$/.test(articles))
    throw new GkgFieldError('NUMARTS', `${JSON.stringify(articles)} is not a count`);
  return {
    id: `${at(G1.DATE)}-L${lineNumber}`,
    date,
    articles: Number(articles),
    collection: 1,
    sourceName: at(G1.SOURCES).split(';')[0] ?? '',
    documentId: at(G1.SOURCEURLS).split('<UDIV>')[0] ?? '',
    v1Counts: parseCounts(at(G1.COUNTS), 'COUNTS', false),
    v21Counts: [],
    v1Themes: parseThemes(at(G1.THEMES)),
    v2Themes: [],
    v1Locations: parseLocations(at(G1.LOCATIONS), 'LOCATIONS', false),
    v2Locations: [],
    tone: parseTone(at(G1.TONE), 'TONE'),
    translationInfo: '',
  };
}
