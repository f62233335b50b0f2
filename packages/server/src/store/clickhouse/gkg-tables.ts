import type { Migration } from '../migrate.ts';
import { ident, sql, trusted } from '../sql.ts';
import { createTable, createView, type TableSpec, type Topology } from './schema.ts';
import { LAST_COMMITTED } from './views.ts';

/**
 * GKG threat tables (DuckDB migration 12), batch-tagged as events are: rows live in
 * `<name>_data` and readers see committed batches through views named as the DuckDB tables.
 * `threat_day` and `gkg_unmapped_themes` hold a row per key and batch (each batch's sums), which
 * the readers add up anyway, as the event rollups'.
 */
const KEY = 'country VARCHAR NOT NULL, adm1 VARCHAR NOT NULL, day DATE NOT NULL, domain VARCHAR NOT NULL';

/** Column lists in the DuckDB store's order, batch last (so rows copy across by name). */
export const GKG_COLUMNS = {
  gkg_records: `record_id VARCHAR NOT NULL, date TIMESTAMP NOT NULL, day DATE NOT NULL,
    articles INTEGER NOT NULL, collection TINYINT, source_name VARCHAR, document_id VARCHAR,
    counts VARCHAR, counts_v21 VARCHAR, themes VARCHAR, themes_v2 VARCHAR, locations VARCHAR,
    locations_v2 VARCHAR, tone DOUBLE, positive DOUBLE, negative DOUBLE, polarity DOUBLE,
    activity DOUBLE, self_group DOUBLE, word_count INTEGER, translation_info VARCHAR,
    domains VARCHAR, source_file VARCHAR NOT NULL, batch_id INTEGER NOT NULL`,
  threat_day: `${KEY}, articles BIGINT NOT NULL, mentions BIGINT NOT NULL, tone_n BIGINT NOT NULL,
    tone_sum DOUBLE NOT NULL, killed BIGINT NOT NULL, wounded BIGINT NOT NULL,
    arrested BIGINT NOT NULL, affected BIGINT NOT NULL, displaced BIGINT NOT NULL,
    batch_id INTEGER NOT NULL`,
  threat_evidence: `${KEY}, url VARCHAR NOT NULL, source VARCHAR, record_id VARCHAR NOT NULL,
    tone DOUBLE, mentions INTEGER NOT NULL, batch_id INTEGER NOT NULL`,
  gkg_unmapped_themes: `day DATE NOT NULL, theme VARCHAR NOT NULL, articles BIGINT NOT NULL,
    mentions BIGINT NOT NULL, batch_id INTEGER NOT NULL`,
  gkg_batches: `batch_id INTEGER NOT NULL, map_version VARCHAR NOT NULL, records BIGINT NOT NULL,
    first_day DATE, last_day DATE`,
} as const;

export type GkgTable = keyof typeof GKG_COLUMNS;
export const GKG_TABLES = Object.keys(GKG_COLUMNS) as GkgTable[];

/** Evidence kept per place, day and domain (`EVIDENCE_PER_KEY` of ingest/gkg/accumulate.ts). */
const EVIDENCE_PER_KEY = 10;

const TABLES: Record<GkgTable, Omit<TableSpec, 'name' | 'columns'>> = {
  gkg_records: { orderBy: 'day, record_id, batch_id', partitionBy: 'toYear(day)' },
  threat_day: {
    orderBy: 'country, adm1, day, domain',
    partitionBy: 'toYear(day)',
    shardBy: 'cityHash64(country, adm1)',
  },
  threat_evidence: {
    orderBy: 'country, adm1, day, domain',
    partitionBy: 'toYear(day)',
    shardBy: 'cityHash64(country, adm1)',
  },
  gkg_unmapped_themes: { orderBy: 'day, theme', partitionBy: 'toYear(day)' },
  gkg_batches: { orderBy: 'batch_id' },
};

const committed = (table: string) =>
  sql`SELECT * FROM ${ident(`${table}_data`)} WHERE batch_id <= ${LAST_COMMITTED}`;

export const gkgTablesMigration = (t: Topology): Migration => ({
  version: 4,
  name: 'GKG threat tables, batch-tagged, behind views of committed batches',
  statements: [
    ...GKG_TABLES.flatMap((name) =>
      createTable({ name: `${name}_data`, columns: GKG_COLUMNS[name], ...TABLES[name] }, t),
    ),
    createView('gkg_records', committed('gkg_records'), t),
    createView('threat_day', committed('threat_day'), t),
    createView('gkg_unmapped_themes', committed('gkg_unmapped_themes'), t),
    createView('gkg_batches', committed('gkg_batches'), t),
    // DuckDB trims each key's evidence to the strongest after every batch; here the view does.
    createView(
      'threat_evidence',
      sql`SELECT * EXCEPT (r) FROM (
        SELECT *, row_number() OVER (
          PARTITION BY country, adm1, day, domain ORDER BY mentions DESC, record_id, batch_id) AS r
        FROM threat_evidence_data WHERE batch_id <= ${LAST_COMMITTED})
      WHERE r <= ${trusted(String(EVIDENCE_PER_KEY))}`,
      t,
    ),
  ],
});
