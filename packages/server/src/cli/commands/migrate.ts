import { CliError } from '../../errors.ts';
import { clickhouseMigrations, migrationsTableDdl } from '../../store/clickhouse/migrations.ts';
import { isClickHouseUrl, parseClickHouseUrl } from '../../store/clickhouse/url.ts';
import { render, sql } from '../../store/sql.ts';
import type { Command } from '../command.ts';
import { openStore, storePath } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'create or update the store schema (on ClickHouse: --cluster NAME for replicated, sharded tables)',
  usage: 'peacebell migrate [--store URL] [--cluster NAME] [--print]',
  options: {
    cluster: {
      type: 'string',
      description: 'ClickHouse cluster: ON CLUSTER DDL, Replicated and Distributed tables',
    },
    print: { type: 'boolean', description: 'print the ClickHouse DDL instead of running it' },
    format: { type: 'string', description: 'table, csv, json or ndjson' },
  },
  async run(ctx, { values, db }) {
    const cluster = values.cluster as string | undefined;
    const location = storePath(ctx, db);
    if (values.print) {
      if (!isClickHouseUrl(location))
        throw new CliError('--print shows ClickHouse DDL: give --store clickhouse://...');
      const topology = { database: parseClickHouseUrl(location).database, ...(cluster ? { cluster } : {}) };
      const statements = [
        ...migrationsTableDdl(topology),
        ...clickhouseMigrations(topology).flatMap((m) => m.statements),
      ];
      for (const s of statements) {
        const { text } = render(s, () => {
          throw new CliError('DDL with bound values cannot be printed');
        });
        ctx.stdout.write(`${text.replace(/\s+/g, ' ').trim()};\n`);
      }
      return 0;
    }
    const store = await openStore(ctx, db, cluster ? { cluster } : {});
    try {
      const versions = await store.query<{ version: number; name: string }>(
        sql`SELECT version, name FROM schema_migrations ORDER BY version`,
      );
      await writeRows(
        ctx,
        outputFormat(ctx, values.format as string | undefined),
        ['version', 'name'],
        [versions],
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
