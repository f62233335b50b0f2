import { createReadStream } from 'node:fs';

/**
 * The lines of a file, numbered from 1, without line ends (`\n` or `\r\n`). Reads 1 MiB at a
 * time; only the line in hand is held, so memory follows the longest line, not the file.
 */
export async function* readLines(path: string): AsyncIterable<{ line: string; number: number }> {
  let rest: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let end = buffer.indexOf(10, start); end >= 0; end = buffer.indexOf(10, start)) {
      const stop = end > start && buffer[end - 1] === 13 ? end - 1 : end;
      yield { line: buffer.toString('utf8', start, stop), number: ++number };
      start = end + 1;
    }
    rest = buffer.subarray(start);
  }
  if (rest.length > 0) {
    const stop = rest[rest.length - 1] === 13 ? rest.length - 1 : rest.length;
    yield { line: rest.toString('utf8', 0, stop), number: number + 1 };
  }
}
