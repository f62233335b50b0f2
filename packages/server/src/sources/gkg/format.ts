import type { Format, RawLayout } from '../util/format.ts';
import { GKG1_COLUMNS, GKG21_COLUMNS } from './layout.ts';
import { parseGkg1Fields, parseGkg21Fields } from './record.ts';
import type { GkgRecord } from './types.ts';

export const RAW_FIELDS = [
  'counts',
  'counts_v21',
  'themes',
  'themes_v2',
  'locations',
  'locations_v2',
] as const;
export type RawField = (typeof RAW_FIELDS)[number];

/** A GKG format: detected like the others, but read line by line in Node (its fields are nested lists). */
export interface GkgFormat extends Format {
  target: 'gkg';
  /** Parses a line split at its tabs; throws GkgFieldError. */
  parseFields(fields: readonly string[], lineNumber: number): GkgRecord;
  /** The nested fields kept as written in the raw records table, by column position. */
  rawFields: Readonly<Partial<Record<RawField, number>>>;
  /** A header line some files start with, skipped. */
  header?: string;
}

const textLayout = (names: readonly string[]): RawLayout => ({
  columns: names.map((name) => ({ name: name.replace(/\W/g, '_'), type: 'VARCHAR' })),
  delimiter: '\t',
  quote: '',
  skip: 0,
});

export const GKG2: GkgFormat = {
  id: 'gdelt2-gkg',
  source: 'gdelt2',
  title: 'GDELT Global Knowledge Graph 2.1',
  target: 'gkg',
  layouts: [textLayout(GKG21_COLUMNS)],
  encodings: ['utf-8'],
  mapping: {},
  parseFields: (fields) => parseGkg21Fields(fields),
  rawFields: { counts: 5, counts_v21: 6, themes: 7, themes_v2: 8, locations: 9, locations_v2: 10 },
};

export const GKG1: GkgFormat = {
  id: 'gdelt1-gkg',
  source: 'gdelt1',
  title: 'GDELT Global Knowledge Graph 1.0 (graph file)',
  target: 'gkg',
  layouts: [textLayout(GKG1_COLUMNS)],
  encodings: ['utf-8'],
  mapping: {},
  parseFields: parseGkg1Fields,
  rawFields: { counts: 2, themes: 3, locations: 4 },
  header: GKG1_COLUMNS.join('\t'),
};

export const GKG_FORMATS: readonly GkgFormat[] = [GKG2, GKG1];

export const isGkgFormat = (format: Format): format is GkgFormat => format.target === 'gkg';
