import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUtf8File } from './transcode.ts';

describe('isUtf8File', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-utf8-'));
  it('accepts UTF-8 whose multi-byte characters straddle read chunks', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, 'é€𝄞'.repeat(700_000));
    expect(await isUtf8File(file)).toBe(true);
  });
  it('refuses Windows-1252 bytes, and a file cut inside a character', async () => {
    const bad = join(dir, 'cp1252.csv');
    writeFileSync(bad, Buffer.concat([Buffer.from('a'.repeat(2_000_000)), Buffer.from([0x92, 0x41])]));
    expect(await isUtf8File(bad)).toBe(false);
    const cut = join(dir, 'cut.csv');
    writeFileSync(cut, Buffer.from('abc€').subarray(0, 5));
    expect(await isUtf8File(cut)).toBe(false);
  });
});
