import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createConnectorClient } from '../../bot/connector-client';
import { createOutboxTransport } from '../../bot/outbox-transport';
import type { DatabaseConfig } from '../../src/config/config';
import { createConversationReferenceRepository } from '../../src/db/conversation-references';
import { migrate, openDatabase, rowsOf } from '../../src/db/database';
import { createOutboxContentReader, createOutboxStore } from '../../src/db/outbox-store';
import { conversationReferences, people, recruitmentCampaigns, tenants } from '../../src/db/schema';
import { startOutboxWorker } from '../../src/jobs/outbox-worker';
import type { OutboxMessageInput } from '../../src/ports/outbox';
import { startTestConnector } from '../support/local-connector';

// Broadcast (issue 4, design §13): personal invitations to 10,000 recipients with stored conversation
// references, through the production outbox (store, worker, transport and Bot Connector client) to the
// standalone local connector enforcing Teams' 50 requests/s per tenant and its per-chat windows.
// Goal: a sustained rate of at least 90 % of the limit (45/s), no duplicates, nothing lost.
// Microsoft's retired Company Communicator reached about 12–19 messages/s in practice.

export interface BroadcastBench {
  database: 'pglite' | 'postgres';
  recipients: number;
  /** OUTBOX_RATE_PER_SECOND used. */
  configuredRate: number;
  /** The connector's per-tenant limit. */
  limit: number;
  enqueueMs: number;
  /** From the first to the last stored activity. */
  durationMs: number;
  /** Activities per second over the middle 90 % of deliveries (first and last 5 % left out). */
  sustainedRate: number;
  /** As a share of `limit`. */
  sustainedShare: number;
  /** 429s the connector answered. */
  throttled: number;
  /** Recipients with more than one stored activity, plus repeats the connector deduped. */
  duplicates: number;
  /** Recipients with no stored activity, or messages not `sent` in the database. */
  lost: number;
  /** Messages the outbox marked possibly repeated. */
  possiblyRepeated: number;
}

export interface BroadcastOptions {
  /** A Postgres server; the embedded PGlite (in a temporary folder) otherwise. */
  databaseUrl?: string;
  recipients?: number;
  ratePerSecond?: number;
  limit?: number;
  /** Progress lines on stdout every so often. */
  log?: (line: string) => void;
}

/** Sustained rate over the middle `share` of sorted timestamps (per second). */
export function middleRate(times: number[], share = 0.9): number {
  const sorted = [...times].sort((a, b) => a - b);
  const cut = Math.floor((sorted.length * (1 - share)) / 2);
  const middle = sorted.slice(cut, sorted.length - cut);
  if (middle.length < 2) return 0;
  const span = middle[middle.length - 1]! - middle[0]!;
  return span > 0 ? ((middle.length - 1) * 1000) / span : 0;
}

export async function benchBroadcast(options: BroadcastOptions = {}): Promise<BroadcastBench> {
  const recipients = options.recipients ?? 10_000;
  const ratePerSecond = options.ratePerSecond ?? 48;
  const limit = options.limit ?? 50;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const dataDir = options.databaseUrl ? null : await mkdtemp(path.join(tmpdir(), 'chorus-broadcast-'));
  const config: DatabaseConfig = options.databaseUrl
    ? { kind: 'postgres', url: options.databaseUrl, poolSize: 8 }
    : { kind: 'pglite', dataDir: dataDir! };
  const handle = await openDatabase(config);
  const connector = await startTestConnector({ limits: { tenantRps: limit } });
  const tenantId = `bench-${randomUUID()}`;
  let worker: ReturnType<typeof startOutboxWorker> | null = null;
  try {
    const db = handle.db;
    await migrate(db);
    await db.insert(tenants).values({ tenantId, name: 'Broadcast bench' });
    const ids = Array.from({ length: recipients }, (_, i) => `person-${i}`);
    for (let i = 0; i < ids.length; i += 1_000) {
      const chunk = ids.slice(i, i + 1_000);
      await db.insert(people).values(
        chunk.map((id, j) => ({
          tenantId,
          id,
          displayName: `Person ${i + j}`,
          preferredLanguage: (i + j) % 3 === 0 ? 'en-GB' : 'da-DK',
        })),
      );
      // Everyone already has a chat with the bot (the design's broadcast case): no creates.
      await db.insert(conversationReferences).values(
        chunk.map((id) => ({
          tenantId,
          personId: id,
          conversationId: `a:dev-${id}`,
          reference: {
            serviceUrl: connector.url,
            conversation: { id: `a:dev-${id}`, conversationType: 'personal', tenantId },
            channelId: 'msteams',
          },
        })),
      );
    }
    const campaignId = randomUUID();
    await db.insert(recruitmentCampaigns).values({
      tenantId,
      id: campaignId,
      name: 'Bliv ambassadør',
      pitch: {
        da: { why: 'Fordi vi vil høres.', effort: '30 minutter om ugen', support: 'Workshops og sparring' },
        en: { why: 'Because we want to be heard.', effort: '30 minutes a week', support: 'Workshops' },
      },
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
      goalAmbassadors: 8,
      audience: {},
      status: 'running',
    });

    const outbox = createOutboxStore(db);
    const messages: OutboxMessageInput[] = ids.map((personId) => ({
      idempotencyKey: `invite:${campaignId}:${personId}`,
      transport: 'bot',
      recipientPersonId: personId,
      conversationId: null,
      serviceUrl: null,
      payload: { kind: 'campaignInvitation', campaignId, invitationId: randomUUID(), nomination: null },
    }));
    const enqueueStarted = performance.now();
    const send = {
      id: randomUUID(),
      campaignId,
      kind: 'invitations' as const,
      idempotencyKey: randomUUID(),
      createdBy: null,
    };
    await outbox.enqueue(tenantId, send, messages);
    const enqueueMs = performance.now() - enqueueStarted;
    log(`broadcast: ${recipients} invitations queued in ${Math.round(enqueueMs)} ms on ${handle.kind}`);

    const transport = createOutboxTransport({
      connector: createConnectorClient({ timeoutMs: 10_000 }),
      feed: null,
      content: createOutboxContentReader(db),
      conversations: createConversationReferenceRepository(db),
      botAccount: { id: '28:chorus-bench-bot', name: 'Chorus' },
      links: { publicUrl: 'http://localhost:3978', teamsAppId: null },
      serviceUrl: (stored) => stored ?? connector.url,
    });
    worker = startOutboxWorker({
      queue: outbox,
      transport,
      logger: pino({ level: 'silent' }),
      tenantIds: [tenantId],
      transports: ['bot'],
      pace: { ratePerSec: ratePerSecond, burst: 5, maxAheadMs: 1_000, leaseMs: 30_000 },
      pollMs: 200,
      poll: true,
    });

    const store = connector.store;
    const timeoutMs = Math.max(120_000, (recipients / ratePerSecond) * 3 * 1000);
    const until = Date.now() + timeoutMs;
    let lastLog = Date.now();
    for (;;) {
      const progress = (await outbox.progress(tenantId, send.id))!;
      const open = (progress.counts.queued ?? 0) + (progress.counts.sending ?? 0);
      if (open === 0) break;
      if (Date.now() > until) throw new Error(`broadcast not finished in ${timeoutMs} ms: ${open} open`);
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`broadcast: ${store.size} delivered, ${connector.connector.stats().throttled} throttled`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await worker.close();
    worker = null;

    const stats = connector.connector.stats();
    const perChat = new Map<string, number>();
    for (const a of store.list({ tenantId }))
      perChat.set(a.conversationId, (perChat.get(a.conversationId) ?? 0) + 1);
    const repeatedChats = [...perChat.values()].filter((n) => n > 1).length;
    const missingChats = ids.filter((id) => !perChat.has(`a:dev-${id}`)).length;
    const states = rowsOf<{ state: string; n: number; ambiguous: number }>(
      await db.execute(sql`
        select state, count(*)::int as n, (count(*) filter (where ambiguous))::int as ambiguous
        from outbox_messages where tenant_id = ${tenantId} group by state`),
    );
    const sent = Number(states.find((s) => s.state === 'sent')?.n ?? 0);
    const times = stats.storedAt;
    const sustainedRate = middleRate(times);
    return {
      database: handle.kind,
      recipients,
      configuredRate: ratePerSecond,
      limit,
      enqueueMs: Math.round(enqueueMs),
      durationMs: times.length > 1 ? Math.max(...times) - Math.min(...times) : 0,
      sustainedRate: Math.round(sustainedRate * 10) / 10,
      sustainedShare: Math.round((sustainedRate / limit) * 1000) / 1000,
      throttled: stats.throttled,
      duplicates: repeatedChats + stats.deduped,
      lost: Math.max(missingChats, recipients - sent),
      possiblyRepeated: states.reduce((n, s) => n + Number(s.ambiguous), 0),
    };
  } finally {
    if (worker) await worker.close();
    await connector.close();
    if (options.databaseUrl) {
      // Leave the shared server as it was: this run's rows only.
      for (const table of [
        'outbox_attempts',
        'outbox_messages',
        'outbox_sends',
        'outbox_rate_buckets',
        'conversation_references',
        'recruitment_campaigns',
        'people',
        'tenants',
      ]) {
        await handle.db.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId}`);
      }
    }
    await handle.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/broadcast.ts [recipients]`: one run on its own (BENCH_DATABASE_URL for Postgres).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const recipients = process.argv[2] ? Number(process.argv[2]) : undefined;
  const databaseUrl = process.env['BENCH_DATABASE_URL'];
  benchBroadcast({ ...(recipients ? { recipients } : {}), ...(databaseUrl ? { databaseUrl } : {}) })
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
