import { ROLLUP_MEASURES, type IndicatorUnit, type RollupMeasure } from '@peacebell/model';
import { ident, join, sql, trusted, type Sql } from './sql.ts';
import type { Dialect, Store } from './store.ts';

/**
 * Rollups: additive measures per unit, day, source, category, domain and quad class, kept in step
 * with `events` on every import (a delta of the batch's new rows minus the rows it replaced or
 * deleted) and rebuilt from scratch by `peacebell rebuild`. Sums of Goldstein values and tones are
 * DECIMAL, so an incremental rollup equals a rebuilt one exactly.
 */
export interface RollupSpec {
  unit: IndicatorUnit;
  table: string;
  /** Unit key columns and the event expression each is read from. */
  keys: readonly { column: string; from: Sql }[];
  /** Which events belong to a unit at all. */
  where: Sql;
}

export const ROLLUPS: readonly RollupSpec[] = [
  {
    unit: 'world',
    table: 'rollup_world_day',
    keys: [],
    where: sql`TRUE`,
  },
  {
    unit: 'country',
    table: 'rollup_country_day',
    keys: [{ column: 'country', from: sql`action_geo_country` }],
    where: sql`action_geo_country IS NOT NULL`,
  },
  {
    unit: 'adm1',
    table: 'rollup_adm1_day',
    keys: [
      { column: 'country', from: sql`action_geo_country` },
      { column: 'adm1', from: sql`action_geo_adm1` },
    ],
    where: sql`action_geo_country IS NOT NULL AND action_geo_adm1 IS NOT NULL`,
  },
  {
    unit: 'pair',
    table: 'rollup_pair_day',
    keys: [
      { column: 'country', from: sql`actor1_country` },
      { column: 'partner', from: sql`actor2_country` },
    ],
    where: sql`actor1_country IS NOT NULL AND actor2_country IS NOT NULL AND actor1_country <> actor2_country`,
  },
];

export function rollupFor(unit: IndicatorUnit): RollupSpec {
  const spec = ROLLUPS.find((r) => r.unit === unit);
  if (!spec) throw new Error(`no rollup for unit ${unit}`);
  return spec;
}

/** Keys every rollup shares after its unit keys; quad_class 0 stands for none. */
const SHARED_KEYS: readonly { column: string; type: string; from: Sql }[] = [
  { column: 'day', type: 'DATE', from: sql`event_date` },
  { column: 'source', type: 'VARCHAR', from: sql`source` },
  { column: 'category', type: 'VARCHAR', from: sql`category` },
  { column: 'domain', type: 'VARCHAR', from: sql`domain` },
  { column: 'quad_class', type: 'TINYINT', from: sql`coalesce(quad_class, 0)` },
];

const weight = sql`greatest(coalesce(num_sources, 1), 1)::BIGINT`;

/** Each measure's column type. */
const MEASURE_TYPES: Record<RollupMeasure, string> = {
  events: 'BIGINT',
  weight: 'BIGINT',
  weight_sq: 'BIGINT',
  gs_weight: 'BIGINT',
  gs_sum: 'DECIMAL(18, 3)',
  coop_mass: 'DECIMAL(18, 3)',
  conflict_mass: 'DECIMAL(18, 3)',
  tone_n: 'BIGINT',
  tone_sum: 'DECIMAL(18, 6)',
  mentions: 'BIGINT',
  articles: 'BIGINT',
  fat_n: 'BIGINT',
  fat_best: 'BIGINT',
  fat_low: 'BIGINT',
  fat_high: 'BIGINT',
};

/** Each measure's value for one event row (decimals rounded, the same on every engine). */
function measureRows(d: Dialect): Record<RollupMeasure, Sql> {
  const goldstein = d.decimal(sql`goldstein`, 9, 3);
  return {
    events: sql`1::BIGINT`,
    weight,
    weight_sq: sql`${weight} * ${weight}`,
    gs_weight: sql`CASE WHEN goldstein IS NULL THEN 0 ELSE ${weight} END`,
    gs_sum: sql`coalesce(${weight} * ${goldstein}, 0)`,
    coop_mass: sql`coalesce(${weight} * greatest(${goldstein}, 0), 0)`,
    conflict_mass: sql`coalesce(${weight} * greatest(-${goldstein}, 0), 0)`,
    tone_n: sql`CASE WHEN avg_tone IS NULL THEN 0 ELSE 1 END::BIGINT`,
    tone_sum: sql`coalesce(${d.decimal(sql`avg_tone`, 18, 6)}, 0)`,
    mentions: sql`coalesce(num_mentions, 0)::BIGINT`,
    articles: sql`coalesce(num_articles, 0)::BIGINT`,
    fat_n: sql`CASE WHEN fatalities_best IS NULL THEN 0 ELSE 1 END::BIGINT`,
    fat_best: sql`coalesce(fatalities_best, 0)::BIGINT`,
    fat_low: sql`coalesce(fatalities_low, 0)::BIGINT`,
    fat_high: sql`coalesce(fatalities_high, 0)::BIGINT`,
  };
}

const MEASURE_NAMES = Object.keys(ROLLUP_MEASURES) as RollupMeasure[];

function keyColumns(spec: RollupSpec): { column: string; from: Sql }[] {
  return [...spec.keys, ...SHARED_KEYS];
}

/** A rollup's columns (unit keys, shared keys, measures) with their DuckDB types. */
export function rollupColumns(spec: RollupSpec): { column: string; type: string; key: boolean }[] {
  return [
    ...spec.keys.map((k) => ({ column: k.column, type: 'VARCHAR', key: true })),
    ...SHARED_KEYS.map((k) => ({ column: k.column, type: k.type, key: true })),
    ...MEASURE_NAMES.map((m) => ({ column: m, type: MEASURE_TYPES[m], key: false })),
  ];
}

/** DDL of a rollup table (for migrations). */
export function rollupTableDdl(spec: RollupSpec): Sql {
  const keys = [
    ...spec.keys.map((k) => sql`${ident(k.column)} VARCHAR NOT NULL`),
    ...SHARED_KEYS.map((k) => sql`${ident(k.column)} ${trusted(k.type)} NOT NULL`),
  ];
  const measures = MEASURE_NAMES.map((m) => sql`${ident(m)} ${trusted(MEASURE_TYPES[m])} NOT NULL`);
  return sql`CREATE TABLE ${ident(spec.table)} (${join([...keys, ...measures])})`;
}

/** Per-unit-key sums over the event rows of `source`, each measure multiplied by `sign`. */
function aggregate(spec: RollupSpec, source: Sql, sign: 1 | -1, dialect: Dialect): Sql {
  const keys = keyColumns(spec);
  const rows = measureRows(dialect);
  const keyList = join(keys.map((k) => sql`${k.from} AS ${ident(k.column)}`));
  const sums = join(
    MEASURE_NAMES.map((m) => sql`${sign === 1 ? sql`` : sql`-`}sum(${rows[m]}) AS ${ident(m)}`),
  );
  return sql`SELECT ${keyList}, ${sums} FROM (${source}) AS e WHERE ${spec.where} GROUP BY ALL`;
}

/** One rollup's delta rows: the sums of the `plus` event rows minus those of the `minus` rows. */
export function rollupDeltaSql(spec: RollupSpec, plus: Sql, minus: Sql | null, dialect: Dialect): Sql {
  const keys = keyColumns(spec).map((k) => ident(k.column));
  const measures = MEASURE_NAMES.map((m) => ident(m));
  const parts = minus
    ? sql`${aggregate(spec, plus, 1, dialect)} UNION ALL ${aggregate(spec, minus, -1, dialect)}`
    : aggregate(spec, plus, 1, dialect);
  return sql`SELECT ${join(keys)}, ${join(measures.map((m) => sql`sum(${m}) AS ${m}`))}
    FROM (${parts}) GROUP BY ALL`;
}

/** Applies (plus − minus) event rows to every rollup; rows left with no events are removed. */
export async function applyRollupDelta(store: Store, plus: Sql, minus: Sql | null): Promise<void> {
  for (const spec of ROLLUPS) {
    const keys = keyColumns(spec).map((k) => ident(k.column));
    const measures = MEASURE_NAMES.map((m) => ident(m));
    const delta = rollupDeltaSql(spec, plus, minus, store.dialect);
    const on = join(
      keys.map((k) => sql`r.${k} = d.${k}`),
      ' AND ',
    );
    const table = ident(spec.table);
    await store.exec(sql`MERGE INTO ${table} AS r USING (${delta}) AS d ON ${on}
      WHEN MATCHED THEN UPDATE SET ${join(measures.map((m) => sql`${m} = r.${m} + d.${m}`))}
      WHEN NOT MATCHED THEN INSERT (${join([...keys, ...measures])})
        VALUES (${join([...keys, ...measures].map((c) => sql`d.${c}`))})`);
    if (minus) await store.exec(sql`DELETE FROM ${table} WHERE events = 0`);
  }
}

/**
 * The rows of a unit's rollup: its table or, with `raw`, the same rows computed from `events` at
 * query time (to check the rollups, and as the baseline of the API benchmark).
 */
export function rollupSource(unit: IndicatorUnit, raw: boolean | undefined, dialect: Dialect): Sql {
  const spec = rollupFor(unit);
  return raw ? sql`(${aggregate(spec, sql`SELECT * FROM events`, 1, dialect)})` : ident(spec.table);
}

/** Fills an empty rollup table from `events`. */
export function rollupFillSql(spec: RollupSpec, dialect: Dialect): Sql {
  return sql`INSERT INTO ${ident(spec.table)} BY NAME ${aggregate(spec, sql`SELECT * FROM events`, 1, dialect)}`;
}

/** Empties every rollup and recomputes it from `events`, in one transaction. */
export async function rebuildRollups(store: Store): Promise<{ table: string; rows: number }[]> {
  return store.transaction(async (tx) => {
    const out: { table: string; rows: number }[] = [];
    for (const spec of ROLLUPS) {
      const table = ident(spec.table);
      await tx.exec(sql`DELETE FROM ${table}`);
      await tx.exec(rollupFillSql(spec, tx.dialect));
      const [row] = await tx.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${table}`);
      out.push({ table: spec.table, rows: row?.n ?? 0 });
    }
    return out;
  });
}
