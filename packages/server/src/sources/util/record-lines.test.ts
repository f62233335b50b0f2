import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordStartLines } from './record-lines.ts';

describe('recordStartLines', () => {
  it('finds the physical line of each record past quoted newlines', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pb-lines-')), 'q.csv');
    writeFileSync(
      file,
      '(Sample)\n\nid,note\n1,"multi\nline\nnote"\n2,plain\n3,"a ""quoted"" word"\n4,"x\ny"\n5,z\n',
    );
    const lines = await recordStartLines(file, 3, [1, 2, 3, 4, 5]);
    expect([...lines.entries()]).toEqual([
      [1, 4],
      [2, 7],
      [3, 8],
      [4, 9],
      [5, 11],
    ]);
  });
});
