import { z } from 'zod';
import { intParam, MAX_PARAM_LENGTH } from './params.ts';

/** `GET /rejects`. */
export const RejectsQuery = z.strictObject({
  file: z.string().max(MAX_PARAM_LENGTH).optional().describe('only files whose path contains this'),
  limit: intParam(1, 10_000).default(200).describe('at most N rows (1..10,000)'),
});

export const Rejects = z.object({
  rejects: z.array(
    z.object({
      file: z.string(),
      line: z.number(),
      field: z.string().nullable(),
      reason: z.string(),
      raw: z.string().nullable().describe('the line as read (cut at 2,000 characters)'),
    }),
  ),
});

/** `GET /sync/errors`. */
export const SyncErrorsQuery = z.strictObject({
  limit: intParam(1, 1000).default(50).describe('at most N files (1..1,000)'),
});

export const SyncErrors = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      feed: z.string(),
      slot: z.string(),
      state: z.string().describe('failed or missing (upstream 404)'),
      attempts: z.number(),
      last_error: z.string().nullable(),
      next_attempt_at: z.string().nullable(),
      updated_at: z.string(),
    }),
  ),
});
