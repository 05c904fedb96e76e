import { describe, expect, it } from 'vitest';
import {
  MAX_BACKOFF_MS,
  OUTBOX_STATES,
  backoffDelay,
  classifyResponse,
  isFinalOutboxState,
  nextStateAfter,
  parseRetryAfter,
  type SendResult,
} from './outbox';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('classifyResponse', () => {
  const table: [status: number, retryAfterMs: number | null, code: string | null, expected: SendResult][] = [
    [200, null, null, { kind: 'sent' }],
    [201, null, null, { kind: 'sent' }],
    [
      429,
      2000,
      'TooManyRequests',
      { kind: 'retry', retryAfterMs: 2000, throttled: true, reason: 'throttled' },
    ],
    [429, null, null, { kind: 'retry', throttled: true, reason: 'throttled' }],
    [412, null, null, { kind: 'retry', throttled: false, reason: 'http_412' }],
    [500, null, null, { kind: 'retry', throttled: false, reason: 'http_500' }],
    [502, null, null, { kind: 'retry', throttled: false, reason: 'http_502' }],
    [503, 5000, null, { kind: 'retry', retryAfterMs: 5000, throttled: false, reason: 'http_503' }],
    [504, null, null, { kind: 'retry', throttled: false, reason: 'http_504' }],
    [0, null, 'Timeout', { kind: 'retry', throttled: false, reason: 'network' }],
    [400, null, 'BadArgument', { kind: 'failed', reason: 'http_400' }],
    [401, null, null, { kind: 'failed', reason: 'http_401' }],
    [403, null, 'MessageWritesBlocked', { kind: 'failed', reason: 'blocked' }],
    [403, null, 'ConversationBlockedByUser', { kind: 'failed', reason: 'blocked' }],
    [403, null, 'BotNotInConversationRoster', { kind: 'failed', reason: 'http_403' }],
    [404, null, 'ConversationNotFound', { kind: 'failed', reason: 'not_found' }],
    [409, null, null, { kind: 'failed', reason: 'http_409' }],
    [302, null, null, { kind: 'failed', reason: 'http_302' }],
  ];

  it.each(table)('%i (Retry-After %s, code %s)', (status, retryAfterMs, code, expected) => {
    expect(classifyResponse(status, retryAfterMs, code)).toEqual(expected);
  });

  it('finds MessageWritesBlocked as a subCode too', () => {
    expect(classifyResponse(403, null, 'Forbidden', 'MessageWritesBlocked')).toEqual({
      kind: 'failed',
      reason: 'blocked',
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('reads an HTTP date, and a past date as 0', () => {
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Mon, 05 Jan 2026 09:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 05 Jan 2026 08:59:00 GMT', NOW)).toBe(0);
  });

  it('gives null for nothing or nonsense', () => {
    for (const value of [null, undefined, '', '  ', '-1', 'soon', '12abc', '1e3']) {
      expect(parseRetryAfter(value, NOW)).toBeNull();
    }
  });
});

describe('backoffDelay', () => {
  const lowest = () => 0;
  const highest = () => 0.999999;

  it('uses full jitter up to 1 s·2^attempt', () => {
    for (const attempt of [1, 2, 3, 5]) {
      expect(backoffDelay(attempt, null, lowest)).toBe(0);
      const top = backoffDelay(attempt, null, highest);
      expect(top).toBeLessThan(1000 * 2 ** attempt);
      expect(top).toBeGreaterThan(0.99 * 1000 * 2 ** attempt);
    }
    expect(backoffDelay(2, undefined, () => 0.5)).toBe(2000);
  });

  it('never waits longer than 5 minutes without a Retry-After', () => {
    for (const attempt of [9, 10, 20, 1000]) {
      expect(backoffDelay(attempt, null, highest)).toBeLessThan(MAX_BACKOFF_MS);
      expect(backoffDelay(attempt, null, highest)).toBeGreaterThan(0.99 * MAX_BACKOFF_MS);
    }
  });

  it('with Retry-After r waits between r and 1.2 r, never earlier', () => {
    expect(backoffDelay(1, 2000, lowest)).toBe(2000);
    expect(backoffDelay(1, 2000, highest)).toBeLessThanOrEqual(2400);
    expect(backoffDelay(7, 10_000, () => 0.5)).toBe(11_000);
    expect(backoffDelay(3, 0, highest)).toBe(0);
    // Retry-After wins over the 5-minute cap: the server's word is the minimum.
    expect(backoffDelay(1, 600_000, lowest)).toBe(600_000);
  });

  it('stays within its bounds for any random value', () => {
    for (let i = 0; i <= 100; i++) {
      const random = () => i / 101;
      const plain = backoffDelay(4, null, random);
      expect(plain).toBeGreaterThanOrEqual(0);
      expect(plain).toBeLessThan(16_000);
      const told = backoffDelay(4, 3333, random);
      expect(told).toBeGreaterThanOrEqual(3333);
      expect(told).toBeLessThanOrEqual(4000);
    }
  });
});

describe('nextStateAfter', () => {
  const retry: SendResult = { kind: 'retry', throttled: false, reason: 'http_502' };

  it('retries until the last attempt, then the message is dead', () => {
    expect(nextStateAfter(retry, 1, 8)).toBe('queued');
    expect(nextStateAfter(retry, 7, 8)).toBe('queued');
    expect(nextStateAfter(retry, 8, 8)).toBe('dead');
    expect(nextStateAfter(retry, 8)).toBe('dead');
  });

  it('sends and fails at once, whatever the attempt', () => {
    expect(nextStateAfter({ kind: 'sent' }, 8, 8)).toBe('sent');
    expect(nextStateAfter({ kind: 'failed', reason: 'blocked' }, 1, 8)).toBe('failed');
  });

  it('knows the final states', () => {
    expect(OUTBOX_STATES.filter(isFinalOutboxState)).toEqual(['sent', 'failed', 'dead', 'cancelled']);
  });
});
