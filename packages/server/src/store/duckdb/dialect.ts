import { ident, join, sql, trusted, type Sql } from '../sql.ts';
import type { DelimitedRead, Dialect } from '../store.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const TYPE = /^[A-Za-z_][A-Za-z0-9_]*(\(\d+(,\s*\d+)?\))?$/;

/** read_csv's options are constants, not bound parameters: each is quoted here from program values. */
function readCsv(read: DelimitedRead): Sql {
  for (const c of read.columns) {
    if (!TYPE.test(c.type) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c.name)) {
      throw new Error(`bad column in layout: ${c.name} ${c.type}`);
    }
  }
  const required = read.columns.filter((c) => c.required).map((c) => quote(c.name));
  const columns = read.columns.map((c) => `${quote(c.name)}: ${quote(c.type)}`).join(', ');
  const options = [
    `delim=${quote(read.delimiter)}`,
    `header=false`,
    `skip=${Math.trunc(read.skip)}`,
    `quote=${quote(read.quote)}`,
    `escape=${quote(read.quote)}`,
    `auto_detect=false`,
    `columns={${columns}}`,
    `store_rejects=true`,
    `rejects_table=${quote(read.rejectsTable)}`,
    `rejects_scan=${quote(`${read.rejectsTable}_scan`)}`,
    ...(required.length ? [`force_not_null=[${required.join(', ')}]`] : []),
    ...(read.dateFormat ? [`dateformat=${quote(read.dateFormat)}`] : []),
    ...(read.timestampFormat ? [`timestampformat=${quote(read.timestampFormat)}`] : []),
  ];
  return sql`read_csv(${read.file}, ${trusted(options.join(', '))})`;
}

/** Frame bounds are whole numbers of days written into the SQL (never user input). */
export function wholeDays(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`window bound ${n} is not a whole number of days`);
  return n;
}

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  readDelimited: readCsv,
  enumType: (name, values) =>
    sql`CREATE OR REPLACE TEMP TYPE ${ident(name)} AS ENUM (${trusted(values.map(quote).join(', '))})`,
  enumLookup: (value, values) =>
    sql`(CAST([${trusted(values.map((v) => (v === null ? 'NULL' : quote(v))).join(', '))}] AS VARCHAR[]))[enum_code(${value}) + 1]`,
  hash: (values) => sql`hash(${join(values)})`,
  // COPY's target is a constant: the path (a temp file of ours) is quoted here.
  exportParquet: (query, file) => sql`COPY (${query}) TO ${trusted(quote(file))} (FORMAT parquet)`,
  notedLastDay: null,
  decimal: (value, precision, scale) =>
    sql`CAST(${value} AS DECIMAL(${trusted(String(Math.trunc(precision)))}, ${trusted(String(Math.trunc(scale)))}))`,
  formatDate: (value, as) =>
    sql`strftime(${value}, ${trusted(as === 'day' ? "'%Y-%m-%d'" : "'%Y-%m-%dT%H:%M:%SZ'")})`,
  days: (n) => trusted(`INTERVAL ${wholeDays(n)} DAY`),
  quantileDisc: (value, q) => sql`quantile_disc(${value}, ${trusted(String(Number(q)))})`,
  unnest: (values) => sql`unnest([${join(values)}])`,
  round: (value, digits) => sql`round(${value}, ${trusted(String(Math.trunc(digits)))})`,
  splitPart: (value, separator, index) => sql`split_part(${value}, ${separator}, ${Math.trunc(index)})`,
  sortedDistinct: (value) => sql`list(DISTINCT ${value} ORDER BY ${value})`,
  integers: (count) => sql`(SELECT range AS i FROM range(${count}))`,
  jsonText: (json, path) => sql`json_extract_string(${json}, ${trusted(quote(path))})`,
  nextIds: (sequence, _highest, count) =>
    sql`SELECT id FROM (SELECT nextval(${sequence})::BIGINT AS id FROM range(${count})) ORDER BY id`,
  dateBucket(value, grain) {
    if (grain === 'day') return sql`CAST(${value} AS DATE)`;
    return sql`CAST(date_trunc(${grain}, ${value}) AS DATE)`;
  },
};
