import { ident, join, sql, type Sql } from '../sql.ts';
import type { Migration } from '../migrate.ts';
import { ROLLUPS, rollupColumns, type RollupSpec } from '../rollups.ts';
import { addColumn, createTable, createView, type TableSpec, type Topology } from './schema.ts';
import { stateTablesMigration } from './state-tables.ts';
import { committedViewsMigration } from './views.ts';
import { GKG_TABLES, gkgTablesMigration } from './gkg-tables.ts';

/**
 * ClickHouse schema (docs/clickhouse.md). There are no transactions, so a batch becomes visible
 * at once through its record in `import_batches`, written last: rows live in `<name>_data`
 * tables, tagged with their batch, and readers see them through views (`events`, rollups ...)
 * that keep only committed batches. A revised or deleted event gets a tombstone
 * (`event_tombstones`); it too counts only once its batch is committed.
 */

/** The columns of an event, in the DuckDB store's order (so rows copy across by position too). */
export const EVENT_COLUMNS = `id VARCHAR NOT NULL, source VARCHAR NOT NULL, source_record_id VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL, feed VARCHAR, event_date DATE NOT NULL, date_added TIMESTAMP,
  actor1_code VARCHAR, actor1_name VARCHAR, actor1_country VARCHAR,
  actor1_type1 VARCHAR, actor1_type2 VARCHAR, actor1_type3 VARCHAR,
  actor2_code VARCHAR, actor2_name VARCHAR, actor2_country VARCHAR,
  actor2_type1 VARCHAR, actor2_type2 VARCHAR, actor2_type3 VARCHAR,
  is_root_event BOOLEAN, event_code VARCHAR, event_base_code VARCHAR, event_root_code VARCHAR,
  quad_class TINYINT, goldstein DOUBLE, category VARCHAR NOT NULL, domain VARCHAR NOT NULL,
  num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, avg_tone DOUBLE,
  action_geo_type TINYINT, action_geo_name VARCHAR, action_geo_country VARCHAR,
  action_geo_adm1 VARCHAR, action_geo_lat DOUBLE, action_geo_lon DOUBLE,
  action_geo_feature_id VARCHAR, source_url VARCHAR,
  fatalities_best INTEGER, fatalities_low INTEGER, fatalities_high INTEGER, notes VARCHAR,
  content_hash UBIGINT NOT NULL, batch_id INTEGER NOT NULL, key_hash UBIGINT,
  event_date_end DATE, source_event_type VARCHAR, source_sub_event_type VARCHAR`;

export const MENTION_COLUMNS = `id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, event_time TIMESTAMP,
  mention_time TIMESTAMP NOT NULL, mention_type TINYINT, mention_source_name VARCHAR,
  mention_identifier VARCHAR, sentence_id INTEGER, actor1_char_offset INTEGER,
  actor2_char_offset INTEGER, action_char_offset INTEGER, in_raw_text BOOLEAN, confidence SMALLINT,
  doc_length INTEGER, doc_tone DOUBLE, translation_info VARCHAR, source_file VARCHAR NOT NULL,
  content_hash UBIGINT NOT NULL, batch_id INTEGER NOT NULL, key_hash UBIGINT`;

export const REJECT_COLUMNS = `batch_id INTEGER NOT NULL, file_name VARCHAR NOT NULL, line BIGINT NOT NULL,
  field VARCHAR, reason VARCHAR NOT NULL, raw VARCHAR`;

export const BATCH_COLUMNS = `batch_id INTEGER NOT NULL, file_path VARCHAR NOT NULL, file_name VARCHAR NOT NULL,
  content_sha256 VARCHAR NOT NULL, bytes BIGINT NOT NULL, format VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL, rows_read BIGINT NOT NULL,
  rows_inserted BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, duplicates BIGINT NOT NULL,
  replaced BIGINT NOT NULL, fingerprint VARCHAR`;

export const VERSION_EXTRA = `superseded_at TIMESTAMP, superseded_by_batch INTEGER, superseded_reason VARCHAR`;

const NULLABLE_KEY = 'allow_nullable_key = 1';
const COMMITTED = sql`(SELECT batch_id FROM import_batches)`;

/**
 * The tables that hold batch-tagged rows, and the column naming the batch that makes them visible.
 * A new batch deletes from each what uncommitted attempts left (batches.ts); the views rely on it
 * (views.ts), so a table of batch-tagged rows missing here would show such leftovers.
 */
export const BATCH_TABLES = [
  { view: 'events', data: 'events_data', batch: 'batch_id' },
  { view: 'gdelt_mentions', data: 'gdelt_mentions_data', batch: 'batch_id' },
  { view: 'rejects', data: 'rejects_data', batch: 'batch_id' },
  { view: 'event_versions', data: 'event_versions_data', batch: 'superseded_by_batch' },
  { view: 'event_tombstones', data: 'event_tombstones_data', batch: 'by_batch' },
  ...ROLLUPS.map((r) => ({ view: r.table, data: `${r.table}_data`, batch: 'batch_id' })),
  ...ROLLUPS.map((r) => ({
    view: `${r.table}_tombstones`,
    data: `${r.table}_tombstones`,
    batch: 'by_batch',
  })),
  ...GKG_TABLES.map((name) => ({ view: name, data: `${name}_data`, batch: 'batch_id' })),
] as const;

function rollupTables(spec: RollupSpec, t: Topology): Sql[] {
  const columns = rollupColumns(spec);
  const keys = columns.filter((c) => c.key).map((c) => c.column);
  const table: TableSpec = {
    name: `${spec.table}_data`,
    columns: [...columns.map((c) => `${c.column} ${c.type} NOT NULL`), 'batch_id INTEGER NOT NULL'].join(
      ', ',
    ),
    orderBy: keys.join(', '),
    partitionBy: 'toYear(day)',
    shardBy: spec.keys.length ? `cityHash64(${spec.keys.map((k) => k.column).join(', ')})` : 'rand()',
  };
  // A key's rows of several batches add up (each batch writes its delta), and readers sum them
  // anyway: the view only keeps committed batches, and hides the rows of keys a revision brought
  // to zero events (`<table>_tombstones`, batches.ts), as DuckDB deletes them. Summing here per
  // key instead made every read 2-10× slower at 10M events.
  const tombstones: TableSpec = {
    name: `${spec.table}_tombstones`,
    columns: [
      ...keys.map((k) => `${k} ${columns.find((c) => c.column === k)?.type ?? 'VARCHAR'} NOT NULL`),
      'batch_id INTEGER NOT NULL',
      'by_batch INTEGER NOT NULL',
    ].join(', '),
    orderBy: 'batch_id',
  };
  const live = sql`(SELECT * FROM ${ident(tombstones.name)} WHERE by_batch IN ${COMMITTED})`;
  const keyList = join(keys.map((k) => ident(k)));
  const rows = sql`SELECT * FROM ${ident(table.name)} WHERE batch_id IN ${COMMITTED}
      AND (batch_id NOT IN (SELECT batch_id FROM ${live}) OR (${keyList}, batch_id) NOT IN (SELECT ${keyList}, batch_id FROM ${live}))`;
  const view = sql`SELECT ${keyList}, ${join(columns.filter((c) => !c.key).map((c) => ident(c.column)))}
    FROM ${ident(`${spec.table}_rows`)}`;
  return [
    ...createTable(table, t),
    ...createTable(tombstones, t),
    createView(`${spec.table}_rows`, rows, t),
    createView(spec.table, view, t),
  ];
}

/** Every migration, for one server or a cluster. */
export function clickhouseMigrations(t: Topology): Migration[] {
  const table = (spec: TableSpec) => createTable(spec, t);
  const view = (name: string, select: Sql) => createView(name, select, t);
  return [
    {
      version: 1,
      name: 'event store (DuckDB migrations 1-7, 10, 11, 13 in one)',
      statements: [
        ...table({ name: 'import_batches', columns: BATCH_COLUMNS, orderBy: 'batch_id' }),
        ...table({
          name: 'events_data',
          columns: EVENT_COLUMNS,
          // Most reads filter on a country and a day range. The batch is part of the key, so a
          // merge only ever folds a row into an identical copy (a retried insert), never a
          // committed row into an uncommitted revision.
          orderBy: 'action_geo_country, event_date, id, batch_id',
          partitionBy: 'toYear(event_date)',
          engine: 'ReplacingMergeTree',
          settings: NULLABLE_KEY,
          shardBy: 'cityHash64(id)',
        }),
        ...table({
          name: 'event_versions_data',
          columns: `${EVENT_COLUMNS}, ${VERSION_EXTRA}`,
          orderBy: 'id, batch_id',
          shardBy: 'cityHash64(id)',
        }),
        ...table({
          name: 'event_tombstones_data',
          columns: 'id VARCHAR NOT NULL, old_batch INTEGER NOT NULL, by_batch INTEGER NOT NULL',
          orderBy: 'old_batch, id',
          shardBy: 'cityHash64(id)',
        }),
        ...table({
          name: 'gdelt_mentions_data',
          columns: MENTION_COLUMNS,
          orderBy: 'event_id, mention_time, id',
          partitionBy: 'toYear(mention_time)',
          shardBy: 'cityHash64(event_id)',
        }),
        // The rows of a batch that copy stored ones, listed while the batch is settled (batches.ts).
        ...table({
          name: 'batch_copies',
          columns: 'id VARCHAR NOT NULL, content_hash UBIGINT NOT NULL',
          orderBy: 'id',
        }),
        ...table({ name: 'rejects_data', columns: REJECT_COLUMNS, orderBy: 'batch_id, line' }),
        view('event_tombstones', sql`SELECT * FROM event_tombstones_data WHERE by_batch IN ${COMMITTED}`),
        // A row is visible when its batch is committed and no committed batch has replaced it.
        view(
          'events',
          sql`SELECT * FROM events_data WHERE batch_id IN ${COMMITTED}
            AND (batch_id NOT IN (SELECT old_batch FROM event_tombstones)
              OR (id, batch_id) NOT IN (SELECT id, old_batch FROM event_tombstones))`,
        ),
        view(
          'event_versions',
          sql`SELECT * FROM event_versions_data WHERE superseded_by_batch IN ${COMMITTED}`,
        ),
        view('gdelt_mentions', sql`SELECT * FROM gdelt_mentions_data WHERE batch_id IN ${COMMITTED}`),
        view('rejects', sql`SELECT * FROM rejects_data WHERE batch_id IN ${COMMITTED}`),
        ...ROLLUPS.flatMap((spec) => rollupTables(spec, t)),
        ...table({
          name: 'source_cursors',
          columns: 'source VARCHAR NOT NULL, cursor VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL',
          engine: 'ReplacingMergeTree(updated_at)',
          orderBy: 'source',
        }),
        ...table({
          name: 'api_keys',
          columns:
            'name VARCHAR NOT NULL, key_sha256 VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP',
          engine: 'ReplacingMergeTree(created_at)',
          orderBy: 'name',
        }),
        ...table({
          name: 'api_tokens',
          columns: 'source VARCHAR NOT NULL, tokens VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL',
          engine: 'ReplacingMergeTree(updated_at)',
          orderBy: 'source',
        }),
        ...table({
          name: 'gdelt_files',
          columns: `name VARCHAR NOT NULL, url VARCHAR NOT NULL, feed VARCHAR NOT NULL, translingual BOOLEAN NOT NULL,
            slot TIMESTAMP NOT NULL, size BIGINT, md5 VARCHAR, state VARCHAR NOT NULL, attempts INTEGER NOT NULL,
            last_error VARCHAR, listed_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,
            next_attempt_at TIMESTAMP, batch_id INTEGER, rows_in BIGINT`,
          engine: 'ReplacingMergeTree(updated_at)',
          orderBy: 'name',
        }),
        // The bell's state (alerts/); migration 2 makes it take UPDATE and DELETE (state-tables.ts).
        ...table({
          name: 'alert_rules',
          columns: `rule_id INTEGER NOT NULL, name VARCHAR NOT NULL, spec VARCHAR NOT NULL, muted_until TIMESTAMP,
            evaluated_through DATE, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL`,
          engine: 'ReplacingMergeTree(updated_at)',
          orderBy: 'rule_id',
        }),
        ...table({
          name: 'alert_episodes',
          columns: `rule_id INTEGER NOT NULL, subject VARCHAR NOT NULL, started DATE NOT NULL, last_day DATE NOT NULL,
            severity VARCHAR NOT NULL`,
          engine: 'ReplacingMergeTree',
          orderBy: 'rule_id, subject',
        }),
        ...table({
          name: 'alerts',
          columns: `seq BIGINT NOT NULL, alert_id VARCHAR NOT NULL, rule_id INTEGER NOT NULL, subject VARCHAR NOT NULL,
            day DATE NOT NULL, severity VARCHAR NOT NULL, title VARCHAR NOT NULL, muted BOOLEAN NOT NULL,
            packet VARCHAR NOT NULL, raised_at TIMESTAMP NOT NULL, acknowledged_at TIMESTAMP`,
          engine: 'ReplacingMergeTree',
          orderBy: 'alert_id',
        }),
        ...table({
          name: 'alert_deliveries',
          columns: `alert_id VARCHAR NOT NULL, channel VARCHAR NOT NULL, target VARCHAR NOT NULL, state VARCHAR NOT NULL,
            attempts INTEGER NOT NULL, next_attempt_at TIMESTAMP, last_error VARCHAR, delivered_at TIMESTAMP`,
          engine: 'ReplacingMergeTree',
          orderBy: 'alert_id, channel, target',
        }),
        ...table({
          name: 'alert_attempts',
          columns: `alert_id VARCHAR NOT NULL, channel VARCHAR NOT NULL, target VARCHAR NOT NULL, attempt INTEGER NOT NULL,
            attempted_at TIMESTAMP NOT NULL, status INTEGER, error VARCHAR, duration_ms DOUBLE NOT NULL`,
          orderBy: 'alert_id, attempted_at',
        }),
        ...table({
          name: 'hotspot_runs',
          columns: `run_id INTEGER NOT NULL, method VARCHAR NOT NULL, version VARCHAR NOT NULL,
            params VARCHAR NOT NULL, unit VARCHAR NOT NULL, from_day DATE NOT NULL, to_day DATE NOT NULL,
            country VARCHAR, last_batch INTEGER, hotspots INTEGER NOT NULL, created_at TIMESTAMP NOT NULL,
            regions BOOLEAN`,
          orderBy: 'run_id',
        }),
        ...table({
          name: 'hotspots',
          columns: `run_id INTEGER NOT NULL, country VARCHAR NOT NULL, adm1 VARCHAR NOT NULL,
            source VARCHAR NOT NULL, day DATE NOT NULL, level VARCHAR NOT NULL, phase VARCHAR NOT NULL,
            score DOUBLE NOT NULL, count DOUBLE NOT NULL, expected DOUBLE NOT NULL, deaths DOUBLE NOT NULL,
            deaths_expected DOUBLE NOT NULL, confidence DOUBLE NOT NULL, sources INTEGER NOT NULL,
            sources_agreeing INTEGER NOT NULL, region VARCHAR NOT NULL`,
          orderBy: 'run_id, country, day',
        }),
      ],
    },
    stateTablesMigration(t),
    committedViewsMigration(t),
    gkgTablesMigration(t),
    {
      version: 5,
      name: 'hotspot runs keep their grain (DuckDB migration 15)',
      statements: addColumn('hotspot_runs', 'grain VARCHAR', t),
    },
  ];
}

/** The table of applied migrations (ClickHouse needs an engine; one row per version). */
export function migrationsTableDdl(t: Topology): Sql[] {
  return createTable(
    {
      name: 'schema_migrations',
      columns: 'version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL',
      engine: 'ReplacingMergeTree',
      orderBy: 'version',
    },
    t,
  );
}
