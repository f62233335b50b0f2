import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../../../test/shared-data.ts';
import { startMirror, type Mirror } from '../../../test/fixtures/gdelt-mirror.ts';
import { readFileList } from '../gdelt/file-list.ts';
import { download, DownloadError, fetchStream, fetchText, type DownloadOptions } from './download.ts';

const EXPORT = '20260514083000.export.CSV.zip';

describe.runIf(hasData)('download from a GDELT mirror', () => {
  let mirror: Mirror;
  let dir: string;
  let logs: string[];
  let sleeps: number[];
  beforeAll(async () => {
    mirror = await startMirror();
    dir = await mkdtemp(join(tmpdir(), 'peacebell-download-'));
  });
  afterAll(async () => {
    await mirror?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    logs = [];
    sleeps = [];
  });
  afterEach(() => {
    for (const name of [EXPORT, 'lastupdate.txt', 'masterfilelist.txt']) mirror.fault(name, {});
    mirror.publish(mirror.files.map((f) => f.name));
    mirror.setNow('20260514234500');
  });

  const options = (extra: DownloadOptions = {}): DownloadOptions => ({
    sleep: async (ms) => void sleeps.push(ms),
    timeoutMs: 2000,
    log: (line) => logs.push(line),
    ...extra,
  });
  const listed = (name: string) => {
    const file = mirror.files.find((f) => f.name === name);
    if (!file) throw new Error(`${name} is not in the mirror`);
    return { url: `${mirror.baseUrl}/${name}`, expected: { size: file.size, md5: file.md5 } };
  };
  /** Downloads a mirror file into its own folder, counting the requests it made. */
  async function get(name: string, folder: string, extra?: DownloadOptions) {
    const { url, expected } = listed(name);
    const before = mirror.requests.length;
    const target = join(dir, folder, name);
    const settled = await download(url, target, expected, options(extra)).then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
    const left = await readdir(join(dir, folder)).catch(() => []);
    return { ...settled, target, left, requests: mirror.requests.length - before };
  }

  it('downloads a real file, verified by size and md5', async () => {
    const { value, target, left, requests } = await get(EXPORT, 'plain');
    const original = await readFile(dataFile(`gdelt2/export/${EXPORT}`));
    expect(value).toMatchObject({ path: target, bytes: 55585, md5: 'fe0d362fe6dc5c00f65e53ed2289cfa0' });
    expect(value?.attempts).toBe(1);
    expect((await readFile(target)).equals(original)).toBe(true);
    expect(left).toEqual([EXPORT]);
    expect(requests).toBe(1);
    expect(logs).toEqual([expect.stringMatching(/^20260514083000\.export\.CSV\.zip 54 KB in \d+ ms$/)]);
  });

  it('retries an md5 mismatch, then gives up with "mismatch" and leaves no file', async () => {
    mirror.fault(EXPORT, { corrupt: true });
    const { error, left, requests } = await get(EXPORT, 'corrupt', { backoffMs: 100 });
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ kind: 'mismatch', url: listed(EXPORT).url });
    expect((error as Error).message).toMatch(
      /^md5 \w{32}, expected fe0d362fe6dc5c00f65e53ed2289cfa0 \(after 5/,
    );
    expect(requests).toBe(5);
    expect(left).toEqual([]);
    expect(sleeps).toHaveLength(4);
    sleeps.forEach((ms, i) => expect(ms).toBeGreaterThanOrEqual(50 * 2 ** i));
    sleeps.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(100 * 2 ** i));
    expect(logs[0]).toMatch(/ retry 1\/4 in \d+ ms after md5 /);
  });

  it('retries a truncated transfer until the fault runs out', async () => {
    mirror.fault(EXPORT, { truncateAt: 20_000, times: 2 });
    const { value, left, requests } = await get(EXPORT, 'truncated');
    expect(value).toMatchObject({ bytes: 55585, attempts: 3 });
    expect(requests).toBe(3);
    expect(left).toEqual([EXPORT]);
    expect(logs[0]).toMatch(/20000 bytes, expected 55585 \(truncated\)/);
  });

  it('retries a connection dropped mid-body', async () => {
    mirror.fault(EXPORT, { resetAfterBytes: 10_000, times: 1 });
    const { value, left } = await get(EXPORT, 'reset');
    expect(value).toMatchObject({ md5: 'fe0d362fe6dc5c00f65e53ed2289cfa0', attempts: 2 });
    expect(left).toEqual([EXPORT]);
  });

  it('retries a 500, and fails with the status when 5xx lasts', async () => {
    mirror.fault(EXPORT, { status: 500, times: 1 });
    const once = await get(EXPORT, 'status-500');
    expect(once.value?.attempts).toBe(2);
    expect(logs[0]).toMatch(/retry 1\/4 in \d+ ms after HTTP 500/);
    mirror.fault(EXPORT, { status: 503 });
    const always = await get(EXPORT, 'status-503', { retries: 2 });
    expect(always.error).toMatchObject({ kind: 'failed', status: 503 });
    expect(always.requests).toBe(3);
  });

  it('times out a slow or stalled server and retries', async () => {
    mirror.fault(EXPORT, { delayMs: 1000, times: 1 });
    const slow = await get(EXPORT, 'slow', { timeoutMs: 150 });
    expect(slow.value?.attempts).toBe(2);
    expect(logs[0]).toMatch(/timeout: no response in 150 ms/);
    mirror.fault(EXPORT, { stallAfterBytes: 5000, times: 1 });
    const stalled = await get(EXPORT, 'stalled', { timeoutMs: 150 });
    expect(stalled.value).toMatchObject({ bytes: 55585, attempts: 2 });
    expect(stalled.left).toEqual([EXPORT]);
    expect(logs.some((l) => /timeout: no data in 150 ms/.test(l))).toBe(true);
  });

  it('throws "missing" at once on a 404, and gets the file once it is published', async () => {
    const late = '20260514090000.export.CSV.zip';
    mirror.hide([late]);
    const missing = await get(late, 'late');
    expect(missing.error).toMatchObject({ kind: 'missing', status: 404 });
    expect(missing.requests).toBe(1);
    expect(missing.left).toEqual([]);
    expect(sleeps).toEqual([]);
    mirror.publish([late]);
    expect((await get(late, 'late')).value?.bytes).toBe(82345);
  });

  it('shares one request between concurrent downloads of one target', async () => {
    const { url, expected } = listed(EXPORT);
    const target = join(dir, 'shared', EXPORT);
    const before = mirror.requests.length;
    const [a, b] = await Promise.all([
      download(url, target, expected, options()),
      download(url, target, expected, options()),
    ]);
    expect(a).toBe(b);
    expect(mirror.requests.length - before).toBe(1);
  });

  it('does not fetch a target already present and verified, but replaces a wrong one', async () => {
    await get(EXPORT, 'present');
    const again = await get(EXPORT, 'present');
    expect(again.value?.attempts).toBe(0);
    expect(again.requests).toBe(0);
    await writeFile(again.target, 'not the file');
    const replaced = await get(EXPORT, 'present');
    expect(replaced.value?.attempts).toBe(1);
    const md5 = createHash('md5')
      .update(await readFile(replaced.target))
      .digest('hex');
    expect(md5).toBe('fe0d362fe6dc5c00f65e53ed2289cfa0');
  });

  it('stops when its signal is aborted, leaving no file', async () => {
    mirror.fault(EXPORT, { stallAfterBytes: 5000, times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    const { error, left } = await get(EXPORT, 'aborted', { signal: controller.signal });
    expect((error as Error).message).toBe('shutting down');
    expect(left).toEqual([]);
  });

  it('fetches lastupdate.txt with retries: the newest visible slot, which may lack an export', async () => {
    mirror.fault('lastupdate.txt', { status: 502, times: 1 });
    mirror.setNow('20260514084500');
    const text = await fetchText(`${mirror.baseUrl}/lastupdate.txt`, options());
    expect(text.trim().split('\n')).toEqual([
      expect.stringMatching(/ \w{32} http.*\/20260514084500\.mentions\.CSV\.zip$/),
    ]);
    mirror.setNow('20260514090000');
    const next = await fetchText(`${mirror.baseUrl}/lastupdate.txt`, options());
    expect(next.match(/\d{14}\.\w+\.CSV\.zip/g)).toEqual([
      '20260514090000.export.CSV.zip',
      '20260514090000.mentions.CSV.zip',
    ]);
  });

  it('streams masterfilelist.txt: every visible file up to now, in slot order, verifiable', async () => {
    const files = [];
    for await (const f of readFileList(
      await fetchStream(`${mirror.baseUrl}/masterfilelist.txt`, options()),
    )) {
      files.push(f);
    }
    expect(files).toHaveLength(98);
    expect(files.filter((f) => f.feed === 'export').map((f) => f.timestamp)).toEqual([
      '20260514083000',
      '20260514090000',
    ]);
    expect(files.map((f) => f.slot)).toEqual(files.map((f) => f.slot).sort());
    expect(files.map((f) => [f.name, f.size, f.md5])).toEqual(
      mirror.files.map((f) => [f.name, f.size, f.md5]),
    );

    mirror.setNow('20260514090000');
    mirror.hide([EXPORT]);
    const text = await fetchText(`${mirror.baseUrl}/masterfilelist.txt`, options());
    const names = text
      .trim()
      .split('\n')
      .map((l) => l.split('/').pop());
    expect(names).toHaveLength(37 + 1);
    expect(names).not.toContain(EXPORT);
    expect(names.at(-2)).toBe('20260514090000.export.CSV.zip');
  });

  it('fails a master list that stalls mid-body with a DownloadError from the iteration', async () => {
    // Every attempt stalls: on a loaded machine the headers alone can outlast 150 ms and be retried.
    mirror.fault('masterfilelist.txt', { stallAfterBytes: 3000, times: 10 });
    const body = await fetchStream(`${mirror.baseUrl}/masterfilelist.txt`, options({ timeoutMs: 150 }));
    const names: string[] = [];
    const read = async () => {
      for await (const f of readFileList(body)) names.push(f.name);
    };
    await expect(read()).rejects.toMatchObject({ kind: 'failed', message: expect.stringMatching(/no data/) });
    expect(names.length).toBeGreaterThan(0);
  });
});
