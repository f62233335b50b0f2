import { basename } from 'node:path';
import type { FileSummary } from '../ingest/import-file.ts';
import type { Context } from './context.ts';

/** A one-line progress display on a terminal (stderr); silent when stderr is not a TTY. */
export class Progress {
  private index = 0;
  private rows = 0;
  private readonly t0 = performance.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: Context,
    private readonly total: number,
  ) {}

  private get on() {
    return this.ctx.stderr.isTTY === true;
  }

  private draw(file: string) {
    const seconds = (performance.now() - this.t0) / 1000;
    const rate = seconds > 0 ? Math.round(this.rows / seconds) : 0;
    const width = 24;
    const filled = Math.round((this.index / Math.max(1, this.total)) * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    this.ctx.stderr.write(
      `\r\x1b[K[${bar}] ${this.index}/${this.total} files  ${this.rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s  ${seconds.toFixed(1)} s  ${basename(file)}`,
    );
  }

  start(file: string) {
    if (!this.on) return;
    clearInterval(this.timer);
    this.draw(file);
    this.timer = setInterval(() => this.draw(file), 500);
  }

  finish(result: FileSummary) {
    this.index++;
    this.rows += result.rowsRead;
    if (this.on) this.draw(result.file);
  }

  clear() {
    clearInterval(this.timer);
    if (this.on) this.ctx.stderr.write('\r\x1b[K');
  }
}
