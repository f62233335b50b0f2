import { join, sql, trusted } from '../sql.ts';
import type { Dialect } from '../store.ts';

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
  exportJsonLines: unsupported('writing a JSON file'),
  // CAST to Decimal truncates in ClickHouse; DuckDB rounds. Round at the scale first, on a
  // wider decimal, so both store the same value.
  decimal: (value, precision, scale) => {
    const p = trusted(String(Math.trunc(precision)));
    const s = trusted(String(Math.trunc(scale)));
    return sql`CAST(round(toDecimal128(${value}, ${trusted(String(Math.trunc(scale) + 6))}), ${s}) AS Decimal(${p}, ${s}))`;
  },
  integers: (count) => sql`(SELECT number AS i FROM numbers(${count}))`,
  dateBucket(value, grain) {
    if (grain === 'day') return sql`toDate(${value})`;
    if (grain === 'week') return sql`toMonday(${value})`;
    return sql`toStartOfMonth(${value})`;
  },
};
