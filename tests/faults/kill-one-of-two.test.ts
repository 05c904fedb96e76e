import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, rowsOf } from '../../src/db/database';
import { createOutboxStore } from '../../src/db/outbox-store';
import { DEMO_TENANT_ID, generateDemoOrg } from '../../src/demo/demo-org';
import { startAppProcess, waitReady, type AppProcess } from '../support/app-process';
import { freePort } from '../support/net';
import { startTestConnector, type TestConnector } from '../support/local-connector';
import { invitations, scratchDatabase, seedCampaign, sendInput } from '../outbox/harness';

// Fault (issue 7): two Chorus processes share one broadcast and one of them is SIGKILLed mid-send.
// tests/outbox/kill-mid-send.test.ts kills the only instance and starts a new one; here nothing is
// restarted: the surviving instance alone must take over the dead one's claimed messages (after their
// lease) and finish, with every recipient getting exactly one message. Two processes need a shared
// database server, so this runs with TEST_DATABASE_URL (CI sets it).

const databaseUrl = process.env['TEST_DATABASE_URL'];
const RECIPIENTS = 300;
const KILL_AFTER = 100;

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!databaseUrl)('a broadcast when one of two instances is killed', () => {
  const apps: AppProcess[] = [];
  let connector: TestConnector | null = null;
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    for (const a of apps) if (a.child.exitCode === null) a.child.kill('SIGKILL');
    await connector?.close();
    await drop?.();
  });

  it('is finished by the surviving instance, each message once', { timeout: 180_000 }, async () => {
    const database = await scratchDatabase();
    drop = database.drop;
    connector = await startTestConnector({ latencyMs: 20, limits: { tenantRps: 50 } });
    const env = {
      ...database.env,
      BOT_SERVICE_URL: connector.url,
      OUTBOX_RATE_PER_SECOND: '40',
      OUTBOX_LEASE_SECONDS: '3',
      DEMO_CONTENT: 'false',
    };
    const both = [startAppProcess(await freePort(), env), startAppProcess(await freePort(), env)];
    apps.push(...both);
    await Promise.all(both.map((a) => waitReady(a)));
    const [victim, survivor] = both as [AppProcess, AppProcess];

    const recipients = generateDemoOrg()
      .slice(0, RECIPIENTS)
      .map((p) => p.id);
    const handle = await openDatabase(database.config);
    try {
      await migrate(handle.db);
      const campaignId = await seedCampaign(handle.db, DEMO_TENANT_ID);
      const send = { ...sendInput('invitations', campaignId), idempotencyKey: randomUUID() };
      await createOutboxStore(handle.db).enqueue(DEMO_TENANT_ID, send, invitations(campaignId, recipients));

      // Both take part before the kill: each holds messages at some point.
      const holders = new Set<string>();
      const store = connector.store;
      await until(
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
      await until(() => store.size >= RECIPIENTS, 90_000, 'every recipient to have a message');
      await until(
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
