import { createReadStream, createWriteStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Builds an N-row GDELT 2.0 Events file from the real 61-column rows found in `dataDir`,
 * repeating them with fresh, increasing GLOBALEVENTIDs so every row is a distinct event.
 */
export async function makeGdeltFile(dataDir: string, rows: number, target: string): Promise<number> {
  const dirs = [join(dataDir, 'gdelt2/export'), join(dataDir, 'gdelt2/excerpts')];
  const sources = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => /(export\.CSV|events\.csv)$/i.test(f))
      .map((f) => join(d, f)),
  );
  const templates: string[] = [];
  for (const file of sources) {
    for await (const line of createInterface({ input: createReadStream(file) })) {
      const tab = line.indexOf('\t');
      if (line.split('\t').length === 61) templates.push(line.slice(tab));
    }
  }
  if (templates.length === 0) throw new Error(`no GDELT 2.0 rows found under ${dataDir}`);
  const out = createWriteStream(target);
  let id = 2_000_000_000;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${id++}${templates[i % templates.length]}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return templates.length;
}
