import { open } from 'node:fs/promises';
import { SourceError } from '../../errors.ts';

const SAMPLE_BYTES = 64 * 1024;

/**
 * Reads the first lines of a text file and refuses what cannot be a delimited text file:
 * empty, binary (NUL bytes) or not UTF-8 (most sampled lines undecodable). A single bad line
 * is left for the row-level reader to set aside.
 */
export async function sniffText(path: string, label = path): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw new SourceError(label, 'is empty');
    if (bytes.includes(0)) throw new SourceError(label, 'is binary, not a text file (it contains NUL bytes)');
    const raw = bytes.toString('latin1').split('\n');
    if (bytesRead === SAMPLE_BYTES && raw.length > 1) raw.pop();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let invalid = 0;
    const lines = raw.map((line) => {
      const b = Buffer.from(line, 'latin1');
      try {
        return decoder.decode(b).replace(/\r$/, '');
      } catch {
        invalid++;
        return b.toString('utf8');
      }
    });
    if (invalid > 0 && invalid * 2 >= lines.length) {
      throw new SourceError(
        label,
        `is not UTF-8 text (${invalid} of the first ${lines.length} lines are not)`,
      );
    }
    return lines.filter((l) => l.trim().length > 0).slice(0, 50);
  } finally {
    await handle.close();
  }
}
