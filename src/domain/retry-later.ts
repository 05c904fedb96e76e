/**
 * A failure that says when to try again: a dependency that throttled us (429 with Retry-After) or is
 * briefly unavailable. Whoever runs the work waits that long and tries again, without counting it as a
 * failed attempt: being told to wait is not the work failing.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    /** How long to wait before trying again, in milliseconds. */
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RetryLaterError';
  }
}
