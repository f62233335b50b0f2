import { join, sql, trusted } from '../sql.ts';
import { wholeDays } from '../duckdb/dialect.ts';
import type { Dialect } from '../store.ts';
import { NOTED_LAST_DAY } from './views.ts';

const unsupported = (what: string) => () => {
  throw new Error(
    `${what} is not available on ClickHouse: files are read and checked in a temporary DuckDB store, then copied (docs/clickhouse.md)`,
  );
};

export const clickhouseDialect: Dialect = {
  name: 'clickhouse',
  readDelimited: unsupported('reading a delimited file'),
  enumType: unsupported('an enum type'),
  enumLookup: unsupported('an enum lookup'),
  hash: (values) => sql`cityHash64(${join(values)})`,
  exportParquet: unsupported('writing a Parquet file'),
  notedLastDay: NOTED_LAST_DAY,
  // CAST to Decimal truncates in ClickHouse; DuckDB rounds. Round at the scale first, on a
  // wider decimal, so both store the same value.
  decimal: (value, precision, scale) => {
    const p = trusted(String(Math.trunc(precision)));
    const s = trusted(String(Math.trunc(scale)));
    return sql`CAST(round(toDecimal128(${value}, ${trusted(String(Math.trunc(scale) + 6))}), ${s}) AS Decimal(${p}, ${s}))`;
  },
  formatDate: (value, as) =>
    sql`formatDateTime(${value}, ${trusted(as === 'day' ? "'%Y-%m-%d'" : "'%Y-%m-%dT%H:%i:%SZ'")}, 'UTC')`,
  days: (n) => trusted(String(wholeDays(n))),
  quantileDisc: (value, q) =>
    sql`arrayElement(arraySort(groupArray(${value})), toUInt64(greatest(1, ceil(count() * ${trusted(String(Number(q)))}))))`,
  unnest: (values) => sql`arrayJoin([${join(values)}])`,
  round: (value, digits) => {
    const m = trusted(`1e${Math.trunc(digits)}`);
    return sql`(if(${value} >= 0, floor(${value} * ${m} + 0.5), ceil(${value} * ${m} - 0.5)) / ${m})`;
  },
  splitPart: (value, separator, index) => sql`splitByChar(${separator}, ${value})[${Math.trunc(index)}]`,
  sortedDistinct: (value) => sql`arraySort(groupUniqArray(${value}))`,
  integers: (count) => sql`(SELECT number AS i FROM numbers(${count}))`,
  jsonText: (json, path) => sql`JSON_VALUE(${json}, ${trusted(`'${path.replaceAll("'", "''")}'`)})`,
  nextIds: (_sequence, highest, count) =>
    sql`SELECT toInt64(ifNull((${highest}), 0) + 1 + number) AS id FROM numbers(${count}) ORDER BY id`,
  dateBucket(value, grain) {
    if (grain === 'day') return sql`toDate(${value})`;
    if (grain === 'week') return sql`toMonday(${value})`;
    if (grain === 'year') return sql`toStartOfYear(${value})`;
    return sql`toStartOfMonth(${value})`;
  },
};
