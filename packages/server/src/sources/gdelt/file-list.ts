/** GDELT 2.0's file lists (lastupdate.txt, masterfilelist.txt and their -translation twins). */

export type GdeltFeed = 'export' | 'mentions' | 'gkg';

export interface ListedFile {
  url: string;
  size: number;
  /** Lower-case hex. */
  md5: string;
  /** Last path segment, e.g. '20260514083000.export.CSV.zip'. */
  name: string;
  /** 'YYYYMMDDHHMMSS' from the name. */
  timestamp: string;
  /** ISO 'YYYY-MM-DDTHH:MM:SSZ' of the timestamp (UTC). */
  slot: string;
  feed: GdeltFeed;
  /** '.translation.' in the name. */
  translingual: boolean;
}

export interface ReadListOptions {
  /** Called for each line that is not blank and not `size md5 url` of a GDELT file; the line is skipped. */
  onMalformed?: (line: string, lineNumber: number) => void;
}

const LINE = /^(\d{1,15})\s+([0-9a-fA-F]{32})\s+(\S+)$/;
const NAME = /^(\d{14})\.(translation\.)?(export|mentions|gkg)\.csv\.zip$/i;
/** A longer line is no list line (an HTML error page, binary bytes): it is skipped, not buffered. */
const MAX_LINE = 4096;

/** 'YYYYMMDDHHMMSS' → 'YYYY-MM-DDTHH:MM:SSZ', or undefined for an impossible date. */
export function slotOf(timestamp: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) || new Date(ms).toISOString() !== iso.replace('Z', '.000Z') ? undefined : iso;
}

/** The name of an http(s) URL's path, without a URL parser: the master list has a million lines. */
const lastSegment = (url: string) => /^https?:\/\/[^/?#]+\/(?:[^?#]*\/)?([^/?#]+)$/i.exec(url)?.[1];

/** One `size md5 url` line; undefined for a blank or malformed line. */
export function parseListLine(line: string): ListedFile | undefined {
  const m = LINE.exec(line.trim());
  if (!m) return undefined;
  const [, size = '', md5 = '', url = ''] = m;
  const name = lastSegment(url) ?? '';
  const [, timestamp = '', translation, feed = ''] = NAME.exec(name) ?? [];
  const slot = slotOf(timestamp);
  if (slot === undefined) return undefined;
  return {
    url,
    size: Number(size),
    md5: md5.toLowerCase(),
    name,
    timestamp,
    slot,
    feed: feed.toLowerCase() as GdeltFeed,
    translingual: translation !== undefined,
  };
}

/**
 * Streams a list (masterfilelist.txt can be hundreds of thousands of lines): never holds it
 * whole. Lines may be split anywhere across chunks, even inside a UTF-8 character. The real
 * master list is not strictly in timestamp order (late files come after newer ones), so a
 * caller picking a range must read to the end.
 */
export async function* readFileList(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | Iterable<Uint8Array>,
  filter?: (f: ListedFile) => boolean,
  options: ReadListOptions = {},
): AsyncIterable<ListedFile> {
  const decoder = new TextDecoder();
  let pending = '';
  let overlong = false;
  let lineNumber = 0;
  /** The line's file when it passes the filter; counts the line and reports it when malformed. */
  const take = (line: string) => {
    lineNumber++;
    if (line.trim() === '') return undefined;
    const file = parseListLine(line);
    if (!file) options.onMalformed?.(line.slice(0, 200), lineNumber);
    return file && (!filter || filter(file)) ? file : undefined;
  };
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      const line = pending.slice(start, end);
      start = end + 1;
      if (overlong) {
        overlong = false;
        lineNumber++;
        continue;
      }
      const file = take(line);
      if (file) yield file;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE) {
      if (!overlong) options.onMalformed?.(pending.slice(0, 200), lineNumber + 1);
      overlong = true;
      pending = '';
    }
  }
  pending += decoder.decode();
  const last = overlong || pending === '' ? undefined : take(pending);
  if (last) yield last;
}
