import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../../src/db/database';
import { DEMO_TENANT_ID } from '../../src/demo/demo-org';
import type { AppProcess } from '../support/app-process';
import {
  prepareOutboxInstances,
  queueDemoInvitations,
  type OutboxInstances,
} from '../support/outbox-instances';
import { waitFor } from '../outbox/harness';

// Fault (issue 7): two Chorus processes share one broadcast and one of them is SIGKILLed mid-send.
// tests/outbox/kill-mid-send.test.ts kills the only instance and starts a new one; here nothing is
// restarted: the surviving instance alone must take over the dead one's claimed messages (after their
// lease) and finish, with every recipient getting exactly one message. Two processes need a shared
// database server, so this runs with TEST_DATABASE_URL (CI sets it).

const databaseUrl = process.env['TEST_DATABASE_URL'];
const RECIPIENTS = 300;
const KILL_AFTER = 100;

describe.skipIf(!databaseUrl)('a broadcast when one of two instances is killed', () => {
  let instances: OutboxInstances | null = null;
  afterAll(async () => {
    await instances?.close();
  });

  it('is finished by the surviving instance, each message once', { timeout: 180_000 }, async () => {
    instances = await prepareOutboxInstances(
      { latencyMs: 20, limits: { tenantRps: 50 } },
      { OUTBOX_RATE_PER_SECOND: '40', OUTBOX_LEASE_SECONDS: '3' },
    );
    const { connector } = instances;
    const [victim, survivor] = (await instances.start(2)) as [AppProcess, AppProcess];

    const handle = await openDatabase(instances.database.config);
    try {
      const { send } = await queueDemoInvitations(handle.db, RECIPIENTS);

      // Both take part before the kill: each holds messages at some point.
      const holders = new Set<string>();
      const store = connector.store;
      await waitFor(
        async () => {
          for (const row of rowsOf<{ claimed_by: string }>(
            await handle.db.execute(sql`
              select distinct claimed_by from outbox_messages
              where tenant_id = ${DEMO_TENANT_ID} and state = 'sending' and claimed_by is not null`),
          )) {
            holders.add(row.claimed_by);
          }
          return store.size >= KILL_AFTER && holders.size >= 2;
        },
        60_000,
        `${KILL_AFTER} delivered by both instances`,
      );
      victim.child.kill('SIGKILL');
      await victim.exited;
      expect(store.size).toBeLessThan(RECIPIENTS);

      // The survivor alone finishes, and is still the same process.
      await waitFor(() => store.size >= RECIPIENTS, 90_000, 'every recipient to have a message');
      await waitFor(
        async () =>
          rowsOf<{ n: number }>(
            await handle.db.execute(sql`
              select count(*)::int as n from outbox_messages
              where tenant_id = ${DEMO_TENANT_ID} and send_id = ${send.id} and state <> 'sent'`),
          )[0]!.n === 0,
        30_000,
        'every message to be recorded as sent',
      );
      expect(survivor.child.exitCode).toBeNull();

      const perChat = new Map<string, number>();
      for (const a of store.list({ tenantId: DEMO_TENANT_ID })) {
        perChat.set(a.conversationId, (perChat.get(a.conversationId) ?? 0) + 1);
      }
      expect(perChat.size).toBe(RECIPIENTS);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
      // Repeats (deduplicated by the connector) only for what the dead instance had in hand.
      const ambiguous = rowsOf<{ n: number }>(
        await handle.db.execute(sql`
          select count(*)::int as n from outbox_messages
          where tenant_id = ${DEMO_TENANT_ID} and send_id = ${send.id} and ambiguous`),
      )[0]!.n;
      expect(ambiguous).toBeLessThanOrEqual(60);
      expect(connector.connector.stats().deduped).toBeLessThanOrEqual(Number(ambiguous));

      survivor.child.kill('SIGTERM');
      expect(await survivor.exited).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
