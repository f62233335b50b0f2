import { createReadStream } from 'node:fs';

/** Child process of the GKG benchmark: the file read through, its lines counted (the baseline). */
const [file] = process.argv.slice(2) as [string];
const t0 = performance.now();
let rows = 0;
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
  for (let i = (chunk as Buffer).indexOf(10); i >= 0; i = (chunk as Buffer).indexOf(10, i + 1)) rows++;
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ seconds, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
