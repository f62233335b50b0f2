import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGdeltFile } from './make-gdelt-file.ts';

/**
 * The ingest benchmark. Builds a GDELT 2.0 file of N million
 * real rows (new ids), then in one run measures peacebell import, DuckDB's raw read_csv into a
 * plain table, and pandas read_csv (when Debian's python3-pandas is there), and prints ratios.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.PEACEBELL_TESTDATA ?? resolve(root, '../shared/data');

interface Run {
  seconds: number;
  rows: number;
  maxRssMb: number;
}

function child(command: string, args: string[]): Run {
  const out = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as Run;
}

export async function ingestBench(millions: number): Promise<void> {
  const rows = Math.round(millions * 1_000_000);
  const work = mkdtempSync(join(tmpdir(), 'peacebell-bench-'));
  try {
    const file = join(work, `gdelt2-${millions}M.export.CSV`);
    const t0 = performance.now();
    const templates = await makeGdeltFile(dataDir, rows, file);
    const mb = statSync(file).size / 1e6;
    console.log(
      `file: ${rows.toLocaleString('en')} rows (${templates} real rows repeated, new ids), ${mb.toFixed(0)} MB, built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 0 });

    const tsx = ['--import', 'tsx'];
    const raw = child('node', [...tsx, 'bench/run-raw.ts', file, join(work, 'raw.duckdb')]);
    const ours = child('node', [...tsx, 'bench/run-import.ts', file, join(work, 'peacebell.duckdb')]);
    const hasPandas =
      existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import pandas']).status === 0;
    const pandas = hasPandas ? child('/usr/bin/python3', ['bench/run-pandas.py', file]) : undefined;

    const rate = (r: Run) => r.rows / r.seconds;
    const line = (name: string, r: Run) =>
      console.log(
        `${name.padEnd(34)} ${r.seconds.toFixed(2).padStart(8)} s ${Math.round(rate(r)).toLocaleString('en').padStart(10)} rows/s ${Math.round(r.maxRssMb).toLocaleString('en').padStart(7)} MB peak RSS`,
      );
    line('peacebell import', ours);
    line('DuckDB read_csv → table (baseline)', raw);
    if (pandas) line('pandas read_csv (python3-pandas)', pandas);
    else console.log('pandas read_csv: not measured (no python3-pandas in /usr/bin/python3)');
    console.log('');
    const ratio = rate(ours) / rate(raw);
    console.log(`import / raw DuckDB throughput: ${ratio.toFixed(2)}× (target ≥ 0.80)`);
    if (pandas)
      console.log(`import / pandas throughput:      ${(rate(ours) / rate(pandas)).toFixed(2)}× (target ≥ 2)`);
    console.log(`import peak RSS: ${Math.round(ours.maxRssMb)} MB (target < 1,536 MB at 5M rows)`);
    if (ours.rows !== rows || raw.rows !== rows) {
      throw new Error(`row counts differ: file ${rows}, import ${ours.rows}, raw ${raw.rows}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
