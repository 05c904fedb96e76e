import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, rowsOf } from '../../src/db/database';
import { createOutboxStore } from '../../src/db/outbox-store';
import { DEMO_TENANT_ID, generateDemoOrg } from '../../src/demo/demo-org';
import { startAppProcess, waitReady, type AppProcess } from '../support/app-process';
import { freePort } from '../support/net';
import { startTestConnector, type TestConnector } from '../support/local-connector';
import { invitations, scratchDatabase, seedCampaign, sendInput } from './harness';

// Two Chorus processes on one Postgres database send one broadcast together. The tenant's bucket row,
// locked by every claim, makes them share one rate: together they stay within the rate plus its burst
// (the connector, at 50/s, would answer 429 to two instances sending 40/s each), and no one gets a
// message twice. PGlite is a single-process database, so this runs only with TEST_DATABASE_URL (CI).

const databaseUrl = process.env['TEST_DATABASE_URL'];
const RECIPIENTS = 300;
const RATE = 40;
const BURST = 5;

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe.skipIf(!databaseUrl)('the outbox with two instances on one database', () => {
  const apps: AppProcess[] = [];
  let connector: TestConnector | null = null;
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    for (const a of apps) if (a.child.exitCode === null) a.child.kill('SIGKILL');
    await connector?.close();
    await drop?.();
  });

  it('shares one rate and sends each message once', { timeout: 240_000 }, async () => {
    const database = await scratchDatabase();
    drop = database.drop;
    connector = await startTestConnector({ latencyMs: 20, limits: { tenantRps: 50 } });
    const env = {
      ...database.env,
      BOT_SERVICE_URL: connector.url,
      OUTBOX_RATE_PER_SECOND: String(RATE),
      OUTBOX_BURST: String(BURST),
      DEMO_CONTENT: 'false',
    };
    const both = [startAppProcess(await freePort(), env), startAppProcess(await freePort(), env)];
    apps.push(...both);
    await Promise.all(both.map((a) => waitReady(a)));

    // Queued while both run: either may claim any message.
    const recipients = generateDemoOrg()
      .slice(0, RECIPIENTS)
      .map((p) => p.id);
    const handle = await openDatabase(database.config);
    try {
      await migrate(handle.db);
      const campaignId = await seedCampaign(handle.db, DEMO_TENANT_ID);
      const send = { ...sendInput('invitations', campaignId), idempotencyKey: randomUUID() };
      await createOutboxStore(handle.db).enqueue(DEMO_TENANT_ID, send, invitations(campaignId, recipients));

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
