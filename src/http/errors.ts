import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, type ZodIssue } from 'zod';
import { isAppError, type ErrorCode, type FieldProblem } from '../domain/errors';

/** The one place error codes become HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_TOKEN: 401,
  FORBIDDEN: 403,
  PERSON_NOT_IN_DIRECTORY: 403,
  NOT_FOUND: 404,
  ALREADY_MEMBER: 409,
  NOT_A_MEMBER: 409,
  GUIDELINES_VERSION_STALE: 409,
  NO_GUIDELINES: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** Turns zod issues into field problems in plain words. */
export function zodProblems(error: ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((issue: ZodIssue) => {
    const field = [prefix, ...issue.path].filter((p) => p !== '').join('.');
    let message = issue.message;
    if (issue.code === 'invalid_type' && issue.received === 'undefined') message = 'is required';
    else if (issue.code === 'invalid_type') message = `must be ${issue.expected}, not ${issue.received}`;
    else if (issue.code === 'invalid_enum_value') message = `must be one of: ${issue.options.join(', ')}`;
    else if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`;
    return { field, message };
  });
}

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message, ...extra, correlationId: String(reply.request.id) } });
}

/** Fastify error handler: expected errors get their status; anything else a 500 with a correlation id. */
export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) {
    const status = STATUS_BY_CODE[err.code];
    if (status >= 500) request.log.error({ err }, 'request failed');
    return send(reply, status, err.code, err.message, err.problems.length ? { problems: err.problems } : {});
  }
  if (err instanceof ZodError) {
    return send(reply, 400, 'VALIDATION_FAILED', 'the request has invalid fields', {
      problems: zodProblems(err, ''),
    });
  }
  const fastifyErr = err as { statusCode?: number; code?: string; message?: string };
  if (fastifyErr.statusCode && fastifyErr.statusCode >= 400 && fastifyErr.statusCode < 500) {
    // Fastify's own client errors (bad JSON, body too large, wrong content type) have safe messages.
    const messages: Record<string, string> = {
      FST_ERR_CTP_INVALID_JSON_BODY: 'the request body is not valid JSON',
      FST_ERR_CTP_EMPTY_JSON_BODY: 'the request body is empty but says it is JSON',
      FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is too large',
      FST_ERR_CTP_INVALID_MEDIA_TYPE:
        'the content type of the request body is not accepted here: send application/json (image uploads: image/png, image/jpeg, image/webp or image/gif)',
    };
    const message = messages[fastifyErr.code ?? ''] ?? fastifyErr.message ?? 'bad request';
    return send(reply, fastifyErr.statusCode, 'BAD_REQUEST', message);
  }
  request.log.error({ err }, 'unexpected error');
  return send(
    reply,
    500,
    'INTERNAL',
    'something went wrong on our side; quote the correlation id if you report it',
  );
}
