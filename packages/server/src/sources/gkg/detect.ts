import { SourceError } from '../../errors.ts';
import type { Format, RawLayout } from '../util/format.ts';
import { GKG_FORMATS, GKG1, GKG2, isGkgFormat, type GkgFormat } from './format.ts';

const width = (f: GkgFormat) => f.layouts?.[0]?.columns.length ?? 0;

/** Names accepted by --source. */
export const GKG_FORMAT_NAMES: Readonly<Record<string, Format>> = {
  gkg: GKG2,
  'gdelt2-gkg': GKG2,
  gkg1: GKG1,
  'gdelt1-gkg': GKG1,
};

/**
 * A GKG file, told by its first line's column count (27: GKG 2.1; 11 or GKG 1.0's header: the
 * 1.0 graph file); undefined when it is none. `.translation.` in the name or translated records
 * make the feed 'translation'.
 */
export function detectGkg(
  file: string,
  lines: readonly string[],
  override?: Format,
): { format: GkgFormat; feed: string; layouts: readonly RawLayout[] } | undefined {
  if (override && !isGkgFormat(override)) return undefined;
  const name = file.split('/').pop() ?? file;
  // GDELT's names say it; a first record longer than the sniffed sample shows too few columns.
  const named = /\.gkg\./i.test(name);
  const first = lines.find((l) => l.length > 0 && l !== GKG1.header);
  const columns = first?.split('\t').length ?? 0;
  const looksGkg1 = lines[0] === GKG1.header || /^\d{8}\t/.test(first ?? '');
  const found =
    override ?? (named ? GKG2 : GKG_FORMATS.find((f) => columns === width(f) && (f !== GKG1 || looksGkg1)));
  if (!found || !isGkgFormat(found)) return undefined;
  if (!named && columns !== 0 && columns !== width(found)) {
    throw new SourceError(
      file,
      `is not ${found.title}: its lines have ${columns} tab-separated columns, expected ${width(found)}`,
    );
  }
  const translated = /\.translation\./i.test(name) || /^\d{14}-T\d+\t/.test(first ?? '');
  return { format: found, feed: translated ? 'translation' : 'gkg', layouts: found.layouts ?? [] };
}
