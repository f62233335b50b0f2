import { ident, join, sql, trusted, type Sql } from '../sql.ts';

/**
 * ClickHouse DDL from one description per table, for a single server or a cluster. Column lists
 * are written in the DuckDB schema's words (`id VARCHAR NOT NULL`), so both engines' schemas read
 * alike; `columnType` maps each type, and a column without NOT NULL becomes Nullable.
 */
export interface TableSpec {
  name: string;
  /** `name TYPE [NOT NULL]` entries, comma-separated. */
  columns: string;
  /** MergeTree family engine without the Replicated prefix, e.g. 'MergeTree' or 'ReplacingMergeTree(v)'. */
  engine?: string;
  orderBy: string;
  partitionBy?: string;
  /** Table SETTINGS, e.g. 'allow_nullable_key = 1'. */
  settings?: string;
  /** Sharding key of the Distributed table in cluster mode (default rand()). */
  shardBy?: string;
}

/** Where the DDL goes: one server, or every node of a named cluster. */
export interface Topology {
  cluster?: string;
  /** The database, needed by Distributed tables (cluster mode). */
  database: string;
}

const TYPES: Record<string, string> = {
  VARCHAR: 'String',
  DATE: 'Date',
  TIMESTAMP: "DateTime64(3, 'UTC')",
  BIGINT: 'Int64',
  UBIGINT: 'UInt64',
  INTEGER: 'Int32',
  SMALLINT: 'Int16',
  TINYINT: 'Int8',
  DOUBLE: 'Float64',
  BOOLEAN: 'Bool',
};

/** The ClickHouse type of a DuckDB column type name. */
export function columnType(type: string, notNull: boolean): string {
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/i.exec(type);
  const base = decimal ? `Decimal(${decimal[1]}, ${decimal[2]})` : TYPES[type.toUpperCase()];
  if (!base) throw new Error(`no ClickHouse type for ${type}`);
  return notNull ? base : `Nullable(${base})`;
}

export interface Column {
  name: string;
  type: string;
}

/** Parses `name TYPE [NOT NULL]` entries into ClickHouse columns. */
export function parseColumns(columns: string): Column[] {
  return columns
    .split(/,(?![^(]*\))/)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+(?:\(\d+,\s*\d+\))?)(\s+NOT NULL)?$/i.exec(c);
      if (!m) throw new Error(`bad column: ${c}`);
      return { name: m[1] as string, type: columnType(m[2] as string, Boolean(m[3])) };
    });
}

/** The names of a column list, in order. */
export const columnNames = (columns: string): string[] => parseColumns(columns).map((c) => c.name);

const onCluster = (t: Topology) => (t.cluster ? sql` ON CLUSTER ${ident(t.cluster)}` : sql``);

/** The local table's engine: Replicated in cluster mode, with the usual Keeper path macros. */
function engine(spec: TableSpec, t: Topology, local: string): string {
  const family = spec.engine ?? 'MergeTree';
  if (!t.cluster) return family.includes('(') ? family : `${family}()`;
  const m = /^(\w+)(?:\((.*)\))?$/.exec(family);
  if (!m) throw new Error(`bad engine ${family}`);
  const args = [`'/clickhouse/tables/{shard}/{database}/${local}'`, `'{replica}'`, ...(m[2] ? [m[2]] : [])];
  return `Replicated${m[1]}(${args.join(', ')})`;
}

function columnsDdl(columns: readonly Column[]): Sql {
  // NOT NULL spelled out: stores run with data_type_default_nullable, as SQL has it.
  return join(
    columns.map(
      (c) => sql`${ident(c.name)} ${trusted(c.type.startsWith('Nullable(') ? c.type : `${c.type} NOT NULL`)}`,
    ),
  );
}

/**
 * CREATE statements of a table. In cluster mode: a replicated `<name>_local` on every node and
 * a Distributed `<name>` over them, sharded by `shardBy`.
 */
export function createTable(spec: TableSpec, t: Topology): Sql[] {
  const columns = parseColumns(spec.columns);
  const local = t.cluster ? `${spec.name}_local` : spec.name;
  const partition = spec.partitionBy ? sql` PARTITION BY ${trusted(spec.partitionBy)}` : sql``;
  const settings = spec.settings ? sql` SETTINGS ${trusted(spec.settings)}` : sql``;
  const statements = [
    sql`CREATE TABLE IF NOT EXISTS ${ident(local)}${onCluster(t)} (${columnsDdl(columns)})
      ENGINE = ${trusted(engine(spec, t, local))}${partition} ORDER BY (${trusted(spec.orderBy)})${settings}`,
  ];
  if (t.cluster) {
    statements.push(
      sql`CREATE TABLE IF NOT EXISTS ${ident(spec.name)}${onCluster(t)} AS ${ident(local)}
        ENGINE = Distributed(${ident(t.cluster)}, ${ident(t.database)}, ${ident(local)}, ${trusted(spec.shardBy ?? 'rand()')})`,
    );
  }
  return statements;
}

/** A view (on every node in cluster mode). */
export function createView(name: string, select: Sql, t: Topology): Sql {
  return sql`CREATE OR REPLACE VIEW ${ident(name)}${onCluster(t)} AS ${select}`;
}

/** Adds a column to a table (and, in cluster mode, to its local tables first). */
export function addColumn(table: string, column: string, t: Topology): Sql[] {
  const [c] = parseColumns(column) as [Column];
  const add = (name: string) =>
    sql`ALTER TABLE ${ident(name)}${onCluster(t)} ADD COLUMN IF NOT EXISTS ${columnsDdl([c])}`;
  return t.cluster ? [add(`${table}_local`), add(table)] : [add(table)];
}

/** The physical tables a DELETE must reach: the local ones in cluster mode. */
export function localName(table: string, t: Topology): string {
  return t.cluster ? `${table}_local` : table;
}

export { onCluster };
