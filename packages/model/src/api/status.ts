import { z } from 'zod';

/** `GET /api/v1/health`. */
export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  store: z.string().describe('where the store lives (a file path)'),
  schema_version: z.number().int().describe('the highest migration applied'),
  uptime_seconds: z.number(),
  generation: z.number().int().describe('bumped after every import; part of every ETag'),
});
export type Health = z.infer<typeof Health>;

const gdeltDay = z.object({
  day: z.string(),
  feed: z.string(),
  slots: z.number().int(),
  imported: z.number().int(),
  pending: z.number().int(),
  missing: z.number().int(),
  failed: z.number().int(),
});

/** One source in `GET /api/v1/sources`. */
export const SourceStatus = z.object({
  source: z.string(),
  events: z.number().int(),
  first_event_date: z.string().nullable(),
  last_event_date: z.string().nullable(),
  last_import_at: z.string().nullable().describe('when the last file of this source was imported, UTC'),
  files_imported: z.number().int(),
  rows_rejected: z.number().int().describe('rows set aside at import, over all its files'),
  gdelt: z
    .object({
      days: z.array(gdeltDay).describe('15-minute slots per day over the last 7 days'),
      files_failed: z.number().int(),
      files_missing: z.number().int(),
    })
    .optional()
    .describe('GDELT 2.0 only: completeness of the feed'),
});
export type SourceStatus = z.infer<typeof SourceStatus>;

export const SourcesStatus = z.object({ sources: z.array(SourceStatus) });
export type SourcesStatus = z.infer<typeof SourcesStatus>;
