import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../errors.ts';
import { copyBatch } from '../../store/clickhouse/batches.ts';
import { ClickHouseStore } from '../../store/clickhouse/clickhouse-store.ts';
import { copyGkgDifference } from '../../store/clickhouse/gkg-batches.ts';
import { redactUrl } from '../../store/clickhouse/url.ts';
import { sql } from '../../store/sql.ts';
import type { Command } from '../command.ts';
import { openStore } from '../context.ts';
import { outputFormat, writeRows } from '../output.ts';

export const copyCommand: Command = {
  name: 'copy',
  summary: 'copy a DuckDB store into a ClickHouse store, batch by batch (again: copies only what is missing)',
  usage: 'peacebell copy --from duckdb://FILE --to clickhouse://user:pass@host:8123/db [--format table|json]',
  options: {
    from: { type: 'string', description: 'the DuckDB store to read (a file, duckdb:// optional)' },
    to: { type: 'string', description: 'the ClickHouse store to write (clickhouse://...)' },
    cluster: { type: 'string', description: 'create the target schema on this ClickHouse cluster' },
    format: { type: 'string', description: 'table, csv, json or ndjson' },
  },
  async run(ctx, { values }) {
    const fromUrl = values.from as string | undefined;
    const toUrl = values.to as string | undefined;
    if (!fromUrl || !toUrl) throw new CliError('copy needs --from and --to');
    const format = outputFormat(ctx, values.format as string | undefined);
    const cluster = values.cluster as string | undefined;
    const from = await openStore(ctx, fromUrl);
    const work = await mkdtemp(join(tmpdir(), 'peacebell-copy-'));
    try {
      const to = await openStore(ctx, toUrl, cluster ? { cluster } : {});
      try {
        if (!(to instanceof ClickHouseStore)) throw new CliError('--to must be a clickhouse:// store');
        if (from instanceof ClickHouseStore) throw new CliError('--from must be a DuckDB store');
        const batches = await from.query<{ batch_id: number; file_name: string }>(
          sql`SELECT batch_id, file_name FROM import_batches ORDER BY batch_id`,
        );
        const rows = [];
        const batchIds = new Map<number, number>();
        for (const [i, batch] of batches.entries()) {
          const t0 = performance.now();
          const copied = await copyBatch(from, to, batch.batch_id, {
            tmpDir: work,
            now: ctx.clock(),
            batchIds,
          });
          batchIds.set(batch.batch_id, copied.batchId);
          const seconds = (performance.now() - t0) / 1000;
          rows.push({
            batch: batch.batch_id,
            file: batch.file_name,
            status: copied.status,
            to_batch: copied.batchId,
            events: copied.inserted,
            seconds: Math.round(seconds * 100) / 100,
          });
          ctx.stderr.write(
            `[${i + 1}/${batches.length}] ${batch.file_name}: ${copied.status}, ${copied.inserted} rows\n`,
          );
        }
        // GKG threat rows are summed per key in DuckDB: what ClickHouse lacks goes across as one batch.
        const t0 = performance.now();
        const gkg = await copyGkgDifference(from, to, { tmpDir: work, now: ctx.clock() });
        if (gkg) {
          rows.push({
            batch: null,
            file: 'gkg-copy',
            status: gkg.status,
            to_batch: gkg.batchId,
            events: gkg.inserted,
            seconds: Math.round((performance.now() - t0) / 10) / 100,
          });
          ctx.stderr.write(`GKG threat rows: ${gkg.status}, ${gkg.inserted} rows\n`);
        }
        ctx.stderr.write(`copied into ${redactUrl(toUrl)}\n`);
        await writeRows(ctx, format, ['batch', 'file', 'status', 'to_batch', 'events', 'seconds'], [rows]);
        return 0;
      } finally {
        await to.close();
      }
    } finally {
      await from.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};
