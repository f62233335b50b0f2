import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './cp1252.ts';

describe('decodeWindows1252', () => {
  it('decodes the 0x80-0x9F range as Windows-1252, not Latin-1', () => {
    expect(decodeWindows1252(Uint8Array.from([0x92, 0x93, 0x94, 0x96, 0x80, 0xe9, 0x41]))).toBe('’“”–€éA');
  });
});
