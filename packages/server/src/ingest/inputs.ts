import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError } from '../errors.ts';

/** What a folder contributes: delimited text files, plain or zipped, as GDELT ships them. */
const IMPORTABLE = /\.(csv|tsv|tab|txt)(\.zip)?$|\.zip$/i;
const FOLDER_IMPORTABLE = /\.(csv|tsv|tab)(\.zip)?$|\.zip$/i;

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map(async (e) => {
        const path = join(dir, e.name);
        if (e.isDirectory()) return walk(path);
        return e.isFile() && FOLDER_IMPORTABLE.test(e.name) ? [path] : [];
      }),
  );
  return nested.flat();
}

/**
 * Expands files, folders (recursively, importable names only) and globs into a sorted list of
 * files, each once. A path that does not exist is a refused input.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) throw new CliError(`no file matches ${arg}`, 2);
      matches.filter((m) => IMPORTABLE.test(m)).forEach((m) => files.add(m));
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (!info) throw new CliError(`${arg}: no such file or folder`, 2);
    if (info.isDirectory()) {
      const found = await walk(arg);
      if (found.length === 0) throw new CliError(`${arg}: the folder holds no .csv or .zip file`, 2);
      found.forEach((f) => files.add(f));
    } else {
      files.add(arg);
    }
  }
  return [...files].sort((a, b) => a.localeCompare(b));
}
