import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxMessageInput } from '../../src/ports/outbox';
import {
  seedCampaign,
  seedPeople,
  invitations,
  sendInput,
  startHarness,
  waitFor,
  type Harness,
} from './harness';
import { maxInWindow } from '../support/local-connector';

// Pacing against the local Bot Connector, which enforces Teams' limits and answers 429 beyond them:
// the outbox must stay inside them on its own.

describe('outbox pacing', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('sends 10 messages to one conversation with never more than 7 in any second, and no 429', async () => {
    h = await startHarness({ pace: { ratePerSec: 30, burst: 10 } });
    const campaignId = await seedCampaign(h.db, h.tenantId);
    const channel = '19:pacing@thread.tacv2';
    const messages: OutboxMessageInput[] = Array.from({ length: 10 }, (_, i) => ({
      idempotencyKey: `announce:${i}:${channel}`,
      transport: 'bot',
      recipientPersonId: null,
      conversationId: channel,
      serviceUrl: null,
      payload: { kind: 'campaignAnnouncement', campaignId },
    }));
    await h.outbox.enqueue(h.tenantId, sendInput('announcement', campaignId), messages);
    h.startWorker();
    const harness = h;
    await waitFor(
      async () => (await harness.messages()).every((m) => m.state === 'sent'),
      20_000,
      'all sent',
    );

    const stats = h.connector.connector.stats();
    expect(stats.throttled).toBe(0);
    const stored = stats.perConversation[channel]!.storedAt;
    expect(stored).toHaveLength(10);
    expect(maxInWindow(stored, 1_000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(stored, 2_000)).toBeLessThanOrEqual(8);
    // Each attempt went once: no retries were needed.
    expect((await h.messages()).every((m) => m.attempts === 1)).toBe(true);
  });

  it('keeps a tenant under the connector’s per-tenant limit with no 429', async () => {
    // The connector allows 10/s per tenant with a burst of 3; the outbox is set to 8/s, bursting 2 (a
    // little slack, as in production: 48/s against Teams' 50/s, for requests leaving a few ms late).
    h = await startHarness({ pace: { ratePerSec: 8, burst: 2 }, limits: { tenantRps: 10, tenantBurst: 3 } });
    const campaignId = await seedCampaign(h.db, h.tenantId);
    const people = await seedPeople(h.db, h.tenantId, 12);
    await h.outbox.enqueue(h.tenantId, sendInput('invitations', campaignId), invitations(campaignId, people));
    h.startWorker();
    const harness = h;
    await waitFor(
      async () => (await harness.messages()).every((m) => m.state === 'sent'),
      30_000,
      'all sent',
    );
    const stats = h.connector.connector.stats();
    expect(stats.throttled).toBe(0);
    expect(stats.stored).toBe(12);
    // 12 chats created and 12 messages: 24 requests at 8/s.
    expect(stats.created).toBe(12);
  });
});
