import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { countryByIso3, Day, SOURCES } from '@peacebell/model';
import { z } from 'zod';
import type { Dataset, Episode } from './episodes.ts';

/**
 * Your own episodes for `npm run eval:hotspots -- --episodes FILE.json`: the datasets (files of any
 * format peacebell imports, each read as one source) and the labelled episodes, in the shape of
 * `episodes.ts`. Relative file paths are read from the JSON file's folder.
 */
const Span = z.strictObject({ from: Day, to: Day });

const EpisodesFile = z.strictObject({
  datasets: z
    .array(
      z.strictObject({
        id: z.enum(SOURCES),
        file: z.string().min(1),
        from: Day,
        to: Day,
        gaps: z.array(Span).default([]),
        fatalities: z.boolean(),
        daily: z.boolean().default(true),
      }),
    )
    .min(1),
  episodes: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        country: z.string().refine((c) => countryByIso3(c)?.iso3 === c, 'an ISO3 country code, e.g. MMR'),
        adm1: z.string().optional(),
        onset: Day,
        what: z.string().min(1),
        source: z.string().min(1).describe('public references for the event and its onset'),
        dataset: z.string(),
        dropped: z.string().optional(),
      }),
    )
    .min(1),
});

export class EpisodesFileError extends Error {}

/** Reads and checks an episodes file; every problem is named by its place in the file. */
export function readEpisodesFile(path: string): { datasets: Dataset[]; episodes: Episode[] } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new EpisodesFileError(`${path}: not a readable JSON file (${(e as Error).message})`);
  }
  const parsed = EpisodesFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new EpisodesFileError(`${path}: ${problems.join('; ')}`);
  }
  const { datasets, episodes } = parsed.data;
  const problems: string[] = [];
  const ids = new Set<string>();
  datasets.forEach((d, i) => {
    if (ids.has(d.id)) problems.push(`datasets.${i}.id: ${d.id} twice (a dataset is read by its source)`);
    ids.add(d.id);
    if (d.from > d.to) problems.push(`datasets.${i}.from: after to`);
  });
  const episodeIds = new Set<string>();
  episodes.forEach((e, i) => {
    if (episodeIds.has(e.id)) problems.push(`episodes.${i}.id: ${e.id} twice`);
    episodeIds.add(e.id);
    if (!ids.has(e.dataset)) problems.push(`episodes.${i}.dataset: no dataset ${e.dataset} in the file`);
  });
  if (problems.length) throw new EpisodesFileError(`${path}: ${problems.join('; ')}`);
  const folder = dirname(resolve(path));
  return {
    datasets: datasets.map((d) => ({ ...d, file: isAbsolute(d.file) ? d.file : resolve(folder, d.file) })),
    episodes: episodes.map(({ adm1, dropped, ...e }) => ({
      ...e,
      ...(adm1 === undefined ? {} : { adm1 }),
      ...(dropped === undefined ? {} : { dropped }),
    })),
  };
}
