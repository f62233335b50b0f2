import { SourceError } from '../errors.ts';
import { ACLED_EVENTS } from './acled/format.ts';
import { detectGdelt, GDELT_FORMAT_NAMES } from './gdelt/detect.ts';
import { detectGkg, GKG_FORMAT_NAMES } from './gkg/detect.ts';
import { ICEWS_EVENTS } from './icews/format.ts';
import { UCDP_GED } from './ucdp/format.ts';
import { normaliseNames, splitCsvLine, type Format, type RawLayout } from './util/format.ts';
import type { Sniffed } from './util/sniff.ts';

/** Every source's formats; the only module that knows them all. */
const HEADERED: readonly Format[] = [ACLED_EVENTS, UCDP_GED, ICEWS_EVENTS];

/** Names accepted by --source. */
export const FORMAT_NAMES: Readonly<Record<string, Format>> = {
  ...GDELT_FORMAT_NAMES,
  ...GKG_FORMAT_NAMES,
  acled: ACLED_EVENTS,
  ucdp: UCDP_GED,
  icews: ICEWS_EVENTS,
};

export interface Detected {
  format: Format;
  feed: string;
  /** Tried in order; each row goes in through the first that reads it. */
  layouts: readonly RawLayout[];
}

const HEADER_SEARCH = 8;

/** The header line (within the first lines, after any preamble) of a headered format. */
function findHeader(format: Format, lines: readonly string[]): { at: number; names: string[] } | undefined {
  const h = format.headered;
  if (!h) return undefined;
  for (let at = 0; at < Math.min(lines.length, HEADER_SEARCH); at++) {
    const line = lines[at] as string;
    if (!line.includes(h.delimiter)) continue;
    const names = normaliseNames(splitCsvLine(line, h.delimiter));
    if (h.recognise(names)) return { at, names };
  }
  return undefined;
}

function headeredLayout(
  format: Format,
  lines: readonly string[],
  header: { at: number; names: string[] },
): RawLayout {
  const h = format.headered as NonNullable<Format['headered']>;
  let skip = header.at + 1;
  const next = splitCsvLine(lines[skip] ?? '', h.delimiter);
  if (next.some((v) => v.startsWith('#')) && next.every((v) => v === '' || v.startsWith('#'))) skip++; // HXL row
  const values = splitCsvLine(lines[skip] ?? '', h.delimiter);
  const sample = Object.fromEntries(header.names.map((n, i) => [n, values[i] ?? '']));
  return {
    ...h.layout(header.names, sample),
    delimiter: h.delimiter,
    quote: h.delimiter === ',' ? '"' : '',
    skip,
  };
}

/**
 * Picks the format: a recognised header (ACLED, UCDP, ICEWS) or GDELT's column count (GKG first);
 * `override` (--source) wins when the content agrees with it. GDELT must be UTF-8; the
 * headered formats may also be Windows-1252 (see importFile).
 */
export function detect(file: string, sniffed: Sniffed, override?: Format): Detected {
  const { lines } = sniffed;
  let detected: Detected | undefined;
  for (const format of override ? [override] : HEADERED) {
    const header = findHeader(format, lines);
    if (header) {
      detected = { format, feed: 'file', layouts: [headeredLayout(format, lines, header)] };
      break;
    }
  }
  if (override?.headered && !detected) {
    throw new SourceError(file, `is not ${override.title}: no header of that format in its first lines`);
  }
  if (detected) return detected;
  if (!sniffed.utf8)
    throw new SourceError(file, 'is not UTF-8 text (nor a Windows-1252 ACLED, UCDP or ICEWS file)');
  return detectGkg(file, lines, override) ?? detectGdelt(file, lines, override);
}
