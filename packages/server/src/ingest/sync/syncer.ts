import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceError } from '../../errors.ts';
import { readFileList, type GdeltFeed, type ListedFile } from '../../sources/gdelt/file-list.ts';
import {
  download,
  DownloadError,
  fetchStream,
  fetchText,
  type DownloadOptions,
} from '../../sources/util/download.ts';
import type { Store } from '../../store/store.ts';
import { IN_PLACE, type EventWrites } from '../event-writes.ts';
import type { FileSummary } from '../import-file.ts';
import { dueFiles, markFailed, markImported, recordListed, type TrackedFile } from './file-state.ts';

export interface SyncOptions {
  /** GDELT 2.0's folder, or a mirror of it: lastupdate.txt and masterfilelist.txt live here. */
  baseUrl: string;
  feeds: readonly GdeltFeed[];
  /** Also the translingual feed (lastupdate-translation.txt, masterfilelist-translation.txt). */
  translingual: boolean;
  /** Downloads at once; imports run one at a time. */
  concurrency: number;
  /** Keep downloaded zips here; without it they go to a temp folder and are deleted once imported. */
  cacheDir: string | null;
  /** How long after its slot a file that is 404 upstream is still looked for. */
  missingRetryHours: number;
  download: DownloadOptions;
  clock: () => Date;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Days of raw GKG records kept (ingest/gkg/prune.ts); default 7. */
  gkgRetentionDays?: number;
  /** Called after each file whose import committed new rows (the API bumps its data generation). */
  onImported?: (file: FileSummary) => void;
  /** How files reach the store (default in place, DuckDB's way; ingest/event-writes.ts). */
  writes?: EventWrites;
}

export interface RunSummary {
  imported: number;
  alreadyImported: number;
  missing: number;
  failed: number;
  rows: number;
}

const MAX_FAILED_ATTEMPTS = 8;

/** Temp files of downloads a killed process left behind. */
async function sweepPartials(dir: string) {
  const names = await readdir(dir);
  await Promise.all(
    names.filter((n) => /^\..*\.part$/.test(n)).map((n) => rm(join(dir, n), { force: true })),
  );
}
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
const lists = (o: SyncOptions, kind: 'lastupdate' | 'masterfilelist') => [
  `${o.baseUrl}/${kind}.txt`,
  ...(o.translingual ? [`${o.baseUrl}/${kind}-translation.txt`] : []),
];

/**
 * Brings GDELT files into the store: lists them (a range from the master list, or the latest
 * from lastupdate.txt), then downloads, verifies and imports whatever is due, remembering each
 * file's state so that a restart resumes without importing anything twice.
 */
export class Syncer {
  constructor(
    private readonly store: Store,
    private readonly o: SyncOptions,
  ) {}

  private wanted = (f: ListedFile) =>
    this.o.feeds.includes(f.feed) && (this.o.translingual || !f.translingual);

  /** Streams the master list(s) and records the wanted files whose slot is in [from, to]. */
  async listRange(from: Date, to: Date): Promise<number> {
    const lo = from.getTime();
    const hi = to.getTime();
    const inRange = (f: ListedFile) => this.wanted(f) && Date.parse(f.slot) >= lo && Date.parse(f.slot) <= hi;
    let recorded = 0;
    for (const url of lists(this.o, 'masterfilelist')) {
      let batch: ListedFile[] = [];
      let malformed = 0;
      const body = await fetchStream(url, this.o.download);
      // The master list is not in timestamp order: read it to the end.
      for await (const f of readFileList(body, inRange, { onMalformed: () => malformed++ })) {
        batch.push(f);
        if (batch.length >= 2000) {
          recorded += await recordListed(this.store, batch, this.o.clock());
          batch = [];
        }
      }
      recorded += await recordListed(this.store, batch, this.o.clock());
      if (malformed > 0) this.o.log(`${url}: ${malformed} malformed lines skipped`);
    }
    return recorded;
  }

  /** Reads lastupdate.txt (and its translingual twin) and records the wanted files. */
  async listLatest(): Promise<number> {
    let recorded = 0;
    for (const url of lists(this.o, 'lastupdate')) {
      const text = await fetchText(url, this.o.download);
      const files: ListedFile[] = [];
      const lines = { malformed: 0 };
      for await (const f of readFileList([new TextEncoder().encode(text)], this.wanted, {
        onMalformed: () => lines.malformed++,
      })) {
        files.push(f);
      }
      if (lines.malformed > 0) this.o.log(`${url}: ${lines.malformed} malformed lines skipped`);
      recorded += await recordListed(this.store, files, this.o.clock());
    }
    return recorded;
  }

  /** Downloads (concurrently) and imports (one at a time, oldest first) every file that is due. */
  async runDue(): Promise<RunSummary> {
    const summary: RunSummary = { imported: 0, alreadyImported: 0, missing: 0, failed: 0, rows: 0 };
    const due = await dueFiles(this.store, this.o.clock(), this.o.feeds, this.o.translingual);
    if (due.length === 0) return summary;
    const dir = this.o.cacheDir ?? (await mkdtemp(join(tmpdir(), 'peacebell-sync-')));
    await mkdir(dir, { recursive: true });
    await sweepPartials(dir);
    try {
      const downloads = new Map<string, Promise<string | DownloadError>>();
      let next = 0;
      const start = () => {
        while (
          downloads.size - next < this.o.concurrency &&
          downloads.size < due.length &&
          !this.o.signal?.aborted
        ) {
          const file = due[downloads.size] as TrackedFile;
          downloads.set(file.name, this.fetchFile(file, dir));
        }
      };
      start();
      for (; next < due.length && !this.o.signal?.aborted; next++) {
        const file = due[next] as TrackedFile;
        const fetched = await (downloads.get(file.name) as Promise<string | DownloadError>);
        start();
        if (fetched instanceof DownloadError) await this.recordFailure(file, fetched, summary);
        else await this.importOne(file, fetched, summary, this.o.cacheDir === null);
      }
      await Promise.allSettled(downloads.values());
    } finally {
      if (this.o.cacheDir === null) await rm(dir, { recursive: true, force: true });
    }
    return summary;
  }

  private async fetchFile(file: TrackedFile, dir: string): Promise<string | DownloadError> {
    try {
      const target = join(dir, file.name);
      await download(
        file.url,
        target,
        { size: file.size ?? undefined, md5: file.md5 ?? undefined },
        this.o.download,
      );
      return target;
    } catch (error) {
      if (error instanceof DownloadError) return error;
      return new DownloadError(file.url, 'failed', (error as Error).message);
    }
  }

  private async importOne(file: TrackedFile, path: string, summary: RunSummary, discard: boolean) {
    const t0 = performance.now();
    try {
      const bytes = (await stat(path)).size;
      const result = await (this.o.writes ?? IN_PLACE).importFile(this.store, path, {
        clock: this.o.clock,
        origin: file.url,
        ...(this.o.gkgRetentionDays === undefined ? {} : { gkgRetentionDays: this.o.gkgRetentionDays }),
      });
      await markImported(this.store, file.name, result.batchId, result.inserted, this.o.clock());
      const ms = Math.round(performance.now() - t0);
      if (result.status === 'already imported') {
        summary.alreadyImported++;
        this.o.log(`${file.name} already imported (batch ${result.batchId})`);
      } else {
        summary.imported++;
        summary.rows += result.inserted;
        this.o.onImported?.(result);
        const aside = result.rejected ? `, ${result.rejected} set aside` : '';
        this.o.log(`${file.name} ${kb(bytes)}, ${result.inserted} rows in ${ms} ms${aside}`);
      }
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      summary.failed++;
      await markFailed(this.store, file.name, 'failed', error.message, null, this.o.clock());
      this.o.log(`${file.name} refused: ${error.message}`);
    } finally {
      if (discard) await rm(path, { force: true });
    }
  }

  private async recordFailure(file: TrackedFile, error: DownloadError, summary: RunSummary) {
    const now = this.o.clock();
    if (error.kind === 'missing') {
      summary.missing++;
      const deadline = Date.parse(file.slot) + this.o.missingRetryHours * 3_600_000;
      const retry = Math.min(60, 5 * 2 ** Math.min(file.attempts, 4)) * 60_000;
      const retryAt = now.getTime() + retry <= deadline ? new Date(now.getTime() + retry) : null;
      await markFailed(this.store, file.name, 'missing', `404 upstream: ${error.message}`, retryAt, now);
      this.o.log(
        `${file.name} missing upstream${retryAt ? `, retry at ${retryAt.toISOString()}` : ', given up'}`,
      );
      return;
    }
    summary.failed++;
    const retryAt =
      file.attempts + 1 < MAX_FAILED_ATTEMPTS
        ? new Date(now.getTime() + 15 * 60_000 * 2 ** file.attempts)
        : null;
    await markFailed(this.store, file.name, 'failed', `${error.kind}: ${error.message}`, retryAt, now);
    this.o.log(`${file.name} failed (${error.kind}): ${error.message}`);
  }
}
