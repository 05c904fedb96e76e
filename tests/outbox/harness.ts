import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createConnectorClient } from '../../bot/connector-client';
import type { DatabaseConfig } from '../../src/config/config';
import { createOutboxTransport } from '../../bot/outbox-transport';
import { createConversationReferenceRepository } from '../../src/db/conversation-references';
import { rowsOf, type Db, type DatabaseHandle } from '../../src/db/database';
import { createOutboxContentReader, createOutboxStore, type DbOutbox } from '../../src/db/outbox-store';
import { people, recruitmentCampaigns } from '../../src/db/schema';
import type { LocalConnectorLimits } from '../../src/demo/local-connector';
import { startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../src/jobs/outbox-worker';
import type { OutboxMessageInput, OutboxPace } from '../../src/ports/outbox';
import { openTestStore } from '../support/database';
import { startTestConnector, type TestConnector } from '../support/local-connector';

// Shared set-up for the outbox tests: a migrated database with a fresh tenant, the production store,
// transport and worker, and the local Bot Connector on its own port enforcing Teams' limits.

export const silentLogger = pino({ level: 'silent' });

export const BOT = { id: '28:chorus-test-bot', name: 'Chorus' };

export async function seedPeople(db: Db, tenantId: string, count: number, prefix = 'p') {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < ids.length; i += 1000) {
    await db.insert(people).values(
      ids.slice(i, i + 1000).map((id, j) => ({
        tenantId,
        id,
        displayName: `Person ${i + j}`,
        preferredLanguage: (i + j) % 2 === 0 ? 'da-DK' : 'en-GB',
      })),
    );
  }
  return ids;
}

export async function seedCampaign(db: Db, tenantId: string, status: 'running' | 'closed' = 'running') {
  const id = randomUUID();
  await db.insert(recruitmentCampaigns).values({
    tenantId,
    id,
    name: 'Bliv ambassadør',
    pitch: {
      da: { why: 'Fordi vi vil høres.', effort: '30 minutter om ugen', support: 'Workshops og sparring' },
      en: {
        why: 'Because we want to be heard.',
        effort: '30 minutes a week',
        support: 'Workshops and sparring',
      },
    },
    startsAt: new Date(Date.now() - 86_400_000),
    endsAt: new Date(Date.now() + 30 * 86_400_000),
    goalAmbassadors: 8,
    audience: {},
    status,
  });
  return id;
}

/** One invitation message per person. */
export function invitations(
  campaignId: string,
  personIds: string[],
  keyPrefix = 'invite',
): OutboxMessageInput[] {
  return personIds.map((personId) => ({
    idempotencyKey: `${keyPrefix}:${campaignId}:${personId}`,
    transport: 'bot',
    recipientPersonId: personId,
    conversationId: null,
    serviceUrl: null,
    payload: { kind: 'campaignInvitation', campaignId, invitationId: randomUUID(), nomination: null },
  }));
}

export const sendInput = (
  kind: 'announcement' | 'invitations' = 'invitations',
  campaignId: string | null = null,
) => ({
  id: randomUUID(),
  campaignId,
  kind,
  idempotencyKey: randomUUID(),
  createdBy: null,
});

export interface Harness {
  handle: DatabaseHandle;
  db: Db;
  tenantId: string;
  outbox: DbOutbox;
  connector: TestConnector;
  pace: OutboxPace;
  startWorker(overrides?: Partial<OutboxWorkerOptions>): OutboxWorker;
  /** Message rows of the tenant, by key. */
  messages(): Promise<
    {
      idempotency_key: string;
      state: string;
      attempts: number;
      last_reason: string | null;
      last_status: number | null;
      ambiguous: boolean;
      id: number;
    }[]
  >;
  /** Attempts of one message, oldest first. */
  attemptsOf(idempotencyKey: string): Promise<{ started_at: Date; status: number }[]>;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    maxAttempts?: number;
    limits?: Partial<LocalConnectorLimits>;
    latencyMs?: number;
    pace?: Partial<OutboxPace>;
  } = {},
): Promise<Harness> {
  const { handle, tenantId } = await openTestStore();
  const db = handle.db;
  const outbox = createOutboxStore(db, { maxAttempts: options.maxAttempts ?? 8 });
  const connector = await startTestConnector({
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
  });
  const pace: OutboxPace = { ratePerSec: 30, burst: 5, maxAheadMs: 1_000, leaseMs: 10_000, ...options.pace };
  const transport = createOutboxTransport({
    connector: createConnectorClient({ timeoutMs: 3_000 }),
    feed: null,
    content: createOutboxContentReader(db),
    conversations: createConversationReferenceRepository(db),
    botAccount: BOT,
    links: { publicUrl: 'http://chorus.test', teamsAppId: null },
    serviceUrl: (stored) => stored ?? connector.url,
  });
  const workers: OutboxWorker[] = [];
  return {
    handle,
    db,
    tenantId,
    outbox,
    connector,
    pace,
    startWorker(overrides = {}) {
      const worker = startOutboxWorker({
        queue: outbox,
        transport,
        logger: silentLogger,
        tenantIds: [tenantId],
        pace,
        pollMs: 50,
        poll: true,
        ...overrides,
      });
      workers.push(worker);
      return worker;
    },
    async messages() {
      const rows = rowsOf<{
        id: string | number;
        idempotency_key: string;
        state: string;
        attempts: number;
        last_reason: string | null;
        last_status: number | null;
        ambiguous: boolean;
      }>(
        await db.execute(sql`
          select id, idempotency_key, state, attempts, last_reason, last_status, ambiguous
          from outbox_messages where tenant_id = ${tenantId} order by id`),
      );
      // bigint ids come back as strings from node-postgres.
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },
    async attemptsOf(idempotencyKey) {
      const rows = rowsOf<{ started_at: unknown; status: number }>(
        await db.execute(sql`
          select a.started_at, a.status from outbox_attempts a
          join outbox_messages m on m.tenant_id = a.tenant_id and m.id = a.message_id
          where a.tenant_id = ${tenantId} and m.idempotency_key = ${idempotencyKey}
          order by a.started_at`),
      );
      return rows.map((r) => ({ started_at: new Date(r.started_at as string), status: r.status }));
    },
    async close() {
      for (const w of workers) await w.close();
      await connector.close();
      await handle.close();
    },
  };
}

/** Polls `check` until it is true. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  what = 'condition',
) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A database of its own for tests that run Chorus as child processes in demo mode (whose tenant is
 * always the demo tenant): a temporary PGlite folder, or a new database on the TEST_DATABASE_URL server.
 */
export async function scratchDatabase(): Promise<{
  config: DatabaseConfig;
  /** The env that points a child process at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-outbox-'));
    return {
      config: { kind: 'pglite', dataDir },
      env: { DATA_DIR: dataDir },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `chorus_outbox_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString(), poolSize: 4 },
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
