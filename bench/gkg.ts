import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The GKG benchmark: a GKG 2.1 file of about `mb` MB made by repeating the 200 real records of
 * the shared data (new record ids, dates spread over 30 days), then, in one run and each in its
 * own process, a plain read of the file (bytes and lines counted) and `peacebell import`: MB/s
 * of both, their ratio and peak RSS.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.PEACEBELL_TESTDATA ?? resolve(root, '../shared/data');

interface Run {
  seconds: number;
  rows: number;
  maxRssMb: number;
}

function child(args: string[]): Run {
  const out = spawnSync('node', ['--import', 'tsx', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (out.status !== 0) throw new Error(`${args.join(' ')} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as Run;
}

/** Writes the real records again and again with new ids and days until the file has `mb` MB. */
async function makeGkgFile(file: string, mb: number): Promise<number> {
  const records = ['gkg/gkg.csv', 'gkg/gkgT.csv'].flatMap((f) =>
    readFileSync(join(dataDir, f), 'utf8')
      .split('\n')
      .filter((l) => l !== ''),
  );
  const out = createWriteStream(file);
  let bytes = 0;
  let rows = 0;
  for (let copy = 0; bytes < mb * 1e6; copy++) {
    const day = new Date(Date.UTC(2026, 4, 1 + (copy % 30))).toISOString().slice(0, 10).replaceAll('-', '');
    let chunk = '';
    for (const [i, record] of records.entries()) {
      const tab = record.indexOf('\t');
      const rest = record.slice(tab + 1);
      const stamp = `${day}${rest.slice(8, 14)}`;
      chunk += `${stamp}-B${copy}x${i}\t${stamp}${rest.slice(14)}\n`;
      rows++;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done) => out.end(() => done()));
  return rows;
}

export async function gkgBench(mb: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'peacebell-bench-gkg-'));
  try {
    const file = join(work, '20260501000000.gkg.csv');
    const rows = await makeGkgFile(file, mb);
    const size = statSync(file).size / 1e6;
    console.log(
      `file: ${rows.toLocaleString('en')} GKG 2.1 records (200 real ones repeated, new ids), ${size.toFixed(0)} MB\n`,
    );
    const read = child(['bench/run-gkg-read.ts', file]);
    const ours = child(['bench/run-import.ts', file, join(work, 'peacebell.duckdb')]);
    const line = (name: string, r: Run) =>
      console.log(
        `${name.padEnd(28)} ${r.seconds.toFixed(2).padStart(7)} s ${(size / r.seconds).toFixed(1).padStart(7)} MB/s ${Math.round(r.maxRssMb).toLocaleString('en').padStart(6)} MB peak RSS`,
      );
    line('plain read (lines counted)', read);
    line('peacebell import', ours);
    console.log(
      `\nimport / plain read throughput: ${(read.seconds / ours.seconds).toFixed(2)}×; import ${(size / ours.seconds).toFixed(1)} MB/s (target ≥ 20)`,
    );
    if (ours.rows !== rows || read.rows !== rows) {
      throw new Error(`record counts differ: file ${rows}, import ${ours.rows}, read ${read.rows}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
