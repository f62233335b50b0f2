import type { Migration } from '../migrate.ts';
import { ident, sql, trusted, type Sql } from '../sql.ts';
import { onCluster, type Topology } from './schema.ts';

/**
 * The tables whose rows peacebell changes in place (the bell's rules, episodes, alerts and
 * deliveries, API keys, sync state), and their keys. They take lightweight UPDATE and DELETE, the
 * same statements as on DuckDB, which need the block number and offset columns. Being small, on
 * a cluster each is one table replicated to every node (not sharded: a Distributed table takes
 * no UPDATE), so every node reads all of it and a change made on one reaches the others.
 */
const STATE_TABLES = [
  { name: 'alert_rules', orderBy: 'rule_id' },
  { name: 'alert_episodes', orderBy: 'rule_id, subject' },
  { name: 'alerts', orderBy: 'alert_id' },
  { name: 'alert_deliveries', orderBy: 'alert_id, channel, target' },
  { name: 'api_keys', orderBy: 'name' },
  { name: 'api_tokens', orderBy: 'source' },
  { name: 'source_cursors', orderBy: 'source' },
  { name: 'gdelt_files', orderBy: 'name' },
] as const;

const UPDATABLE = 'enable_block_number_column = 1, enable_block_offset_column = 1';

/**
 * Rebuilds a table of migration 1 as a plain MergeTree that takes lightweight updates (its
 * ReplacingMergeTree version column could not be updated), keeping its rows.
 */
function rebuild(table: { name: string; orderBy: string }, t: Topology): Sql[] {
  const next = ident(`${table.name}_v2`);
  const name = ident(table.name);
  const c = onCluster(t);
  const engine = t.cluster
    ? trusted(`ReplicatedMergeTree('/clickhouse/tables/all/{database}/${table.name}', '{replica}')`)
    : trusted('MergeTree()');
  const like = ident(t.cluster ? `${table.name}_local` : table.name);
  return [
    sql`CREATE TABLE IF NOT EXISTS ${next}${c} AS ${like}
      ENGINE = ${engine} ORDER BY (${trusted(table.orderBy)}) SETTINGS ${trusted(UPDATABLE)}`,
    sql`INSERT INTO ${next} SELECT * FROM ${name}`,
    sql`DROP TABLE ${name}${c} SYNC`,
    ...(t.cluster ? [sql`DROP TABLE IF EXISTS ${ident(`${table.name}_local`)}${c} SYNC`] : []),
    sql`RENAME TABLE ${next} TO ${name}${c}`,
  ];
}

export const stateTablesMigration = (t: Topology): Migration => ({
  version: 2,
  name: 'state tables take UPDATE and DELETE (the bell, API keys, sync state)',
  statements: [
    ...STATE_TABLES.flatMap((table) => rebuild(table, t)),
    // DuckDB migration 14 (alerts/episode-store.ts).
    sql`ALTER TABLE ${ident('alert_rules')}${onCluster(t)} ADD COLUMN IF NOT EXISTS episodes_pending Nullable(String)`,
  ],
});
