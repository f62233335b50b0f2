import { CliError } from '../../errors.ts';
import { rebuildRollups } from '../../store/rollups.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';

export const rebuildCommand: Command = {
  name: 'rebuild',
  summary: 'recompute the rollups (country-day, ADM1-day, pair-day) from the events, in one transaction',
  usage: 'peacebell rebuild [--format table|json]',
  options: { format: { type: 'string', description: 'table, csv, json or ndjson' } },
  async run(ctx, { values, db }) {
    const format = outputFormat(ctx, values.format as string | undefined);
    return withStore(ctx, db, async (store) => {
      if (store.dialect.name === 'clickhouse')
        throw new CliError(
          'rebuild is not available on ClickHouse yet: its rollups are kept per batch (docs/clickhouse.md)',
        );
      const started = ctx.clock().getTime();
      const tables = await rebuildRollups(store);
      await writeRows(ctx, format, ['table', 'rows'], [tables]);
      ctx.stderr.write(`rebuilt in ${((ctx.clock().getTime() - started) / 1000).toFixed(1)} s\n`);
      return 0;
    });
  },
};
