import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '@peacebell/model';
import { HttpError, QueryError } from '../errors.ts';

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  501: 'not_implemented',
};
const codeOf = (status: number) => CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');

interface Issue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** A schema validation failure as one 400 naming the first parameter at fault. */
function badParameter(issues: readonly Issue[], context: string | undefined): ApiError {
  const issue = issues[0] as Issue;
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
  const unknown =
    issue.keyword === 'unrecognized_keys' ? (issue.params.keys as string[] | undefined) : undefined;
  const parameter = unknown?.[0] ?? (path.join('.') || context || 'request');
  const values = issue.params.values as unknown[] | undefined;
  const allowed = values?.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
  let message: string;
  if (unknown) message = `unknown parameter ${parameter}`;
  else if (issue.keyword === 'invalid_type' && /undefined/.test(issue.message ?? ''))
    message = `${parameter} is required`;
  else if (/^(must|is) /.test(issue.message ?? '')) message = `${parameter} ${issue.message}`;
  else message = `${parameter}: ${issue.message ?? 'invalid'}`;
  return { error: 'bad_request', message, parameter, ...(allowed ? { allowed } : {}) };
}

/**
 * Errors become JSON at one place: a bad parameter is a 400 naming it, an HttpError keeps its
 * status, a client error Fastify raised (bad JSON, wrong media type, 429) keeps its status; any
 * other error is a 500 whose body says nothing of SQL or stacks (the log has them).
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .code(400)
        .send(badParameter(error.validation as unknown as Issue[], error.validationContext));
    }
    if (error instanceof HttpError) {
      const body: ApiError = { error: codeOf(error.status), message: error.message };
      if (error.parameter) body.parameter = error.parameter;
      if (error.allowed) body.allowed = [...error.allowed];
      return reply.code(error.status).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const headers = (error as { headers?: Record<string, string> }).headers;
      if (headers) reply.headers(headers);
      return reply.code(status).send({ error: codeOf(status), message: error.message });
    }
    if (error instanceof QueryError) req.log.error({ err: error, sql: error.sql }, 'store error');
    else req.log.error({ err: error }, 'internal error');
    return reply
      .code(500)
      .send({ error: 'internal', message: 'internal error; the server log has the details' });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      error: 'not_found',
      message: `no route ${req.method} ${(req.url.split('?')[0] ?? '').slice(0, 200)}`,
    }),
  );
}
