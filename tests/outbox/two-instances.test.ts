import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../../src/db/database';
import { DEMO_TENANT_ID } from '../../src/demo/demo-org';
import { maxInWindow } from '../support/local-connector';
import {
  prepareOutboxInstances,
  queueDemoInvitations,
  type OutboxInstances,
} from '../support/outbox-instances';

// Two Chorus processes on one Postgres database send one broadcast together. The tenant's bucket row,
// locked by every claim, makes them share one rate: together they stay within the rate plus its burst
// (the connector, at 50/s, would answer 429 to two instances sending 40/s each), and no one gets a
// message twice. PGlite is a single-process database, so this runs only with TEST_DATABASE_URL (CI).

const databaseUrl = process.env['TEST_DATABASE_URL'];
const RECIPIENTS = 300;
const RATE = 40;
const BURST = 5;

describe.skipIf(!databaseUrl)('the outbox with two instances on one database', () => {
  let instances: OutboxInstances | null = null;
  afterAll(async () => {
    await instances?.close();
  });

  it('shares one rate and sends each message once', { timeout: 240_000 }, async () => {
    instances = await prepareOutboxInstances(
      { latencyMs: 20, limits: { tenantRps: 50 } },
      { OUTBOX_RATE_PER_SECOND: String(RATE), OUTBOX_BURST: String(BURST) },
    );
    const { connector } = instances;
    const both = await instances.start(2);

    // Queued while both run: either may claim any message.
    const handle = await openDatabase(instances.database.config);
    try {
      const { send } = await queueDemoInvitations(handle.db, RECIPIENTS);

      const store = connector.store;
      const end = Date.now() + 120_000;
      // Which workers hold messages while it runs: both instances should take part.
      const workers = new Set<string>();
      while (store.size < RECIPIENTS) {
        if (Date.now() > end) throw new Error(`only ${store.size} delivered`);
        const holding = rowsOf<{ claimed_by: string }>(
          await handle.db.execute(sql`
            select distinct claimed_by from outbox_messages
            where tenant_id = ${DEMO_TENANT_ID} and state = 'sending' and claimed_by is not null`),
        );
        for (const row of holding) workers.add(row.claimed_by);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(workers.size).toBe(2);
      await new Promise((r) => setTimeout(r, 1_000));
      for (const app of both) app.child.kill('SIGTERM');
      expect(await Promise.all(both.map((a) => a.exited))).toEqual([0, 0]);

      const stats = connector.connector.stats();
      expect(stats.throttled).toBe(0);
      expect(stats.stored).toBe(RECIPIENTS);
      expect(stats.deduped).toBe(0);
      // Sends and chat creations together: within the shared rate and its burst in any second.
      const perChat = new Map<string, number>();
      for (const a of store.list({ tenantId: DEMO_TENANT_ID })) {
        perChat.set(a.conversationId, (perChat.get(a.conversationId) ?? 0) + 1);
      }
      expect(perChat.size).toBe(RECIPIENTS);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
      expect(maxInWindow(stats.storedAt, 1_000)).toBeLessThanOrEqual(RATE + BURST);

      const states = rowsOf<{ state: string; n: number }>(
        await handle.db.execute(sql`
          select state, count(*)::int as n from outbox_messages
          where tenant_id = ${DEMO_TENANT_ID} and send_id = ${send.id} group by state`),
      );
      expect(Object.fromEntries(states.map((s) => [s.state, Number(s.n)]))).toEqual({ sent: RECIPIENTS });
    } finally {
      await handle.close();
    }
  });
});
