import { msg, render, type Message, type PlainMessageKey } from './messages';

/** Every error code a service may raise. Adapters map each code once (HTTP status, bot reply). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_TOKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'PERSON_NOT_IN_DIRECTORY',
  'ALREADY_MEMBER',
  'NOT_A_MEMBER',
  'GUIDELINES_VERSION_STALE',
  'NO_GUIDELINES',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SHAREPOINT_NOT_CONFIGURED',
  'SHAREPOINT_FORBIDDEN',
  'SHAREPOINT_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one input field, in plain words (rendered in the reader's language by the adapter). */
export interface FieldProblem {
  field: string;
  message: Message;
}

/**
 * An expected failure with a stable code; never carries a stack trace to the user. `text` is what to
 * tell the person, in any language (see messages.ts); `message` is its English words, for logs.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: Message;
  readonly problems: FieldProblem[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    text: Message | PlainMessageKey,
    options?: { problems?: FieldProblem[]; details?: Record<string, unknown> },
  ) {
    const message = typeof text === 'string' ? msg(text) : text;
    super(render(message, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.text = message;
    this.problems = options?.problems ?? [];
    this.details = options?.details ?? {};
  }
}

/** True when `err` is an AppError (also across module copies). */
export function isAppError(err: unknown): err is AppError {
  return (
    err instanceof AppError ||
    (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AppError')
  );
}
