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
import { waitFor } from './harness';

// The fault test (design §13): Chorus runs as a child process sending ~300 invitations through a
// standalone local Bot Connector (which survives it, with its record). The process is SIGKILLed
// mid-send and started again. When it is done, every recipient has exactly one stored activity and no
// message is left queued or sending.

const RECIPIENTS = 300;
const KILL_AFTER = 100;

describe('the outbox when the process is killed mid-send', () => {
  let instances: OutboxInstances | null = null;
  afterAll(async () => {
    await instances?.close();
  });

  it(
    'delivers every invitation exactly once after a SIGKILL and a restart',
    { timeout: 240_000 },
    async () => {
      instances = await prepareOutboxInstances(
        { latencyMs: 40, limits: { tenantRps: 50 } },
        { OUTBOX_RATE_PER_SECOND: '40', OUTBOX_LEASE_SECONDS: '3' },
      );
      const { connector, database } = instances;

      // Queue the invitations before the app starts (a PGlite folder belongs to one process at a time).
      const seeded = await openDatabase(database.config);
      let sendId: string;
      let recipients: string[];
      try {
        const queued = await queueDemoInvitations(seeded.db, RECIPIENTS);
        sendId = queued.send.id;
        recipients = queued.recipients;
      } finally {
        await seeded.close();
      }

      const [first] = (await instances.start(1)) as [AppProcess];
      const store = connector.store;
      await waitFor(() => store.size >= KILL_AFTER, 60_000, `${KILL_AFTER} stored activities`);
      first.child.kill('SIGKILL');
      await first.exited;
      const atKill = store.size;
      expect(atKill).toBeLessThan(RECIPIENTS);

      const [second] = (await instances.start(1)) as [AppProcess];
      await waitFor(() => store.size >= RECIPIENTS, 120_000, 'every recipient to have a message');
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
      expect(new Set(perConversation.keys())).toEqual(new Set(recipients!.map((id) => `a:dev-${id}`)));

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
