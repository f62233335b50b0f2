import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { SourceError } from '../../errors.ts';
import { hashingStream } from './digest.ts';

const openZip = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );

const nextEntry = (zip: yauzl.ZipFile) =>
  new Promise<yauzl.Entry | undefined>((resolve, reject) => {
    zip.once('entry', resolve);
    zip.once('end', () => resolve(undefined));
    zip.once('error', reject);
    zip.readEntry();
  });

/**
 * Inflates the single file of a GDELT-style zip to `target`, returning the SHA-256 of the
 * inflated bytes. A truncated or corrupt archive, or one that holds other than one file, is refused.
 */
export async function unzipSingle(path: string, target: string): Promise<{ sha256: string; bytes: number }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new SourceError(
      path,
      `is not a readable zip archive (${(error as Error).message}); truncated download?`,
    );
  }
  try {
    const files: yauzl.Entry[] = [];
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (!entry.fileName.endsWith('/')) files.push(entry);
    }
    const entry = files[0];
    if (files.length !== 1 || !entry) {
      throw new SourceError(path, `holds ${files.length} files; expected exactly one`);
    }
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
    );
    const hash = hashingStream();
    await pipeline(stream, hash.stream, createWriteStream(target));
    return hash.result();
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(path, `is a corrupt zip archive (${(error as Error).message})`);
  } finally {
    zip.close();
  }
}
