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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one input field, in plain words. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An expected failure with a stable code; never carries a stack trace to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { problems?: FieldProblem[]; details?: Record<string, unknown> },
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
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
