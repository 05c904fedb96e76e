/**
 * Whether an error means "the database cannot be reached right now" (it is stopped, restarting, or
 * the network to it is down) rather than "this statement is wrong". Callers answer the first with a
 * retryable 503 and Retry-After, never with a 500, and never acknowledge what could not be written.
 * node-postgres reports a lost server as socket errors (ECONNREFUSED, ECONNRESET, …) or with plain
 * messages of its own; the server reports shutdown and connection trouble as SQLSTATE class 08 and
 * 57P01–57P03. Drizzle wraps driver errors, so the whole `cause` chain is checked.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
    e = cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down)
  '57P01',
  '57P02',
  '57P03',
]);

// node-postgres's own words for a connection it lost or could not open in time.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable/,
  /^Client was closed and is not queryable/,
];
