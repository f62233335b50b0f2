import { describe, expect, it } from 'vitest';
import { ident, join, list, render, sql, trusted } from './sql.ts';

const dollar = (i: number) => `$${i}`;

describe('sql tag', () => {
  it('keeps values as bound parameters, numbered in order', () => {
    const name = "Côte d'Ivoire";
    const q = sql`SELECT * FROM t WHERE name = ${name} AND n > ${3}`;
    expect(render(q, dollar)).toEqual({
      text: 'SELECT * FROM t WHERE name = $1 AND n > $2',
      params: [name, 3],
    });
  });

  it('nests fragments and renumbers their parameters', () => {
    const where = join([sql`a = ${1}`, sql`b IN (${list(['x', 'y'])})`], ' AND ');
    const q = sql`SELECT ${ident('a')} FROM t WHERE ${where} LIMIT ${10}`;
    expect(render(q, dollar)).toEqual({
      text: 'SELECT "a" FROM t WHERE a = $1 AND b IN ($2, $3) LIMIT $4',
      params: [1, 'x', 'y', 10],
    });
  });

  it('refuses identifiers that are not plain names', () => {
    expect(() => ident('events; DROP TABLE events')).toThrow(/not a valid SQL identifier/);
    expect(() => ident('a"b')).toThrow();
    expect(render(sql`${ident('event_date')}`, dollar).text).toBe('"event_date"');
  });

  it('inserts trusted text verbatim and nothing else', () => {
    expect(render(sql`CAST(x AS ${trusted('DATE')})`, dollar)).toEqual({
      text: 'CAST(x AS DATE)',
      params: [],
    });
  });
});
