import { createReadStream } from 'node:fs';

/**
 * Physical line numbers (1-based) where the given data records start, in a quoted CSV whose
 * fields may hold newlines. `records` are 1-based ordinals of the records after `skip` lines.
 * The engine reports rejects by record, which for such files is not the line a person opens.
 */
export async function recordStartLines(
  file: string,
  skip: number,
  records: readonly number[],
  quote = '"',
): Promise<Map<number, number>> {
  const wanted = new Set(records);
  const found = new Map<number, number>();
  if (wanted.size === 0) return found;
  const last = Math.max(...records);
  const q = quote.charCodeAt(0);
  let line = 1;
  let record = 0;
  let quoted = false;
  let atStart = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (atStart && line > skip) {
        record++;
        if (wanted.has(record)) found.set(record, line);
        if (record >= last) return found;
      }
      atStart = false;
      if (byte === q) quoted = !quoted;
      else if (byte === 10) {
        line++;
        if (!quoted) atStart = true;
      }
    }
  }
  return found;
}
