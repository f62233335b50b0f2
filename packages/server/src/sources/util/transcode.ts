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

/** Whether the whole file is valid UTF-8 (streamed; stops at the first bad sequence). */
export async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
