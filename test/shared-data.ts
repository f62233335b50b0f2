import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared real-data folder; PEACEBELL_TESTDATA overrides ../shared/data. */
export const DATA_DIR = process.env.PEACEBELL_TESTDATA ?? resolve(repoRoot, '../shared/data');

/** Absolute path of a file in the shared data; in CI a missing folder fails rather than skips. */
export function dataFile(relative: string): string {
  const path = resolve(DATA_DIR, relative);
  if (!existsSync(path)) {
    throw new Error(`test data not found: ${path} (set PEACEBELL_TESTDATA to the shared data folder)`);
  }
  return path;
}

export const hasData = existsSync(DATA_DIR) || process.env.CI === 'true';
