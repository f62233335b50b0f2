import { describe, expect, it } from 'vitest';
import { clickhouseMigrations, migrationsTableDdl } from '../src/store/clickhouse/migrations.ts';
import { parseClickHouseUrl, redactUrl } from '../src/store/clickhouse/url.ts';
import { render, type Sql } from '../src/store/sql.ts';

/** The DDL of cluster mode, as text (it can only run on a real cluster: docs/clickhouse.md). */
const text = (statements: readonly Sql[]) =>
  statements.map((s) =>
    render(s, () => '?')
      .text.replace(/\s+/g, ' ')
      .trim(),
  );

const cluster = { cluster: 'peacebell', database: 'pb' };
const ddl = text([
  ...migrationsTableDdl(cluster),
  ...clickhouseMigrations(cluster).flatMap((m) => m.statements),
]);
const single = text(clickhouseMigrations({ database: 'pb' }).flatMap((m) => m.statements));

describe('ClickHouse cluster DDL', () => {
  it('runs every statement ON CLUSTER, but the copies of rows (made once, then replicated)', () => {
    for (const statement of ddl.filter((s) => !s.startsWith('INSERT INTO ')))
      expect(statement).toMatch(
        /^(CREATE (TABLE IF NOT EXISTS|OR REPLACE VIEW)|DROP TABLE( IF EXISTS)?|RENAME TABLE|ALTER TABLE) "\w+"( TO "\w+")? ON CLUSTER "peacebell"( |$)/,
      );
  });

  it('keeps the state written in place (alerts, API keys) in one table replicated to every node', () => {
    expect(ddl.find((s) => s.startsWith('CREATE TABLE IF NOT EXISTS "alert_rules_v2"'))).toBe(
      `CREATE TABLE IF NOT EXISTS "alert_rules_v2" ON CLUSTER "peacebell" AS "alert_rules_local" ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/alert_rules', '{replica}') ORDER BY (rule_id) SETTINGS enable_block_number_column = 1, enable_block_offset_column = 1`,
    );
    const step = (s: string) => ddl.indexOf(s);
    expect(step('INSERT INTO "alert_rules_v2" SELECT * FROM "alert_rules"')).toBeGreaterThan(0);
    expect(step('DROP TABLE IF EXISTS "alert_rules_local" ON CLUSTER "peacebell" SYNC')).toBeGreaterThan(
      step('INSERT INTO "alert_rules_v2" SELECT * FROM "alert_rules"'),
    );
    expect(ddl).toContain('RENAME TABLE "alert_rules_v2" TO "alert_rules" ON CLUSTER "peacebell"');
  });

  it('keeps rows in replicated local tables, one Keeper path per shard and table', () => {
    const local = ddl.filter((s) => /^CREATE TABLE IF NOT EXISTS "\w+_local"/.test(s));
    expect(local.length).toBeGreaterThan(10);
    for (const s of local) {
      const name = /"(\w+)_local"/.exec(s)?.[1];
      expect(s).toMatch(
        new RegExp(
          `ENGINE = Replicated\\w*MergeTree\\('/clickhouse/tables/\\{shard\\}/\\{database\\}/${name}_local', '\\{replica\\}'`,
        ),
      );
    }
    expect(ddl.find((s) => s.includes('"events_data_local"'))).toContain(
      "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/events_data_local', '{replica}') PARTITION BY toYear(event_date) ORDER BY (action_geo_country, event_date, id, batch_id) SETTINGS allow_nullable_key = 1",
    );
  });

  it('puts a Distributed table with a stated sharding key over each local table', () => {
    const distributed = (name: string) =>
      ddl.find((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS "${name}" ON CLUSTER`));
    expect(distributed('events_data')).toBe(
      'CREATE TABLE IF NOT EXISTS "events_data" ON CLUSTER "peacebell" AS "events_data_local" ENGINE = Distributed("peacebell", "pb", "events_data_local", cityHash64(id))',
    );
    expect(distributed('gdelt_mentions_data')).toContain('cityHash64(event_id))');
    expect(distributed('rollup_country_day_data')).toContain('cityHash64(country))');
    expect(distributed('rollup_pair_day_data')).toContain('cityHash64(country, partner))');
    expect(distributed('import_batches')).toContain('rand())');
    const locals = ddl.filter((s) => /^CREATE TABLE IF NOT EXISTS "\w+_local"/.test(s)).length;
    expect(ddl.filter((s) => s.includes('ENGINE = Distributed('))).toHaveLength(locals);
  });

  it('reads through the same views as a single server, over the Distributed tables', () => {
    const views = (all: string[]) => all.filter((s) => s.startsWith('CREATE OR REPLACE VIEW'));
    expect(views(ddl).map((s) => s.replace(' ON CLUSTER "peacebell"', ''))).toEqual(views(single));
    expect(views(ddl).find((s) => s.includes('VIEW "events"'))).toContain(
      'FROM events_data WHERE batch_id IN',
    );
  });

  it('creates plain MergeTree tables on a single server', () => {
    expect(single.some((s) => /Replicated|Distributed|ON CLUSTER/.test(s))).toBe(false);
  });
});

describe('ClickHouse URLs', () => {
  it('read user, password, host, port and database; hide the password', () => {
    expect(parseClickHouseUrl('clickhouse://analyst:s%40cret@ch-host:9123/peacebell')).toEqual({
      url: 'http://ch-host:9123',
      username: 'analyst',
      password: 's@cret',
      database: 'peacebell',
    });
    expect(parseClickHouseUrl('clickhouses://ch-host/pb')).toMatchObject({
      url: 'https://ch-host:8443',
      username: 'default',
    });
    expect(parseClickHouseUrl('clickhouse://ch-host')).toMatchObject({
      url: 'http://ch-host:8123',
      database: 'default',
    });
    expect(() => parseClickHouseUrl("clickhouse://h/pb'; DROP")).toThrow(/database name/);
    expect(redactUrl('clickhouse://analyst:s%40cret@ch-host:9123/pb')).toBe(
      'clickhouse://analyst:***@ch-host:9123/pb',
    );
  });
});
