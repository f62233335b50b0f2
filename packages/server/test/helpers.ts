import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Context } from '../src/cli/context.ts';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.ts';

/** A temp folder removed after the file's tests. */
export function tempDir(prefix = 'peacebell-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let n = 0;
export const freshStore = (dir: string) => openDuckDbStore(join(dir, `store-${n++}.duckdb`));

/** The fixed clock of every test. */
export const CLOCK = () => new Date('2026-11-26T12:00:00Z');

/** A CLI context that captures what a command prints. */
export function captureContext(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: Context = {
    stdout: { write: (s: string) => out.push(s) > 0, isTTY: false } as unknown as Context['stdout'],
    stderr: { write: (s: string) => err.push(s) > 0, isTTY: false } as unknown as Context['stderr'],
    env,
    clock: CLOCK,
  };
  return { ctx, stdout: () => out.join(''), stderr: () => err.join('') };
}
