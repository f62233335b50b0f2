import type { Sql } from './sql.ts';

export type Row = Record<string, unknown>;

/** Engine-specific SQL pieces, so shared code never tweaks strings per engine. */
export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  /** A row source reading a delimited text file with an explicit schema (see DelimitedRead). */
  readDelimited(read: DelimitedRead): Sql;
  /** A 64-bit hash of the values, stable for identical inputs. */
  hash(values: readonly Sql[]): Sql;
  /** DDL for a connection-scoped enum type; a value outside it fails to read. */
  enumType(name: string, values: readonly string[]): Sql;
  /** The entry of `values` at the position of an enum value (NULL stays NULL). */
  enumLookup(value: Sql, values: readonly (string | null)[]): Sql;
  /** Truncates a DATE/TIMESTAMP to the start of its UTC day, ISO week, month or year (a DATE). */
  dateBucket(value: Sql, grain: 'day' | 'week' | 'month' | 'year'): Sql;
  /** A DATE/TIMESTAMP as text: 'YYYY-MM-DD' ('day') or 'YYYY-MM-DDTHH:MM:SSZ' ('time'); NULL stays NULL. */
  formatDate(value: Sql, as: 'day' | 'time'): Sql;
  /** A window frame offset of `n` days over a DATE ordering, written as a literal (see scan-sql.ts). */
  days(n: number): Sql;
  /** The element at the q-quantile of a group (DuckDB's quantile_disc: the ceil(n·q)-th smallest). */
  quantileDisc(value: Sql, q: number): Sql;
  /** One row per element of the list (in a SELECT list). */
  unnest(values: readonly Sql[]): Sql;
  /** Rounds half away from zero to `digits` decimals (ClickHouse's round() rounds half to even). */
  round(value: Sql, digits: number): Sql;
  /** The `index`-th (from 1) part of text split at a one-character separator. */
  splitPart(value: Sql, separator: string, index: number): Sql;
  /** A group's distinct values, as a sorted list. */
  sortedDistinct(value: Sql): Sql;
  /** A statement writing the rows of `query` to a Parquet file, for bulk copies. */
  exportParquet(query: Sql, file: string): Sql;
  /**
   * A cheap query of the last day with located events as noted by the newest commit (`day`, as
   * text; NULL when not noted), for an engine whose rollup views make `max(day)` a scan
   * (ClickHouse: store/clickhouse/views.ts). Null where the rollup answers at once (DuckDB).
   */
  readonly notedLastDay: Sql | null;
  /** A number as DECIMAL(precision, scale), rounded to the scale (never truncated). */
  decimal(value: Sql, precision: number, scale: number): Sql;
  /** A row source of the integers 0 .. count-1 in a column `i`. */
  integers(count: Sql): Sql;
  /**
   * A query of `count` new values of a counter, ascending, in a column `id`: DuckDB's sequence
   * `sequence`. ClickHouse has no sequences: the values after `highest` (a query of the highest
   * value in use), which is right with one writer at a time.
   */
  nextIds(sequence: string, highest: Sql, count: number): Sql;
  /** The text at a JSON path (`$.a.b`, a constant of ours) of a JSON text; a JSON null compares as no text. */
  jsonText(json: Sql, path: string): Sql;
}

export interface DelimitedColumn {
  name: string;
  /** A SQL type name, or the name of an enum type made by `enumType`. */
  type: string;
  /** An empty value is an error (the row is rejected) rather than NULL. */
  required?: boolean;
}

export interface DelimitedRead {
  file: string;
  delimiter: string;
  /** '' for none; '"' for RFC 4180 quoting (doubled quotes inside, newlines allowed). */
  quote: string;
  /** Lines to skip before the first data line. */
  skip: number;
  columns: readonly DelimitedColumn[];
  dateFormat?: string;
  timestampFormat?: string;
  /** Rows that fail to parse are recorded here rather than failing the read. */
  rejectsTable: string;
}

/** Lines the engine could not read, grouped per line. */
export interface ReadReject {
  line: number;
  field: string | null;
  reason: string;
  text: string;
}

/** The one interface the rest of peacebell uses to reach the event store. */
export interface Store {
  readonly dialect: Dialect;
  readonly location: string;
  query<T extends object = Row>(query: Sql): Promise<T[]>;
  exec(query: Sql): Promise<void>;
  /** Rows in batches, for results too large to hold at once. */
  stream<T extends object = Row>(query: Sql): AsyncIterable<T[]>;
  /** Appends plain rows to a table in one call. */
  insert(table: string, rows: readonly Row[]): Promise<void>;
  /** Runs fn inside one transaction: all of it is committed, or none. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** Reads back and clears the rejects a DelimitedRead recorded. */
  takeReadRejects(rejectsTable: string): Promise<ReadReject[]>;
  /**
   * A second handle on the same store with its own connection and transactions, for readers
   * (the API) that must not see, or wait inside, a writer's open transaction. Closing it leaves
   * this store open.
   */
  reader(): Promise<Store>;
  close(): Promise<void>;
}
