import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, type ZodIssue } from 'zod';
import { schemaMessageKey } from '../contracts/schema-messages';
import { isAppError, type ErrorCode, type FieldProblem } from '../domain/errors';
import { msg, render, type Message } from '../domain/messages';
import { isDatabaseUnavailable } from '../db/unavailable';
import { negotiateLanguage } from './language';

/** Seconds a client is asked to wait before repeating a request the database could not serve. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

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
  SHAREPOINT_NOT_CONFIGURED: 409,
  // SharePoint (not the caller) refused or failed: a gateway error, so the tab never reads it as "your role".
  SHAREPOINT_FORBIDDEN: 502,
  SHAREPOINT_FAILED: 502,
};

/** One zod issue in plain words: the schema's own words when it has them, else by the kind of issue. */
function issueMessage(issue: ZodIssue): Message {
  const own = schemaMessageKey(issue.message);
  if (own) return msg(own);
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? msg('required')
        : msg('wrongType', { expected: issue.expected, received: issue.received });
    case 'invalid_enum_value':
      return msg('oneOf', { options: issue.options });
    case 'unrecognized_keys':
      return msg('unknownFields', { keys: issue.keys });
    case 'invalid_literal':
      return msg('mustEqual', { expected: JSON.stringify(issue.expected) ?? String(issue.expected) });
    case 'invalid_string':
      if (issue.validation === 'url') return msg('notUrl');
      if (issue.validation === 'datetime') return msg('notDateTime');
      return msg('wrongFormat');
    case 'invalid_date':
      return msg('notDate');
    case 'not_multiple_of':
      return msg('notMultipleOf', { of: Number(issue.multipleOf) });
    case 'not_finite':
      return msg('notFinite');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.type === 'string') return min <= 1 ? msg('notEmpty') : msg('minChars', { min });
      if (issue.type === 'array' || issue.type === 'set') return msg('minItems', { min });
      return msg('minNumber', { min, inclusive: issue.inclusive });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.type === 'string') return msg('maxChars', { max });
      if (issue.type === 'array' || issue.type === 'set') return msg('maxItems', { max });
      return msg('maxNumber', { max, inclusive: issue.inclusive });
    }
    default:
      return msg('invalidValue');
  }
}

/** Turns zod issues into field problems in plain words. */
export function zodProblems(error: ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((issue: ZodIssue) => ({
    field: [prefix, ...issue.path].filter((p) => p !== '').join('.'),
    message: issueMessage(issue),
  }));
}

/**
 * Sends the app's error body, `{ error: { code, message, problems?, correlationId } }`, with the
 * message and every problem in the language the request asked for (Accept-Language).
 */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: Message,
  problems: readonly FieldProblem[] = [],
) {
  const language = negotiateLanguage(reply.request.headers['accept-language']);
  const rendered = problems.map((p) => ({ field: p.field, message: render(p.message, language) }));
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('content-language', language)
    .send({
      error: {
        code,
        message: render(message, language),
        ...(rendered.length ? { problems: rendered } : {}),
        correlationId: String(reply.request.id),
      },
    });
}

/** The 404 for a method and path no route serves. */
export function sendNoRoute(request: FastifyRequest, reply: FastifyReply) {
  const url = request.url.split('?')[0] ?? '/';
  return sendError(reply, 404, 'NOT_FOUND', msg('noRoute', { method: request.method, url }));
}

// Fastify's own client errors (bad JSON, body too large, wrong content type), in our words.
const FASTIFY_MESSAGES: Record<string, Message> = {
  FST_ERR_CTP_INVALID_JSON_BODY: msg('bodyNotJson'),
  FST_ERR_CTP_EMPTY_JSON_BODY: msg('bodyEmptyJson'),
  FST_ERR_CTP_BODY_TOO_LARGE: msg('bodyTooLarge'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: msg('bodyTypeRefused'),
  FST_ERR_BAD_URL: msg('badUrl'),
};

/** Fastify error handler: expected errors get their status; anything else a 500 with a correlation id. */
export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) {
    const status = STATUS_BY_CODE[err.code];
    if (status >= 500) request.log.error({ err }, 'request failed');
    return sendError(reply, status, err.code, err.text, err.problems);
  }
  if (err instanceof ZodError) {
    return sendError(reply, 400, 'VALIDATION_FAILED', msg('requestInvalid'), zodProblems(err, ''));
  }
  const fastifyErr = err as { statusCode?: number; code?: string; message?: string };
  if (fastifyErr.statusCode && fastifyErr.statusCode >= 400 && fastifyErr.statusCode < 500) {
    const message =
      FASTIFY_MESSAGES[fastifyErr.code ?? ''] ?? msg('badRequest', { detail: fastifyErr.message || null });
    return sendError(reply, fastifyErr.statusCode, 'BAD_REQUEST', message);
  }
  if (isDatabaseUnavailable(err)) {
    // The database is down or unreachable: a retryable 503, never a 500. Every 2xx is answered only
    // after its write committed, so what gets this answer was not acknowledged and may be sent again.
    request.log.warn({ err }, 'database unavailable');
    reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return sendError(reply, 503, 'UNAVAILABLE', msg('unavailable'));
  }
  request.log.error({ err }, 'unexpected error');
  return sendError(reply, 500, 'INTERNAL', msg('internal'));
}
