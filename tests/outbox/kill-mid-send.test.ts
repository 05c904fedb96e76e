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

// The fault test (design §13): Chorus runs as a child process sending ~300 invitations through a
// standalone local Bot Connector (which survives it, with its record). The process is SIGKILLed
// mid-send and started again. When it is done, every recipient has exactly one stored activity and no
// message is left queued or sending.

const RECIPIENTS = 300;
const KILL_AFTER = 100;

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the outbox when the process is killed mid-send', () => {
  const apps: AppProcess[] = [];
  let connector: TestConnector | null = null;
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    for (const a of apps) if (a.child.exitCode === null) a.child.kill('SIGKILL');
    await connector?.close();
    await drop?.();
  });

  it(
    'delivers every invitation exactly once after a SIGKILL and a restart',
    { timeout: 240_000 },
    async () => {
      const database = await scratchDatabase();
      drop = database.drop;
      connector = await startTestConnector({ latencyMs: 40, limits: { tenantRps: 50 } });

      // Queue the invitations before the app starts (a PGlite folder belongs to one process at a time).
      const recipients = generateDemoOrg()
        .slice(0, RECIPIENTS)
        .map((p) => p.id);
      const seeded = await openDatabase(database.config);
      let sendId: string;
      try {
        await migrate(seeded.db);
        const campaignId = await seedCampaign(seeded.db, DEMO_TENANT_ID);
        const send = { ...sendInput('invitations', campaignId), idempotencyKey: randomUUID() };
        sendId = send.id;
        await createOutboxStore(seeded.db).enqueue(DEMO_TENANT_ID, send, invitations(campaignId, recipients));
      } finally {
        await seeded.close();
      }

      const env = {
        ...database.env,
        BOT_SERVICE_URL: connector.url,
        OUTBOX_RATE_PER_SECOND: '40',
        OUTBOX_LEASE_SECONDS: '3',
        DEMO_CONTENT: 'false',
      };
      const first = startAppProcess(await freePort(), env);
      apps.push(first);
      await waitReady(first);
      const store = connector.store;
      await until(() => store.size >= KILL_AFTER, 60_000, `${KILL_AFTER} stored activities`);
      first.child.kill('SIGKILL');
      await first.exited;
      const atKill = store.size;
      expect(atKill).toBeLessThan(RECIPIENTS);

      const second = startAppProcess(await freePort(), env);
      apps.push(second);
      await waitReady(second);
      await until(() => store.size >= RECIPIENTS, 120_000, 'every recipient to have a message');
      // Let results in flight be recorded, then stop the app the graceful way.
      await new Promise((r) => setTimeout(r, 1_000));
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      // Exactly one activity per recipient, in their own chat.
      const perConversation = new Map<string, number>();
      for (const a of store.list({ tenantId: DEMO_TENANT_ID })) {
        perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
      }
      expect(perConversation.size).toBe(RECIPIENTS);
      expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(perConversation.keys())).toEqual(new Set(recipients.map((id) => `a:dev-${id}`)));

      // Nothing left behind, and repeats stayed within what was in flight at the kill.
      const after = await openDatabase(database.config);
      try {
        const states = rowsOf<{ state: string; n: number; ambiguous: number }>(
          await after.db.execute(sql`
          select state, count(*)::int as n, (count(*) filter (where ambiguous))::int as ambiguous
          from outbox_messages where tenant_id = ${DEMO_TENANT_ID} and send_id = ${sendId!}
          group by state`),
        );
        const byState = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
        expect(byState).toEqual({ sent: RECIPIENTS });
        const stats = connector.connector.stats();
        const ambiguous = states.reduce((n, s) => n + Number(s.ambiguous), 0);
        // At most about one second of claimed slots (40/s) was in hand at the kill.
        expect(ambiguous).toBeLessThanOrEqual(60);
        expect(stats.deduped).toBeLessThanOrEqual(ambiguous);
        expect(stats.throttled).toBe(0);
      } finally {
        await after.close();
      }
    },
  );
});
