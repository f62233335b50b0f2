import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EVENT_FIELDS } from '@peacebell/model';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, hasData } from '../../../test/shared-data.ts';
import { main } from '../src/cli/main.ts';
import { parseCsv } from './csv.ts';
import { captureContext, tempDir } from './helpers.ts';

const dir = tempDir();
const repoRoot = resolve(import.meta.dirname, '../../..');
const exports = join(DATA_DIR, 'gdelt2/export');

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureContext(env);
  const code = await main(args, io.ctx);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('peacebell CLI', () => {
  it('prints help without a command, and per command', async () => {
    const top = await run([]);
    expect(top.code).toBe(0);
    for (const c of ['import', 'stats', 'events', 'rejects']) expect(top.out).toContain(c);
    const events = await run(['help', 'events']);
    expect(events.out).toContain('--country');
    expect((await run(['events', '--help'])).out).toContain('--format');
  });

  it('exits 1 on bad usage with a clear message', async () => {
    expect(await run(['frobnicate'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('unknown command'),
    });
    const db = join(dir, 'usage.duckdb');
    expect(await run(['events', '--db', db, '--colour'])).toMatchObject({ code: 1 });
    expect(await run(['events', '--db', db, '--from', '2026-02-30'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('--from must be a UTC day'),
    });
    expect(await run(['events', '--db', db, '--country', 'XYZ'])).toMatchObject({ code: 1 });
    expect(await run(['events', '--db', db, '--code', '99'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('leading zeros'),
    });
    expect(await run(['events', '--db', db, '--format', 'xml'])).toMatchObject({ code: 1 });
    expect(await run(['import', '--db', db])).toMatchObject({ code: 1 });
    expect(await run(['import', '--db', db, '--source', 'acme', exports])).toMatchObject({ code: 1 });
  });

  it('exits 2 when an input is refused, 3 when the store cannot be opened', async () => {
    const db = join(dir, 'refuse.duckdb');
    const missing = await run(['import', '--db', db, join(dir, 'nope.CSV')]);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
    const empty = join(dir, 'empty.export.CSV');
    writeFileSync(empty, '');
    expect(await run(['import', '--db', db, empty])).toMatchObject({
      code: 2,
      err: expect.stringContaining('is empty'),
    });
    const notDb = join(dir, 'not-a-store.duckdb');
    writeFileSync(notDb, 'this is not a database file at all, not even close to one'.repeat(200));
    expect(await run(['stats', '--db', notDb])).toMatchObject({
      code: 3,
      err: expect.stringContaining('store'),
    });
  });

  describe.runIf(hasData)('on real GDELT files', () => {
    const db = join(dir, 'real.duckdb');
    const exportRows = readdirSync(exports)
      .filter((f) => f.endsWith('.CSV'))
      .reduce((n, f) => n + readFileSync(join(exports, f), 'utf8').trimEnd().split('\n').length, 0);

    it('imports a folder with a JSON summary, then adds nothing the second time', async () => {
      const first = await run(['import', exports, '--db', db, '--json']);
      expect(first.code).toBe(0);
      const summary = JSON.parse(first.out);
      expect(summary).toMatchObject({
        files: 5,
        imported: 3,
        already_imported: 2,
        refused: 0,
        rows_set_aside: 0,
      });
      expect(summary.rows_in).toBe(exportRows);
      expect(summary.details).toHaveLength(5);
      const again = JSON.parse((await run(['import', exports, '--db', db, '--json'])).out);
      expect(again).toMatchObject({ imported: 0, already_imported: 5, rows_in: 0 });
      const table = await run(['import', join(exports, '20260514083000.export.CSV'), '--db', db]);
      expect(table.out).toMatch(/rows_in/);
      expect(table.err).toMatch(/already imported: same content as batch/);
    });

    it('stats reports what is in the store', async () => {
      const { code, out } = await run(['stats', '--db', db, '--json']);
      expect(code).toBe(0);
      const stats = JSON.parse(out);
      expect(stats.events).toBe(exportRows);
      expect(stats.batches).toBe(3);
      expect(stats.sources).toEqual([
        expect.objectContaining({ source: 'gdelt2', events: exportRows, first_day: expect.any(String) }),
      ]);
      expect((await run(['stats', '--db', db])).out).toContain(`${exportRows.toLocaleString('en')} events`);
    });

    it('events --country KAZ --from ... --format csv: canonical headers, only matching rows', async () => {
      const { code, out } = await run(
        ['events', '--country', 'KAZ', '--from', '2026-05-01', '--format', 'csv', '--limit', '0'],
        { PEACEBELL_DB: db },
      );
      expect(code).toBe(0);
      const [header, ...rows] = parseCsv(out);
      expect(header).toEqual(EVENT_FIELDS);
      expect(rows.length).toBeGreaterThan(0);
      const at = (row: string[], f: string) => row[EVENT_FIELDS.indexOf(f as (typeof EVENT_FIELDS)[number])];
      for (const row of rows) {
        expect(row).toHaveLength(EVENT_FIELDS.length);
        expect((at(row, 'event_date') as string) >= '2026-05-01').toBe(true);
        expect([
          at(row, 'action_geo_country'),
          at(row, 'actor1_country'),
          at(row, 'actor2_country'),
        ]).toContain('KAZ');
      }
      const byName = await run([
        'events',
        '--db',
        db,
        '--country',
        'Kazakhstan',
        '--from',
        '2026-05-01',
        '--format',
        'ndjson',
        '--limit',
        '0',
      ]);
      expect(byName.out.trim().split('\n')).toHaveLength(rows.length);
    });

    it('events filters by root, code and quad, and limits', async () => {
      const ndjson = async (args: string[]) =>
        (await run(['events', '--db', db, '--format', 'ndjson', '--limit', '0', ...args])).out
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>);
      const protests = await ndjson(['--root', '14']);
      expect(protests.length).toBeGreaterThan(0);
      expect(
        protests.every(
          (e) => e.event_root_code === '14' && ['protest', 'riot'].includes(e.category as string),
        ),
      ).toBe(true);
      const material = await ndjson(['--quad', '4', '--code', '190']);
      expect(material.every((e) => e.quad_class === 4 && e.event_code === '190')).toBe(true);
      const limited = await run(['events', '--db', db, '--format', 'json', '--limit', '3']);
      expect(JSON.parse(limited.out)).toHaveLength(3);
      expect(limited.err).toMatch(/first 3 events/);
    });
  });

  it.runIf(hasData)('rejects lists rows set aside with file, line, field and reason', async () => {
    const db = join(dir, 'rejects.duckdb');
    const file = join(dir, 'bad.export.CSV');
    const good = spawnSync('head', ['-n', '5', join(exports, '20260514083000.export.CSV')], {
      encoding: 'utf8',
    }).stdout;
    writeFileSync(file, `${good}1\t2\t3\n`);
    expect((await run(['import', file, '--db', db])).code).toBe(0);
    const { code, out } = await run(['rejects', '--db', db, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({
        file,
        line: 6,
        reason: expect.stringMatching(/MISSING COLUMNS/),
        raw: '1\t2\t3',
      }),
    ]);
  });

  it('works as `npx peacebell` from the repository root', () => {
    const result = spawnSync('npx', ['--no-install', 'peacebell', '--help'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: peacebell COMMAND');
  });
});
