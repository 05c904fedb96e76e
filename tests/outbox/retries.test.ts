import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database';
import type { BucketState } from '../../src/domain/rate-limit';
import {
  invitations,
  seedCampaign,
  seedPeople,
  sendInput,
  startHarness,
  waitFor,
  type Harness,
} from './harness';

// Retries through the production worker and transport, against the local Bot Connector with injected
// failures: Retry-After is honoured, transient statuses are retried and permanent ones are not,
// dead-letter keeps its reason, and repeated 429s pause the tenant.

describe('outbox retries', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  /** A harness with `count` people and their invitations queued; returns the keys. */
  const setUp = async (count: number, options: Parameters<typeof startHarness>[0] = {}) => {
    h = await startHarness(options);
    const campaignId = await seedCampaign(h.db, h.tenantId);
    const people = await seedPeople(h.db, h.tenantId, count);
    const messages = invitations(campaignId, people);
    const send = sendInput('invitations', campaignId);
    await h.outbox.enqueue(h.tenantId, send, messages);
    return { harness: h, keys: messages.map((m) => m.idempotencyKey), sendId: send.id };
  };

  const settled = async (harness: Harness) =>
    (await harness.messages()).every((m) => !['queued', 'sending'].includes(m.state));

  it('honours Retry-After: after a 429 with Retry-After 2 s the next attempt comes at least 2 s later', async () => {
    const { harness, keys } = await setUp(1);
    harness.connector.connector.failNext({ status: 429, retryAfterSec: 2, operation: 'send' });
    harness.startWorker({ random: () => 0 });
    await waitFor(() => settled(harness), 15_000, 'the message to settle');
    const [row] = await harness.messages();
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
    const attempts = await harness.attemptsOf(keys[0]!);
    expect(attempts.map((a) => a.status)).toEqual([429, 201]);
    expect(attempts[1]!.started_at.getTime() - attempts[0]!.started_at.getTime()).toBeGreaterThanOrEqual(
      2_000,
    );
    expect(harness.connector.store.size).toBe(1);
  });

  it('retries 412, 502, 503 and 504, and does not retry 400 or 403', async () => {
    const { harness, keys } = await setUp(6);
    // Chats first, so each injected failure hits exactly one send, in queue order.
    const statuses = [412, 502, 503, 504, 400, 403];
    for (const status of statuses) {
      harness.connector.connector.failNext({
        status,
        operation: 'send',
        ...(status === 403 ? { subCode: 'MessageWritesBlocked' } : {}),
      });
    }
    // Retries wait about a second, so every first attempt meets one injected failure.
    harness.startWorker({ random: () => 0.5 });
    await waitFor(() => settled(harness), 15_000, 'the messages to settle');
    const rows = await harness.messages();
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
    const results = await Promise.all(
      keys.map(async (k) => ({
        statuses: (await harness.attemptsOf(k)).map((a) => a.status),
        row: byKey.get(k)!,
      })),
    );
    const first = (status: number) => results.find((r) => r.statuses[0] === status)!;
    for (const status of [412, 502, 503, 504]) {
      expect(first(status).row).toMatchObject({ state: 'sent', attempts: 2 });
      expect(first(status).statuses).toEqual([status, 201]);
    }
    expect(first(400).row).toMatchObject({ state: 'failed', attempts: 1, last_reason: 'http_400' });
    expect(first(403).row).toMatchObject({ state: 'failed', attempts: 1, last_reason: 'blocked' });
    expect(harness.connector.store.size).toBe(4);
  });

  it('dead-letters after the last attempt, keeping the reason', async () => {
    const { harness, sendId } = await setUp(1, { maxAttempts: 3 });
    harness.connector.connector.failNext({ status: 503, count: 3, operation: 'send' });
    harness.startWorker({ random: () => 0.01 });
    await waitFor(() => settled(harness), 15_000, 'the message to settle');
    const [row] = await harness.messages();
    expect(row).toMatchObject({ state: 'dead', attempts: 3, last_reason: 'http_503', last_status: 503 });
    const progress = (await harness.outbox.progress(harness.tenantId, sendId))!;
    expect(progress.counts.dead).toBe(1);
    expect(progress.failures).toEqual([{ reason: 'http_503', count: 1 }]);
    expect(harness.connector.store.size).toBe(0);
  });

  it('pauses the tenant after five 429s, shows the pause, and resumes afterwards', async () => {
    const { harness, sendId } = await setUp(5, {
      pace: {
        throttle: {
          windowMs: 60_000,
          throttlesToPause: 5,
          basePauseMs: 2_000,
          maxPauseMs: 10_000,
          recoveryAfterMs: 30_000,
          recoveryFactor: 1.25,
        },
      },
    });
    harness.connector.connector.failNext({ status: 429, count: 5, operation: 'send' });
    // Retries wait about a second, so the five first attempts meet the five 429s.
    harness.startWorker({ random: () => 0.5 });

    const bucket = async () =>
      rowsOf<{ state: BucketState }>(
        await harness.db.execute(sql`
          select state from outbox_rate_buckets where tenant_id = ${harness.tenantId} and transport = 'bot'`),
      )[0]?.state;
    await waitFor(async () => (await bucket())?.pauseReason === 'THROTTLED', 15_000, 'the pause');
    const paused = await bucket();
    expect(paused!.pausedUntil).toBeGreaterThan(Date.now());
    expect(paused!.effectiveRate).toBeLessThan(harness.pace.ratePerSec);
    const during = (await harness.outbox.progress(harness.tenantId, sendId))!;
    expect(during.pausedUntil).not.toBeNull();
    expect(during.counts.sent).toBe(0);

    await waitFor(() => settled(harness), 20_000, 'sending to resume');
    const after = (await harness.outbox.progress(harness.tenantId, sendId))!;
    expect(after.counts.sent).toBe(5);
    // Nothing was sent while paused.
    const firstStored = Math.min(...harness.connector.connector.stats().storedAt);
    expect(firstStored).toBeGreaterThanOrEqual(paused!.pausedUntil! - 5);
  });
});
