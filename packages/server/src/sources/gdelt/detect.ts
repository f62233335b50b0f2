import { SourceError } from '../../errors.ts';
import type { Format, RawLayout } from '../util/format.ts';
import { FORMATS, GDELT1_EVENTS, GDELT2_EVENTS, GDELT2_MENTIONS } from './formats.ts';

/** Names accepted by --source, each for one format. */
export const GDELT_FORMAT_NAMES: Readonly<Record<string, Format>> = {
  gdelt2: GDELT2_EVENTS,
  'gdelt2-events': GDELT2_EVENTS,
  'gdelt2-mentions': GDELT2_MENTIONS,
  gdelt1: GDELT1_EVENTS,
  'gdelt1-events': GDELT1_EVENTS,
};

const columnCounts = (format: Format) => (format.layouts ?? []).map((l) => l.columns.length);

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Picks the format from the content (tab-separated column count of the first lines) and the
 * name (translingual feed, GKG); `override` (--source) wins when the content agrees with it.
 */
export function detectGdelt(
  file: string,
  sample: readonly string[],
  override?: Format,
): { format: Format; feed: string; layouts: readonly RawLayout[] } {
  const name = file.split('/').pop() ?? file;
  const feed = /\.translation\./i.test(name) ? 'translation' : 'export';
  const width = mostCommon(sample.filter((l) => l.length > 0).map((l) => l.split('\t').length));
  if (override !== undefined) {
    const format = override;
    if (width !== undefined && !columnCounts(format).includes(width)) {
      throw new SourceError(
        file,
        `is not ${format.title}: its lines have ${width} tab-separated columns, expected ${columnCounts(format).join(' or ')}`,
      );
    }
    return { format, feed, layouts: format.layouts ?? [] };
  }
  if (/\.gkg\./i.test(name)) throw new SourceError(file, 'GDELT GKG files are not imported yet');
  const format = FORMATS.find((f) => width !== undefined && columnCounts(f).includes(width));
  if (!format) {
    const expected = FORMATS.map((f) => `${columnCounts(f).join('/')} (${f.title})`).join(', ');
    throw new SourceError(
      file,
      `is not a known file: no ACLED, UCDP or ICEWS header, and ${width ?? 0} tab-separated columns on its first lines where GDELT has ${expected}`,
      1,
    );
  }
  return { format, feed, layouts: format.layouts ?? [] };
}
