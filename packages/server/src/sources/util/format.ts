import type { Source } from '@peacebell/model';

/**
 * What every source declares so that ingest can bulk-load its files inside the engine: raw
 * layouts (typed columns) and a declarative mapping from raw columns to canonical fields.
 */

/** SQL types, or the reference enums of ingest/reference.ts: a value outside an enum is an unknown code, and sets the row aside. */
export type RawType =
  | 'BIGINT'
  | 'INTEGER'
  | 'TINYINT'
  | 'DOUBLE'
  | 'VARCHAR'
  | 'DATE'
  | 'TIMESTAMP'
  | 'cameo_event_code'
  | 'cameo_country_code'
  | 'fips_country_code'
  | 'quad_class_code'
  | 'iso_numeric_code'
  | 'gw_code'
  | 'country_name'
  | 'acled_event_type'
  | 'acled_sub_event_type'
  | 'ucdp_violence_type';

export interface RawColumn {
  name: string;
  type: RawType;
  /** An empty value sets the row aside instead of loading as NULL. */
  required?: boolean;
}

export interface RawLayout {
  columns: readonly RawColumn[];
  delimiter: string;
  /** '' for none (GDELT), '"' for RFC 4180 CSV (quoted fields may hold delimiters and newlines). */
  quote: string;
  /** Lines before the first data line (preamble, header, HXL hashtag row). */
  skip: number;
  dateFormat?: string;
  timestampFormat?: string;
}

/** How a canonical column of the `target` table is made from raw columns. */
export type Expr =
  | { col: string }
  | { text: string }
  | { value: string }
  | { concat: readonly string[] }
  | { input: 'file' | 'feed' }
  | { prefixed: string; col: string }
  | { lookup: LookupName; col: string }
  | { firstOf: readonly Expr[] }
  | { flag: string }
  | { coordinate: string; geoType?: string }
  | { quad: string }
  | { epochSeconds: string }
  | { day: string }
  | { empty: true };

export type LookupName =
  | 'iso3_by_fips'
  | 'iso3_by_cameo'
  | 'iso3_by_isonum'
  | 'iso3_by_gw'
  | 'iso3_by_name'
  | 'category_by_event'
  | 'domain_by_event'
  | 'base_by_event'
  | 'root_by_event'
  | 'quad_by_event'
  | 'category_by_acled_type'
  | 'domain_by_acled_type'
  | 'category_by_acled_sub_type'
  | 'domain_by_acled_sub_type'
  | 'category_by_ucdp_type'
  | 'domain_by_ucdp_type';

/** A header-led text format (ACLED, UCDP, ICEWS): recognised by its header, laid out from it. */
export interface HeaderedText {
  delimiter: ',' | '\t';
  /** True when the (normalised) header names are this format's. */
  recognise(names: readonly string[]): boolean;
  /** The typed layout for this header; `sample` is the first data record's values by name. */
  layout(
    names: readonly string[],
    sample: Readonly<Record<string, string>>,
  ): Omit<RawLayout, 'skip' | 'delimiter' | 'quote'>;
}

export interface Format {
  id: string;
  source: Source;
  title: string;
  target: 'events' | 'gdelt_mentions' | 'gkg';
  /** Headerless formats: the layouts tried in order (a row goes in through the first that reads it). */
  layouts?: readonly RawLayout[];
  headered?: HeaderedText;
  /** Text encodings accepted; anything else is refused. */
  encodings: readonly ('utf-8' | 'windows-1252')[];
  mapping: Readonly<Record<string, Expr>>;
}

/** Header names as identifiers: 'CAMEO Code' → 'cameo_code', '' → 'column_7'. */
export function normaliseNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    let name = raw
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (!name || /^\d/.test(name)) name = `column_${i + 1}`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n === 0 ? name : `${name}_${n + 1}`;
  });
}

/** Splits one CSV line (no embedded newlines) into fields, honouring double quotes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  if (delimiter === '\t' && !line.includes('"')) return line.split('\t');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** A headered layout's columns: each header name typed from the format's table (text otherwise). */
export function typedColumns(
  names: readonly string[],
  types: Readonly<Record<string, RawType>>,
  required: ReadonlySet<string>,
  fallback: (name: string) => RawType = () => 'VARCHAR',
): RawColumn[] {
  return names.map((name) => ({
    name,
    type: types[name] ?? fallback(name),
    ...(required.has(name) ? { required: true } : {}),
  }));
}

/** Canonical fields a source does not have: NULL. */
export function absent<K extends string>(...fields: K[]): Record<K, Expr> {
  return Object.fromEntries(fields.map((f) => [f, { empty: true }])) as Record<K, Expr>;
}
