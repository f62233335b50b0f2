import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const goldenDir = join(import.meta.dirname, 'golden');

/** Compares with golden/NAME; a mismatch leaves NAME-changed beside it; UPDATE=1 rewrites the file. */
export function expectGolden(name: string, actual: string): void {
  const golden = join(goldenDir, name);
  const changed = `${golden}-changed`;
  if (process.env.UPDATE === '1') writeFileSync(golden, actual);
  const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : '';
  if (actual !== expected) writeFileSync(changed, actual);
  else rmSync(changed, { force: true });
  expect(actual, `compare ${changed} with ${golden}`).toBe(expected);
}
