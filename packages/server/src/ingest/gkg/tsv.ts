import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * A temp file of tab-separated rows for the engine's bulk reader. Values come from GKG fields,
 * which hold no tabs or line ends; null is written as an empty field (read back as NULL).
 */
export class TsvWriter {
  private readonly out: WriteStream;
  private buffer = '';
  rows = 0;

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
  }

  async write(values: readonly (string | number | null)[]): Promise<void> {
    this.buffer += `${values.map((v) => (v === null ? '' : String(v))).join('\t')}\n`;
    this.rows++;
    if (this.buffer.length >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = '';
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
