import { join, sql } from '../sql.ts';
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
  integers: (count) => sql`(SELECT number AS i FROM numbers(${count}))`,
  dateBucket(value, grain) {
    if (grain === 'day') return sql`toDate(${value})`;
    if (grain === 'week') return sql`toMonday(${value})`;
    return sql`toStartOfMonth(${value})`;
  },
};
