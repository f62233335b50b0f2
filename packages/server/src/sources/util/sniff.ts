import { open } from 'node:fs/promises';
import { SourceError } from '../../errors.ts';
import { decodeWindows1252 } from './cp1252.ts';

const SAMPLE_BYTES = 64 * 1024;

export interface Sniffed {
  /** The first lines (blank ones kept, so positions are line numbers - 1), without line ends or BOM. */
  lines: string[];
  /** Whether the sample is UTF-8; if not, `lines` were decoded as Windows-1252. */
  utf8: boolean;
  bom: boolean;
}

/**
 * Reads the first 64 KB of a text file and refuses what cannot be a delimited text file: empty
 * or binary (NUL bytes). A few undecodable lines are left for the row reader to set aside; a
 * sample that is mostly not UTF-8 is decoded as Windows-1252 and said so.
 */
export async function sniffText(path: string, label = path): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    let bytes = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw new SourceError(label, 'is empty');
    if (bytes.includes(0)) throw new SourceError(label, 'is binary, not a text file (it contains NUL bytes)');
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (bom) bytes = bytes.subarray(3);
    const raw = bytes.toString('latin1').split('\n');
    if (bytesRead === SAMPLE_BYTES && raw.length > 1) raw.pop();
    const strict = new TextDecoder('utf-8', { fatal: true });
    let invalid = 0;
    for (const line of raw) {
      try {
        strict.decode(Buffer.from(line, 'latin1'));
      } catch {
        invalid++;
      }
    }
    const utf8 = invalid * 2 < raw.length;
    const decoder = new TextDecoder('utf-8');
    const decode = (line: string) =>
      utf8 ? decoder.decode(Buffer.from(line, 'latin1')) : decodeWindows1252(Buffer.from(line, 'latin1'));
    const lines = raw.map((line) => decode(line).replace(/\r$/, ''));
    if (invalid > 0 && !utf8 && lines.every((l) => l.trim() === ''))
      throw new SourceError(label, 'is not text');
    return { lines, utf8, bom };
  } finally {
    await handle.close();
  }
}
