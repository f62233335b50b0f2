import { z } from 'zod';

/** `POST /api/v1/imports`: files, folders or globs on the server's disk. */
export const ImportRequest = z.strictObject({
  paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportedFile = z.object({
  file: z.string(),
  format: z.string().nullable(),
  status: z.enum(['imported', 'already imported', 'refused']),
  rows_read: z.number().int(),
  inserted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  replaced: z.number().int(),
  seconds: z.number(),
  message: z.string().optional(),
});

export const ImportResult = z.object({ files: z.array(ImportedFile) });
export type ImportResult = z.infer<typeof ImportResult>;

export const RebuildResult = z.object({ status: z.literal('done'), seconds: z.number() });
export type RebuildResult = z.infer<typeof RebuildResult>;
