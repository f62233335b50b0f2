import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dataFile, hasData } from '../../../../../test/shared-data.ts';
import { parseListLine, readFileList, slotOf, type ListedFile } from './file-list.ts';

const BASE = 'http://data.gdeltproject.org/gdeltv2';
const bytes = (text: string) => new TextEncoder().encode(text);

async function collect(body: Parameters<typeof readFileList>[0], filter?: (f: ListedFile) => boolean) {
  const files: ListedFile[] = [];
  const malformed: [string, number][] = [];
  for await (const f of readFileList(body, filter, { onMalformed: (l, n) => malformed.push([l, n]) })) {
    files.push(f);
  }
  return { files, malformed };
}

/** The text cut into pieces of `size` bytes, so lines (and characters) split anywhere. */
function* pieces(text: string, size: number) {
  const all = bytes(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

describe('parseListLine', () => {
  it('reads size, md5, url and what the name says', () => {
    expect(
      parseListLine(`55585 FE0D362FE6DC5C00F65E53ED2289CFA0 ${BASE}/20260514083000.export.CSV.zip`),
    ).toEqual({
      url: `${BASE}/20260514083000.export.CSV.zip`,
      size: 55585,
      md5: 'fe0d362fe6dc5c00f65e53ed2289cfa0',
      name: '20260514083000.export.CSV.zip',
      timestamp: '20260514083000',
      slot: '2026-05-14T08:30:00Z',
      feed: 'export',
      translingual: false,
    });
    const t = parseListLine(
      `4841354 355071f6741f5d5c4eeea1f08e120934 ${BASE}/20201229090000.translation.gkg.csv.zip\r`,
    );
    expect(t).toMatchObject({ feed: 'gkg', translingual: true, slot: '2020-12-29T09:00:00Z' });
  });

  it.each([
    ['', 'blank'],
    [`4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20260514090000.export.CSV.zip`, 'no size'],
    [`82345 4cbe5f354a15bae6e896e2cb3da2f0f ${BASE}/20260514090000.export.CSV.zip`, 'short md5'],
    [`-1 4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20260514090000.export.CSV.zip`, 'negative size'],
    [`82345 4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20261314090000.export.CSV.zip`, 'month 13'],
    [`82345 4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20260230090000.export.CSV.zip`, '30 February'],
    [`82345 4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20260514090000.events.CSV.zip`, 'unknown feed'],
    [`82345 4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20260514090000.export.CSV`, 'not a zip'],
    [`82345 4cbe5f354a15bae6e896e2cb3da2f0fc ftp://x/20260514090000.export.CSV.zip`, 'not http'],
    [`82345 4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20260514090000.export.CSV.zip extra`, 'a fourth field'],
    ['<html><body>502 Bad Gateway</body></html>', 'an error page'],
  ])('refuses %j (%s)', (line) => {
    expect(parseListLine(line)).toBeUndefined();
  });

  it('checks the timestamp is a real UTC instant', () => {
    expect(slotOf('20240229234500')).toBe('2024-02-29T23:45:00Z');
    expect(slotOf('20230229234500')).toBeUndefined();
    expect(slotOf('2023022923450')).toBeUndefined();
  });
});

describe('readFileList', () => {
  const text = [
    `55585 fe0d362fe6dc5c00f65e53ed2289cfa0 ${BASE}/20260514083000.export.CSV.zip`,
    `garbage line with ünïcödé`,
    '',
    `82345 4cbe5f354a15bae6e896e2cb3da2f0fc ${BASE}/20260514090000.export.CSV.zip\r`,
    `97545 42e3bc7be6814f24ba092c3345a1737f ${BASE}/20260514090000.mentions.CSV.zip`,
  ].join('\n');

  it('gives the same files whatever the chunking, skipping and counting malformed lines', async () => {
    const whole = await collect([bytes(text)]);
    expect(whole.files.map((f) => f.name)).toEqual([
      '20260514083000.export.CSV.zip',
      '20260514090000.export.CSV.zip',
      '20260514090000.mentions.CSV.zip',
    ]);
    expect(whole.malformed).toEqual([['garbage line with ünïcödé', 2]]);
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await collect(pieces(text, size))).toEqual(whole);
    }
    expect(await collect(new Response(text).body as ReadableStream<Uint8Array>)).toEqual(whole);
  });

  it('applies the filter', async () => {
    const { files } = await collect([bytes(text)], (f) => f.feed === 'mentions');
    expect(files.map((f) => f.name)).toEqual(['20260514090000.mentions.CSV.zip']);
  });

  it('does not buffer a line without end (a binary or HTML body)', async () => {
    const junk = 'x'.repeat(100_000);
    const { files, malformed } = await collect(pieces(`${junk}\n${text}`, 1000));
    expect(files).toHaveLength(3);
    expect(malformed.map(([, n]) => n)).toEqual([1, 3]);
  });
});

describe.runIf(hasData)('real GDELT lists', () => {
  it('reads a lastupdate.txt: one export, mentions and gkg file of one slot', async () => {
    const body = createReadStream(dataFile('gdelt2/index/gdelt_incremental-file-12-29-2020-08-54-04.txt'));
    const { files, malformed } = await collect(body);
    expect(malformed).toEqual([]);
    expect(files.map((f) => [f.feed, f.size, f.slot])).toEqual([
      ['export', 59535, '2020-12-29T09:00:00Z'],
      ['mentions', 97545, '2020-12-29T09:00:00Z'],
      ['gkg', 4841354, '2020-12-29T09:00:00Z'],
    ]);
    expect(files[0]?.md5).toBe('76abe2743a3f95d7a269ebd10b13fb9a');
  });

  const master = 'gdelt2/index/masterfilelist_first1000_lines_from_notebook.txt';

  it('streams the master list in small chunks', async () => {
    const { files, malformed } = await collect(createReadStream(dataFile(master), { highWaterMark: 97 }));
    expect(malformed).toEqual([]);
    expect(files).toHaveLength(1000);
    const count = (feed: string) => files.filter((f) => f.feed === feed).length;
    expect([count('export'), count('mentions'), count('gkg')]).toEqual([334, 333, 333]);
    expect(files.every((f) => !f.translingual && f.url.endsWith(f.name))).toBe(true);
  });

  it('picks a date range, including files listed late (the list is not in timestamp order)', async () => {
    const day = (f: ListedFile) => f.slot >= '2015-02-19T00:00:00Z' && f.slot < '2015-02-20T00:00:00Z';
    const { files } = await collect(createReadStream(dataFile(master), { highWaterMark: 4096 }), day);
    const text = await readFile(dataFile(master), 'utf8');
    expect(files).toHaveLength(text.split('\n').filter((l) => l.includes('/20150219')).length);
    expect(files.length).toBeGreaterThan(200);
    const order = files.map((f) => f.timestamp);
    expect(order.indexOf('20150219034500')).toBeGreaterThan(order.indexOf('20150219040000'));
  });
});
