import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decodeWindows1252 } from './cp1252.ts';

/** Rewrites a Windows-1252 file as UTF-8 (streaming), so the engine reads names and notes without mojibake. */
export async function windows1252ToUtf8(source: string, target: string): Promise<void> {
  await pipeline(
    createReadStream(source, { highWaterMark: 1 << 20 }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, Buffer.from(decodeWindows1252(chunk), 'utf8'));
      },
    }),
    createWriteStream(target),
  );
}

/** Bytes at the end of a chunk that may begin a multi-byte sequence the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number;
    if ((byte & 0xc0) !== 0x80) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needs > back ? back : 0;
    }
  }
  return 0;
}

/** Whether the whole file is valid UTF-8 (streamed with node:buffer's fast check; stops at the first bad chunk). */
export async function isUtf8File(path: string): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const keep = incompleteTail(data);
    if (!isUtf8(data.subarray(0, data.length - keep))) return false;
    carry = Buffer.from(data.subarray(data.length - keep));
  }
  return carry.length === 0;
}
