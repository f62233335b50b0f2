import { describe, expect, it } from 'vitest';
import { detectGdelt as detectFormat } from './detect.ts';
import { GDELT1_EVENTS, GDELT2_EVENTS, GDELT2_MENTIONS } from './formats.ts';

const line = (columns: number) => Array.from({ length: columns }, (_, i) => String(i)).join('\t');

describe('detectFormat', () => {
  it('tells the layouts apart by their column count', () => {
    expect(detectFormat('a.csv', [line(61), line(61)]).format).toBe(GDELT2_EVENTS);
    expect(detectFormat('a.csv', [line(16)]).format).toBe(GDELT2_MENTIONS);
    expect(detectFormat('a.csv', [line(57), line(58), line(58)]).format).toBe(GDELT1_EVENTS);
  });

  it('goes by the most common width, so one bad first line does not mislead it', () => {
    expect(detectFormat('a.csv', [line(40), line(61), line(61)]).format).toBe(GDELT2_EVENTS);
  });

  it('takes the translingual feed from the name', () => {
    expect(detectFormat('/x/20260514083000.translation.export.CSV.zip', [line(61)]).feed).toBe('translation');
    expect(detectFormat('/x/20260514083000.export.CSV.zip', [line(61)]).feed).toBe('export');
  });

  it('refuses what is not a GDELT layout, naming what it expected', () => {
    expect(() => detectFormat('notes.csv', ['a,b,c'])).toThrow(/1 tab-separated columns.*61/);
    expect(() => detectFormat('20260514.gkg.csv', [line(27)])).toThrow(/GKG/);
  });

  it('lets --source force a format, unless the content contradicts it', () => {
    expect(detectFormat('a.csv', [line(58)], GDELT1_EVENTS).format).toBe(GDELT1_EVENTS);
    expect(() => detectFormat('a.csv', [line(61)], GDELT2_MENTIONS)).toThrow(/expected 16/);
  });
});
