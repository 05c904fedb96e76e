import { ZOutboxState, type OutboxState } from '../contracts/recruitment';

// Rules for proactive messages in the outbox (design §5.1, §5.3): what an answer from the Bot Connector
// (or Graph) means, how long to wait before a retry, and which state a message moves to.

export type { OutboxState };

/** A message's life: queued → sending → sent, or back to queued for a retry, or failed/dead/cancelled. */
export const OUTBOX_STATES: readonly OutboxState[] = ZOutboxState.options;

/** States a message never leaves. */
export const FINAL_OUTBOX_STATES: readonly OutboxState[] = ['sent', 'failed', 'dead', 'cancelled'];

/** True when a message in `state` is done (sent, failed, dead or cancelled). */
export function isFinalOutboxState(state: OutboxState): boolean {
  return FINAL_OUTBOX_STATES.includes(state);
}

/** Attempts before a message that keeps getting retryable answers is dead (`OUTBOX_MAX_ATTEMPTS`). */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * What one attempt's answer means. `reason` is kept on the message: 'blocked' (the person blocked or
 * removed the bot), 'not_found', 'throttled' (429), 'network' (no answer, status 0), else `http_<status>`.
 */
export type SendResult =
  | { kind: 'sent' }
  | { kind: 'retry'; retryAfterMs?: number; throttled: boolean; reason: string }
  | { kind: 'failed'; reason: string };

/** Statuses worth another attempt besides 429 and 5xx. 412: Teams asks for a retry after a conflict. */
const RETRY_4XX = new Set([412]);

/**
 * Error codes meaning the bot can no longer write to that person or chat. The docs name the subCode
 * `MessageWritesBlocked`; Teams has also been seen answering `ConversationBlockedByUser`.
 */
const BLOCKED_CODES = new Set(['MessageWritesBlocked', 'ConversationBlockedByUser']);

/**
 * Classifies one answer: status 0 is a network error or timeout. 2xx is sent; 429, 412 and every 5xx
 * (502, 503 and 504 above all) are retried, honouring `retryAfterMs`; 403 with a blocked code is
 * `failed: blocked`; any other status fails.
 */
export function classifyResponse(
  status: number,
  retryAfterMs?: number | null,
  errorCode?: string | null,
  errorSubCode?: string | null,
): SendResult {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  const retry = (reason: string, throttled = false): SendResult =>
    retryAfterMs === null || retryAfterMs === undefined
      ? { kind: 'retry', throttled, reason }
      : { kind: 'retry', retryAfterMs: Math.max(0, retryAfterMs), throttled, reason };
  if (status === 0) return retry('network');
  if (status === 429) return retry('throttled', true);
  if (RETRY_4XX.has(status) || (status >= 500 && status < 600)) return retry(`http_${status}`);
  if (status === 403 && [errorCode, errorSubCode].some((code) => code && BLOCKED_CODES.has(code))) {
    return { kind: 'failed', reason: 'blocked' };
  }
  if (status === 404) return { kind: 'failed', reason: 'not_found' };
  return { kind: 'failed', reason: `http_${status}` };
}

/**
 * A `Retry-After` header in ms from `now`: delta-seconds ("120") or an HTTP date (a date in the past
 * gives 0). Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names a weekday or month; this also keeps plain numbers such as "-1" out.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The longest wait between attempts when the server names none. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The wait before the next attempt, `attempt` being the attempts made so far. With a Retry-After of r
 * ms: r plus up to 20 % (never earlier than asked). Otherwise full jitter: anything up to
 * `min(5 min, 1 s·2^attempt)`. `random` returns [0, 1).
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | null | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null && retryAfterMs !== undefined) {
    const r = Math.max(0, retryAfterMs);
    return Math.ceil(r + random() * 0.2 * r);
  }
  const cap = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.floor(random() * cap);
}

/** The state after an attempt with `result`, given the attempts made so far (this one included). */
export function nextStateAfter(
  result: SendResult,
  attempts: number,
  maxAttempts: number = DEFAULT_MAX_ATTEMPTS,
): Extract<OutboxState, 'sent' | 'queued' | 'failed' | 'dead'> {
  switch (result.kind) {
    case 'sent':
      return 'sent';
    case 'failed':
      return 'failed';
    case 'retry':
      return attempts >= maxAttempts ? 'dead' : 'queued';
  }
}
