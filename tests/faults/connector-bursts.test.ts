import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorResponse } from '../../src/demo/local-connector';
import {
  invitations,
  seedCampaign,
  seedPeople,
  sendInput,
  startHarness,
  waitFor,
  type Harness,
} from '../outbox/harness';
import { maxInWindow } from '../support/local-connector';

// Fault (issue 7): while a broadcast of a few hundred messages runs, the Teams connector answers in
// bursts: two seconds of 429 (Retry-After: 1) for every request, normal answers, two seconds of 503,
// normal, 429 again. The production worker and transport send through the local Bot Connector, which
// keeps a record of what it stored. Every message must be delivered exactly once, nothing may be left
// undelivered, and the outbox must slow down in the bursts rather than storm the connector with retries.
// (tests/outbox/retries.test.ts covers single failures and the pause after repeated 429s.)

const RECIPIENTS = 240;
const RATE = 30;
const BURST = 5;

/** The bursts in order; each starts once another STEP messages have been delivered since the last. */
const BURSTS: (429 | 503)[] = [429, 503, 429];
const BURST_MS = 2_000;
const STEP = 50;

describe('the outbox while the connector answers 429 and 503 in bursts', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('delivers every message exactly once and slows down in the bursts', { timeout: 120_000 }, async () => {
    h = await startHarness({
      maxAttempts: 12,
      latencyMs: 5,
      pace: {
        ratePerSec: RATE,
        burst: BURST,
        // The design's reaction to repeated 429s, with pauses short enough for a test.
        throttle: {
          windowMs: 10_000,
          throttlesToPause: 5,
          basePauseMs: 1_000,
          maxPauseMs: 4_000,
          recoveryAfterMs: 1_000,
          recoveryFactor: 2,
        },
      },
    });
    const harness = h;
    const connector = harness.connector.connector;

    // Every request reaching the connector, and the bursts answered in front of it: a burst answers
    // without processing, so nothing is stored for it.
    const seen: { at: number; status: number; send: boolean }[] = [];
    const windows: { from: number; to: number; status: 429 | 503 }[] = [];
    const original = connector.handleRaw.bind(connector);
    connector.handleRaw = async (...args: Parameters<typeof connector.handleRaw>) => {
      const at = performance.now();
      // A message's first attempt also opens the 1:1 chat; the pace is about the messages sent.
      const send = args[1].includes('/activities');
      const burst = windows.find((w) => at >= w.from && at < w.to);
      if (burst) {
        seen.push({ at, status: burst.status, send });
        const answer: ConnectorResponse = {
          status: burst.status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' },
          body: {
            error: {
              code: burst.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
              message: 'Please retry later.',
            },
          },
          drop: false,
        };
        return answer;
      }
      const answer = await original(...args);
      seen.push({ at, status: answer.status, send });
      return answer;
    };

    const campaignId = await seedCampaign(harness.db, harness.tenantId);
    const people = await seedPeople(harness.db, harness.tenantId, RECIPIENTS);
    await harness.outbox.enqueue(
      harness.tenantId,
      sendInput('invitations', campaignId),
      invitations(campaignId, people),
    );
    harness.startWorker();
    // Each burst starts once another STEP messages are delivered and sending runs at half its pace or
    // more again (after a 429 burst the outbox ramps its rate back up).
    const store = harness.connector.store;
    const recentSends = () => {
      const since = performance.now() - 1_000;
      return seen.filter((s) => s.send && s.status < 300 && s.at >= since).length;
    };
    for (const status of BURSTS) {
      const target = store.size + STEP;
      await waitFor(
        () => store.size >= target && recentSends() >= RATE / 2,
        60_000,
        `${target} messages delivered at pace`,
      );
      const from = performance.now();
      windows.push({ from, to: from + BURST_MS, status });
      await new Promise((r) => setTimeout(r, BURST_MS));
    }
    await waitFor(
      async () => (await harness.messages()).every((m) => !['queued', 'sending'].includes(m.state)),
      90_000,
      'the broadcast to finish',
    );

    // Nothing left undelivered, nothing given up on.
    const rows = await harness.messages();
    expect(rows).toHaveLength(RECIPIENTS);
    expect(rows.filter((r) => r.state !== 'sent').map((r) => `${r.idempotency_key}: ${r.state}`)).toEqual([]);

    // Exactly once per recipient, by the connector's own record, and no repeat had to be deduplicated.
    const perConversation = new Map<string, number>();
    for (const activity of harness.connector.store.list({ tenantId: harness.tenantId })) {
      perConversation.set(activity.conversationId, (perConversation.get(activity.conversationId) ?? 0) + 1);
    }
    expect(perConversation.size).toBe(RECIPIENTS);
    expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    // A repeat reached the connector only after an attempt whose outcome was unknown (a timeout: the
    // connector may have stored it), never after a burst answer, which stores nothing.
    const unknownOutcomes = (await Promise.all(rows.map((r) => harness.attemptsOf(r.idempotency_key))))
      .flat()
      .filter((a) => a.status === 0).length;
    expect(connector.stats().deduped).toBeLessThanOrEqual(unknownOutcomes);

    // The bursts really met the broadcast, and were retried: some messages needed more than one attempt.
    // (A 429 burst soon after another may meet only a request or two: the throttle count still holds
    // the earlier 429s, so the first new ones pause the tenant at once.)
    for (const w of windows) {
      expect(
        seen.filter((s) => s.at >= w.from && s.at < w.to && s.status === w.status).length,
      ).toBeGreaterThan(0);
    }
    expect(rows.some((r) => r.attempts > 1)).toBe(true);

    // No storm: retries never pushed the request rate above the pace, in the bursts or out of them.
    const sends = seen.filter((s) => s.send);
    // The bucket allows RATE·3 + BURST in any three seconds; a few more for requests that leave late and
    // bunch up (timers, and the in-process database sharing the event loop). A retry storm (every
    // refused message tried again at once after a burst) would be far above it.
    expect(
      maxInWindow(
        sends.map((s) => s.at),
        3_000,
      ),
    ).toBeLessThanOrEqual(RATE * 3 + BURST + 5);
    // And the 429 bursts slowed it down: in each one's second half, under a quarter of the second
    // before it, when it was sending at its pace.
    for (const w of windows) {
      if (w.status !== 429) continue;
      const before = sends.filter((s) => s.at >= w.from - 1_000 && s.at < w.from).length;
      const late = sends.filter((s) => s.at >= w.to - BURST_MS / 2 && s.at < w.to).length;
      expect(before).toBeGreaterThanOrEqual(RATE / 2);
      expect(late).toBeLessThan(before / 4);
    }
  });
});
