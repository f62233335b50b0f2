import { z } from 'zod';

/** Every error the API answers with: 400 names the parameter and, for closed lists, what is allowed. */
export const ApiError = z.object({
  error: z
    .string()
    .describe('bad_request, unauthorized, not_found, too_many_requests, not_implemented, internal ...'),
  message: z.string(),
  parameter: z.string().optional().describe('the parameter at fault (400)'),
  allowed: z.array(z.string()).optional().describe('the values that parameter takes, when they are few'),
});
export type ApiError = z.infer<typeof ApiError>;
