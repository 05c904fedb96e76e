import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database';
import { withOperation } from '../../src/observability/context';
import { noopTelemetry, SpanKind } from '../../src/observability/telemetry';
import type { OutboxOutcome } from '../../src/ports/outbox';
import {
  invitations,
  seedCampaign,
  seedPeople,
  sendInput,
  silentLogger,
  startHarness,
  type Harness,
} from './harness';

// The outbox store on real SQL (PGlite here; Postgres when TEST_DATABASE_URL is set): idempotent
// enqueueing at both levels, progress, cancel, claiming with leases, and recording results.

const outcome = (messageId: number, fields: Partial<OutboxOutcome>): OutboxOutcome => ({
  messageId,
  state: 'sent',
  startedAt: new Date(),
  status: 201,
  reason: null,
  retryAfterMs: null,
  notBefore: null,
  activityId: 'a1',
  conversationId: null,
  throttled: false,
  ...fields,
});

describe('the outbox store', () => {
  let h: Harness;
  let campaignId: string;
  beforeAll(async () => {
    h = await startHarness();
    campaignId = await seedCampaign(h.db, h.tenantId);
  });
  afterAll(() => h.close());

  /** Earlier tests' queued messages are put out of the way, so claims see only this send. */
  const onlyQueued = (sendId: string) =>
    h.db.execute(sql`
      update outbox_messages set state = 'cancelled'
      where tenant_id = ${h.tenantId} and state = 'queued' and send_id <> ${sendId}`);

  it('stores a key once: the same message or send enqueued twice makes one row', async () => {
    const people = await seedPeople(h.db, h.tenantId, 3, 'idem');
    const messages = invitations(campaignId, people);
    const send = sendInput('invitations', campaignId);
    const first = await h.outbox.enqueue(h.tenantId, send, messages);
    expect(first).toEqual({ sendId: send.id, created: true });

    // The same press of "send" again: nothing added, the first send comes back.
    const again = await h.outbox.enqueue(h.tenantId, { ...send, id: randomUUID() }, messages);
    expect(again).toEqual({ sendId: send.id, created: false });

    // Another send with overlapping messages adds only the new ones, and counts only those.
    const more = invitations(campaignId, [people[0]!, 'someone-else']);
    const other = await h.outbox.enqueue(h.tenantId, sendInput('invitations', campaignId), more);
    const keys = (await h.messages()).map((m) => m.idempotency_key);
    expect(keys.filter((k) => k === messages[0]!.idempotencyKey)).toHaveLength(1);
    expect(keys).toHaveLength(4);
    expect((await h.outbox.progress(h.tenantId, send.id))!.total).toBe(3);
    expect((await h.outbox.progress(h.tenantId, other.sendId))!.total).toBe(1);
    expect(await h.outbox.stateOf(h.tenantId, messages[0]!.idempotencyKey)).toBe('queued');
    expect(await h.outbox.stateOf(h.tenantId, 'no-such-key')).toBeNull();
  });

  it('remembers the operation that queued a message, and hands it to the claim', async () => {
    const people = await seedPeople(h.db, h.tenantId, 2, 'cause');
    const [inside, outside] = [sendInput('invitations', campaignId), sendInput('invitations', campaignId)];
    const correlationId = `req-${randomUUID()}`;
    await withOperation(
      {
        name: 'test request',
        kind: SpanKind.SERVER,
        correlationId,
        logger: silentLogger,
        telemetry: noopTelemetry,
      },
      () => h.outbox.enqueue(h.tenantId, inside, invitations(campaignId, [people[0]!], 'cause-in')),
    );
    // Outside any operation (a script, say): nothing to name.
    await h.outbox.enqueue(h.tenantId, outside, invitations(campaignId, [people[1]!], 'cause-out'));
    await h.db.execute(sql`
      update outbox_messages set state = 'cancelled'
      where tenant_id = ${h.tenantId} and state = 'queued' and send_id not in (${inside.id}, ${outside.id})`);
    const workerId = `w-${randomUUID()}`;
    const claim = await h.outbox.claim(h.tenantId, 'bot', {
      workerId,
      max: 5,
      pace: h.pace,
      now: new Date(),
    });
    const bySend = new Map(claim.messages.map((m) => [m.sendId, m.causedBy]));
    expect(bySend).toEqual(
      new Map([
        [inside.id, correlationId],
        [outside.id, null],
      ]),
    );
    // Settled, so no lease of theirs expires under a later test's claim.
    await h.outbox.record(h.tenantId, 'bot', {
      workerId,
      pace: h.pace,
      now: new Date(),
      outcomes: claim.messages.map((m) => outcome(m.id, {})),
    });
  });

  it('enqueues 10,000 messages in one go, quickly', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `bulk-${i}`);
    const send = sendInput('invitations', campaignId);
    const started = performance.now();
    await h.outbox.enqueue(h.tenantId, send, invitations(campaignId, ids, 'bulk'));
    const ms = performance.now() - started;
    const progress = (await h.outbox.progress(h.tenantId, send.id))!;
    expect(progress.total).toBe(10_000);
    expect(progress.counts.queued).toBe(10_000);
    expect(ms).toBeLessThan(15_000);
    // The rest of the file works on other sends: cancel this one so claims do not see it.
    await h.outbox.cancel(h.tenantId, send.id);
  });

  it('claims, records and reports progress: counts per state, failures by reason, possibly repeated', async () => {
    const people = await seedPeople(h.db, h.tenantId, 6, 'prog');
    const send = sendInput('invitations', campaignId);
    await h.outbox.enqueue(h.tenantId, send, invitations(campaignId, people, 'prog'));
    await onlyQueued(send.id);
    const workerId = `w-${randomUUID()}`;
    const now = new Date();
    const claim = await h.outbox.claim(h.tenantId, 'bot', { workerId, max: 5, pace: h.pace, now });
    expect(claim.messages.length).toBeGreaterThanOrEqual(2);
    expect(claim.messages.every((m) => m.sendId === send.id)).toBe(true);
    // Slots are paced (a person without a chat takes two: create, then send) and at most 1 s ahead.
    for (const m of claim.messages) {
      expect(m.sendAt.getTime()).toBeGreaterThanOrEqual(m.slotAt.getTime());
      expect(m.sendAt.getTime()).toBeLessThanOrEqual(now.getTime() + 1_000);
      expect(m.attempts).toBe(1);
    }
    const counts = (await h.outbox.progress(h.tenantId, send.id))!.counts;
    expect(counts.sending).toBe(claim.messages.length);

    const [a, b, ...rest] = claim.messages;
    await h.outbox.record(h.tenantId, 'bot', {
      workerId,
      pace: h.pace,
      now: new Date(),
      outcomes: [
        outcome(a!.id, { state: 'sent' }),
        outcome(b!.id, { state: 'failed', status: 403, reason: 'blocked', activityId: null }),
        ...rest.map((m) =>
          outcome(m.id, { state: 'dead', status: 503, reason: 'http_503', activityId: null }),
        ),
      ],
    });
    // A result from a worker that no longer holds the row changes nothing.
    await h.outbox.record(h.tenantId, 'bot', {
      workerId: 'someone-else',
      pace: h.pace,
      now: new Date(),
      outcomes: [outcome(a!.id, { state: 'failed', reason: 'late' })],
    });
    const progress = (await h.outbox.progress(h.tenantId, send.id))!;
    expect(progress.counts.sent).toBe(1);
    expect(progress.counts.failed).toBe(1);
    expect(progress.counts.dead).toBe(rest.length);
    expect(progress.counts.queued).toBe(6 - claim.messages.length);
    expect(progress.failures).toEqual(
      expect.arrayContaining([
        { reason: 'blocked', count: 1 },
        ...(rest.length ? [{ reason: 'http_503', count: rest.length }] : []),
      ]),
    );
    expect(progress.possiblyRepeated).toBe(0);
    expect(progress.pausedUntil).toBeNull();
    const attempts = rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from outbox_attempts where tenant_id = ${h.tenantId}`),
    );
    expect(Number(attempts[0]!.n)).toBeGreaterThanOrEqual(claim.messages.length);
    expect((await h.outbox.listSends(h.tenantId, campaignId)).map((s) => s.id)).toContain(send.id);
  });

  it('takes back expired leases as possibly repeated, and returns unposted messages untouched', async () => {
    const people = await seedPeople(h.db, h.tenantId, 2, 'lease');
    const send = sendInput('invitations', campaignId);
    await h.outbox.enqueue(h.tenantId, send, invitations(campaignId, people, 'lease'));
    await onlyQueued(send.id);
    const shortLease = { ...h.pace, leaseMs: 1 };
    const crashed = await h.outbox.claim(h.tenantId, 'bot', {
      workerId: 'crashed',
      max: 10,
      pace: shortLease,
      now: new Date(),
    });
    expect(crashed.messages).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1_100));

    const next = await h.outbox.claim(h.tenantId, 'bot', {
      workerId: 'next',
      max: 1,
      pace: h.pace,
      now: new Date(Date.now() + 1_500),
    });
    expect(next.recovered).toBe(2);
    expect(next.messages).toHaveLength(1);
    expect(next.messages[0]!.ambiguous).toBe(true);
    expect(next.messages[0]!.attempts).toBe(2);
    await h.outbox.record(h.tenantId, 'bot', {
      workerId: 'next',
      pace: h.pace,
      now: new Date(),
      outcomes: [outcome(next.messages[0]!.id, {})],
    });
    expect((await h.outbox.progress(h.tenantId, send.id))!.possiblyRepeated).toBe(1);

    // Shutdown: a claimed message that was never posted goes back as it was.
    const held = await h.outbox.claim(h.tenantId, 'bot', {
      workerId: 'closing',
      max: 5,
      pace: h.pace,
      now: new Date(Date.now() + 3_000),
    });
    expect(held.messages).toHaveLength(1);
    expect(
      await h.outbox.release(
        h.tenantId,
        'closing',
        held.messages.map((m) => m.id),
      ),
    ).toBe(1);
    const row = (await h.messages()).find((m) => m.id === held.messages[0]!.id)!;
    expect(row).toMatchObject({ state: 'queued', attempts: 1 });
  });

  it('cancels what is still queued; messages in flight finish', async () => {
    const people = await seedPeople(h.db, h.tenantId, 4, 'cancel');
    const send = sendInput('invitations', campaignId);
    await h.outbox.enqueue(h.tenantId, send, invitations(campaignId, people, 'cancel'));
    await onlyQueued(send.id);
    const claim = await h.outbox.claim(h.tenantId, 'bot', {
      workerId: 'w',
      max: 1,
      pace: h.pace,
      now: new Date(Date.now() + 10_000),
    });
    expect(claim.messages).toHaveLength(1);
    const cancelled = (await h.outbox.cancel(h.tenantId, send.id))!;
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.counts).toMatchObject({ cancelled: 3, sending: 1, queued: 0 });
    expect(await h.outbox.cancel(h.tenantId, 'no-such-send')).toBeNull();
    expect(await h.outbox.progress(h.tenantId, 'no-such-send')).toBeNull();
  });
});
