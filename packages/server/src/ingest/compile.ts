import type { Expr, Format, RawLayout } from '../sources/util/format.ts';
import { ident, join, sql, type Sql } from '../store/sql.ts';
import type { Dialect } from '../store/store.ts';
import { LOOKUPS } from './reference.ts';

/** Fields that say where a record was read from, not what it says. */
const PROVENANCE = new Set(['source_file', 'feed']);

export interface LoadInputs {
  file: string;
  feed: string;
  batchId: number;
}

/**
 * Compiles a format's declarative mapping into one INSERT ... SELECT that reads the file with
 * the given layout, normalises every row and computes its content hash, inside the engine.
 */
export function compileLoad(
  format: Format,
  layout: RawLayout,
  read: Sql,
  inputs: LoadInputs,
  dialect: Dialect,
): Sql {
  const types = new Map(layout.columns.map((c) => [c.name, c.type]));
  const raw = (name: string) => (types.has(name) ? sql`r.${ident(name)}` : sql`NULL`);
  const compile = (expr: Expr): Sql => {
    if ('text' in expr) return sql`CAST(${raw(expr.text)} AS VARCHAR)`;
    if ('value' in expr) return sql`${expr.value}`;
    if ('input' in expr) return sql`${inputs[expr.input]}`;
    if ('prefixed' in expr) return sql`${expr.prefixed} || CAST(${raw(expr.col)} AS VARCHAR)`;
    if ('lookup' in expr) {
      if (!types.has(expr.col)) return sql`NULL`;
      const l = LOOKUPS[expr.lookup];
      if (types.get(expr.col) !== l.enumType) {
        throw new Error(`${format.id}: ${expr.col} must be read as ${l.enumType} to look up ${expr.lookup}`);
      }
      const value = dialect.enumLookup(raw(expr.col), l.values);
      return l.fallback === null ? value : sql`coalesce(${value}, ${l.fallback})`;
    }
    if ('firstOf' in expr) return sql`coalesce(${join(expr.firstOf.map(compile))})`;
    if ('col' in expr) return raw(expr.col);
    if ('flag' in expr) return sql`(CAST(${raw(expr.flag)} AS INTEGER) = 1)`;
    if ('coordinate' in expr) {
      if (!expr.geoType) return raw(expr.coordinate);
      return sql`CASE WHEN coalesce(${raw(expr.geoType)}, 0) > 0 THEN ${raw(expr.coordinate)} END`;
    }
    if ('quad' in expr) return sql`CAST(CAST(${raw(expr.quad)} AS VARCHAR) AS TINYINT)`;
    if ('epochSeconds' in expr) return sql`CAST(to_timestamp(${raw(expr.epochSeconds)}) AS TIMESTAMP)`;
    if ('day' in expr) return sql`CAST(${raw(expr.day)} AS DATE)`;
    if ('concat' in expr) {
      return sql`concat_ws('|', ${join(expr.concat.map((c) => sql`CAST(${raw(c)} AS VARCHAR)`))})`;
    }
    return sql`NULL`;
  };

  const fields = Object.keys(format.mapping);
  const selected = join(fields.map((f) => sql`${compile(format.mapping[f] as Expr)} AS ${ident(f)}`));
  // The content hash covers the canonical values (not where they were read from), so the same
  // event from a file of another layout is a duplicate, not a new version. The key hash, an
  // integer hash of the id, lets duplicate checks scan 8 bytes a row instead of the id string.
  const hashed = dialect.hash(fields.filter((f) => !PROVENANCE.has(f)).map((f) => sql`n.${ident(f)}`));
  const keyHash = dialect.hash([sql`n.${ident('id')}`]);
  // Referencing every raw column makes the reader parse and check each of them (no projection
  // pushdown), so a bad value anywhere in a row sets the row aside.
  const everyColumn = dialect.hash(layout.columns.map((c) => sql`r.${ident(c.name)}`));
  const columns = join([...fields, 'content_hash', 'key_hash', 'batch_id'].map(ident));
  return sql`INSERT INTO ${ident(format.target)} (${columns})
    SELECT n.*, ${hashed}, ${keyHash}, ${inputs.batchId}
    FROM (SELECT ${selected} FROM ${read} AS r WHERE ${everyColumn} IS NOT NULL) AS n`;
}
