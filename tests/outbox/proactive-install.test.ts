import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnectorClient } from '../../bot/connector-client';
import { createOutboxTransport, NOT_INSTALLED_REASON } from '../../bot/outbox-transport';
import { createConversationReferenceRepository } from '../../src/db/conversation-references';
import { rowsOf, type DatabaseHandle, type Db } from '../../src/db/database';
import { createOutboxContentReader, createOutboxStore, type DbOutbox } from '../../src/db/outbox-store';
import type { BucketState } from '../../src/domain/rate-limit';
import { createTeamsAppInstaller } from '../../src/graph/teams-install';
import { createAppTokenProvider } from '../../src/graph/token-provider';
import { startOutboxWorker, type OutboxWorker } from '../../src/jobs/outbox-worker';
import type { OutboxPace } from '../../src/ports/outbox';
import { startGraphServer, type GraphServer } from '../fakes/graph-server';
import { createFakeTeamwork, type FakeTeamwork } from '../fakes/graph-teamwork';
import { openTestStore } from '../support/database';
import { startTestConnector, type TestConnector } from '../support/local-connector';
import { BOT, invitations, seedCampaign, seedPeople, sendInput, silentLogger, waitFor } from './harness';

// Reaching people the bot has no chat with (docs/design/recruitment.md §2 "Proactive install", §4
// delivery): when `POST /v3/conversations` answers 403/404 because the app is not installed for them,
// the transport installs it through Graph (the local Graph server with the teamwork routes), stores the
// chat Graph names as their conversation reference, and sends once. Without PROACTIVE_INSTALL such
// messages fail as 'not_installed'. A stored chat that answers 404 is resolved again once.

const CATALOG_APP_ID = '5f1f5a3e-9c55-4b52-b1c3-2b9a8f4d7e10';

interface Setup {
  handle: DatabaseHandle;
  db: Db;
  tenantId: string;
  outbox: DbOutbox;
  connector: TestConnector;
  graph: GraphServer;
  teamwork: FakeTeamwork;
  worker: OutboxWorker | null;
}

describe('proactive install and re-resolving chats', () => {
  let s: Setup | null = null;
  afterEach(async () => {
    await s?.worker?.close();
    await s?.connector.close();
    await s?.graph.close();
    await s?.handle.close();
    s = null;
  });

  const pace: OutboxPace = { ratePerSec: 30, burst: 5, maxAheadMs: 1_000, leaseMs: 10_000 };

  /** A database, the local connector, the local Graph with teamwork routes, and the production pieces. */
  const setUp = async (options: { install: boolean; people?: number }) => {
    const { handle, tenantId } = await openTestStore();
    const teamwork = createFakeTeamwork({ catalogAppIds: [CATALOG_APP_ID] });
    const graph = await startGraphServer({ users: 0, extraHandlers: [teamwork.handler] });
    const connector = await startTestConnector();
    const outbox = createOutboxStore(handle.db, { maxAttempts: 8 });
    const tokens = createAppTokenProvider({
      tenantId: graph.tenantId,
      clientId: graph.clientId,
      clientSecret: graph.clientSecret,
      authorityHost: graph.url,
    });
    const transport = createOutboxTransport({
      connector: createConnectorClient({ timeoutMs: 3_000 }),
      feed: null,
      content: createOutboxContentReader(handle.db),
      conversations: createConversationReferenceRepository(handle.db),
      botAccount: BOT,
      links: { publicUrl: 'http://chorus.test', teamsAppId: null },
      serviceUrl: (stored) => stored ?? connector.url,
      install: options.install
        ? createTeamsAppInstaller({
            baseUrl: graph.graphUrl,
            getToken: () => tokens.getToken(),
            catalogAppId: CATALOG_APP_ID,
            timeoutMs: 3_000,
          })
        : null,
      installBudgetMs: 5_000,
    });
    s = { handle, db: handle.db, tenantId, outbox, connector, graph, teamwork, worker: null };
    const campaignId = await seedCampaign(handle.db, tenantId);
    const people = await seedPeople(handle.db, tenantId, options.people ?? 1);
    const messages = invitations(campaignId, people);
    await outbox.enqueue(tenantId, sendInput('invitations', campaignId), messages);
    const start = (random = () => 0) => {
      s!.worker = startOutboxWorker({
        queue: outbox,
        transport,
        logger: silentLogger,
        tenantIds: [tenantId],
        pace,
        pollMs: 50,
        poll: true,
        random,
      });
    };
    return { setup: s, people, keys: messages.map((m) => m.idempotencyKey), start };
  };

  const rows = async (setup: Setup) =>
    rowsOf<{
      idempotency_key: string;
      recipient_person_id: string;
      state: string;
      attempts: number;
      last_reason: string | null;
      last_status: number | null;
      conversation_id: string | null;
    }>(
      await setup.db.execute(sql`
        select idempotency_key, recipient_person_id, state, attempts, last_reason, last_status,
          conversation_id
        from outbox_messages where tenant_id = ${setup.tenantId} order by id`),
    );
  const settled = async (setup: Setup) =>
    (await rows(setup)).every((m) => !['queued', 'sending'].includes(m.state));
  const reference = (setup: Setup, personId: string) =>
    createConversationReferenceRepository(setup.db).get(setup.tenantId, personId);
  const attemptsOf = async (setup: Setup, key: string) =>
    rowsOf<{ started_at: unknown; status: number; reason: string | null }>(
      await setup.db.execute(sql`
        select a.started_at, a.status, a.reason from outbox_attempts a
        join outbox_messages m on m.tenant_id = a.tenant_id and m.id = a.message_id
        where a.tenant_id = ${setup.tenantId} and m.idempotency_key = ${key}
        order by a.started_at`),
    ).map((r) => ({ ...r, started_at: new Date(String(r.started_at)) }));
  const bucket = async (setup: Setup) =>
    rowsOf<{ state: BucketState }>(
      await setup.db.execute(sql`
        select state from outbox_rate_buckets where tenant_id = ${setup.tenantId} and transport = 'bot'`),
    )[0]?.state;

  it('installs the app through Graph when the chat cannot be created (403; 409 = already installed), stores the chat and sends once', async () => {
    const { setup, people, start } = await setUp({ install: true, people: 2 });
    const [fresh, already] = people as [string, string];
    setup.teamwork.preinstall(already, CATALOG_APP_ID);
    // Teams refuses a 1:1 chat with someone who does not have the app.
    setup.connector.connector.failNext({ status: 403, count: 2, operation: 'create' });
    start();
    await waitFor(() => settled(setup), 15_000, 'the messages to settle');

    const chatOf = (personId: string) => `19:${personId}_${CATALOG_APP_ID}@unq.gbl.spaces`;
    for (const row of await rows(setup)) {
      // One attempt each: installing is part of the attempt that sends, not a failed one of its own.
      expect(row).toMatchObject({
        state: 'sent',
        attempts: 1,
        last_reason: null,
        conversation_id: chatOf(row.recipient_person_id),
      });
    }

    // The Graph requests, in order, per person.
    const requestsOf = (personId: string) =>
      setup.teamwork.requests.filter((r) => r.path.startsWith(`/v1.0/users/${personId}/`));
    const installationId = (personId: string) => setup.teamwork.installationsOf(personId)[0]!.installationId;
    for (const [personId, installStatus] of [
      [fresh, 201],
      [already, 409],
    ] as const) {
      expect(requestsOf(personId)).toEqual([
        {
          method: 'POST',
          path: `/v1.0/users/${personId}/teamwork/installedApps`,
          query: {},
          body: {
            'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP_ID}`,
          },
          status: installStatus,
        },
        {
          method: 'GET',
          path: `/v1.0/users/${personId}/teamwork/installedApps`,
          query: { $expand: 'teamsApp', $filter: `teamsApp/id eq '${CATALOG_APP_ID}'` },
          body: null,
          status: 200,
        },
        {
          method: 'GET',
          path: `/v1.0/users/${personId}/teamwork/installedApps/${installationId(personId)}/chat`,
          query: {},
          body: null,
          status: 200,
        },
      ]);
    }
    expect(setup.teamwork.installationsOf(fresh)).toHaveLength(1);
    // Every Graph request carried the app-only token the token endpoint issued.
    const issued = setup.graph.issuedTokens();
    for (const r of setup.graph.graphRequests()) {
      expect(issued).toContain(String(r.headers.authorization).replace(/^Bearer /, ''));
    }

    // The chat Graph named is now the person's conversation reference.
    for (const personId of people) {
      const stored = await reference(setup, personId);
      expect(stored?.conversationId).toBe(chatOf(personId));
      expect(stored?.reference).toMatchObject({
        channelId: 'msteams',
        serviceUrl: setup.connector.url,
        bot: BOT,
        user: { id: personId, aadObjectId: personId },
        conversation: { id: chatOf(personId), conversationType: 'personal', tenantId: setup.tenantId },
      });
      // Sent exactly once, to that chat.
      expect(setup.connector.store.list({ conversationId: chatOf(personId) })).toHaveLength(1);
    }
    expect(setup.connector.store.size).toBe(2);
    const stats = setup.connector.connector.stats();
    expect(stats.injected).toBe(2);
    // Two refused creates and two sends: nothing else reached the connector.
    expect(stats.received).toBe(4);
  });

  it('honours a Graph 429 with Retry-After on the install, without slowing the bot’s sending', async () => {
    const { setup, keys, start } = await setUp({ install: true });
    setup.connector.connector.failNext({ status: 403, count: 2, operation: 'create' });
    setup.teamwork.failNext({ step: 'install', status: 429, retryAfterSeconds: 1 });
    start();
    await waitFor(() => settled(setup), 15_000, 'the message to settle');

    const [row] = await rows(setup);
    expect(row).toMatchObject({ state: 'sent', attempts: 2, last_reason: null });
    const posts = setup.graph
      .graphRequests()
      .filter((r) => r.method === 'POST' && r.pathname.endsWith('/teamwork/installedApps'));
    expect(posts.map((r) => r.status)).toEqual([429, 201]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1_000);
    const attempts = await attemptsOf(setup, keys[0]!);
    expect(attempts.map((a) => [a.status, a.reason])).toEqual([
      [429, 'install_throttled'],
      [201, null],
    ]);
    // Graph's 429 is not the Bot Connector's: the tenant's bot pace is untouched.
    const state = await bucket(setup);
    expect(state?.effectiveRate).toBe(pace.ratePerSec);
    expect(state?.throttleTimes ?? []).toEqual([]);
    expect(setup.connector.store.size).toBe(1);
  });

  it('fails as not_installed when proactive install is off (403 or 404 on create), asking Graph nothing', async () => {
    const { setup, start } = await setUp({ install: false, people: 2 });
    setup.connector.connector.failNext({ status: 403, operation: 'create' });
    setup.connector.connector.failNext({ status: 404, operation: 'create' });
    start();
    await waitFor(() => settled(setup), 15_000, 'the messages to settle');
    const result = await rows(setup);
    // Which message meets which refusal depends on which create reaches the connector first.
    expect(
      result
        .map((r) => [r.state, r.attempts, r.last_reason, r.last_status])
        .sort((a, b) => Number(a[3]) - Number(b[3])),
    ).toEqual([
      ['failed', 1, NOT_INSTALLED_REASON, 403],
      ['failed', 1, NOT_INSTALLED_REASON, 404],
    ]);
    expect(setup.graph.graphRequests()).toEqual([]);
    expect(setup.connector.store.size).toBe(0);
  });

  it('fails as not_installed when Graph refuses the install for good (app not in the catalogue: 404)', async () => {
    const { setup, start } = await setUp({ install: true });
    setup.connector.connector.failNext({ status: 403, operation: 'create' });
    setup.teamwork.failNext({ step: 'install', status: 404 });
    start();
    await waitFor(() => settled(setup), 15_000, 'the message to settle');
    const [row] = await rows(setup);
    expect(row).toMatchObject({
      state: 'failed',
      attempts: 1,
      last_reason: 'not_installed',
      last_status: 404,
    });
    expect(setup.teamwork.requests.map((r) => r.method)).toEqual(['POST']);
    expect(await reference(setup, row!.recipient_person_id)).toBeNull();
  });

  it('a blocked bot (403 MessageWritesBlocked on create) stays blocked: no install', async () => {
    const { setup, start } = await setUp({ install: true });
    setup.connector.connector.failNext({ status: 403, operation: 'create', subCode: 'MessageWritesBlocked' });
    start();
    await waitFor(() => settled(setup), 15_000, 'the message to settle');
    const [row] = await rows(setup);
    expect(row).toMatchObject({ state: 'failed', last_reason: 'blocked' });
    expect(setup.teamwork.requests).toEqual([]);
  });

  it('re-resolves a stored chat that answers 404 once: creates the chat again, stores it and sends', async () => {
    const { setup, people, start } = await setUp({ install: false });
    const personId = people[0]!;
    await createConversationReferenceRepository(setup.db).save(setup.tenantId, personId, {
      conversationId: 'a:gone',
      reference: { serviceUrl: setup.connector.url, conversation: { id: 'a:gone' } },
    });
    setup.connector.connector.failNext({ status: 404, operation: 'send' });
    start();
    await waitFor(() => settled(setup), 15_000, 'the message to settle');

    const [row] = await rows(setup);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, conversation_id: `a:dev-${personId}` });
    expect((await reference(setup, personId))?.conversationId).toBe(`a:dev-${personId}`);
    expect(setup.connector.store.list({ conversationId: `a:dev-${personId}` })).toHaveLength(1);
    expect(setup.connector.store.size).toBe(1);
    // The send that met 404, one create, one send.
    expect(setup.connector.connector.stats().received).toBe(3);
  });

  it('fails as not_found when the re-created chat answers 404 too, and drops the stored reference', async () => {
    const { setup, people, start } = await setUp({ install: false });
    const personId = people[0]!;
    await createConversationReferenceRepository(setup.db).save(setup.tenantId, personId, {
      conversationId: 'a:gone',
      reference: { serviceUrl: setup.connector.url, conversation: { id: 'a:gone' } },
    });
    setup.connector.connector.failNext({ status: 404, operation: 'send', count: 5 });
    start();
    await waitFor(() => settled(setup), 15_000, 'the message to settle');

    const [row] = await rows(setup);
    expect(row).toMatchObject({ state: 'failed', attempts: 1, last_reason: 'not_found' });
    // Re-resolved once only: 404, create, 404.
    expect(setup.connector.connector.stats().received).toBe(3);
    expect(await reference(setup, personId)).toBeNull();
  });

  it('a stored chat gone because the app was removed: 404, create 403, install, send', async () => {
    const { setup, people, start } = await setUp({ install: true });
    const personId = people[0]!;
    await createConversationReferenceRepository(setup.db).save(setup.tenantId, personId, {
      conversationId: 'a:gone',
      reference: { serviceUrl: setup.connector.url, conversation: { id: 'a:gone' } },
    });
    setup.connector.connector.failNext({ status: 404, operation: 'send' });
    setup.connector.connector.failNext({ status: 403, operation: 'create' });
    start();
    await waitFor(() => settled(setup), 15_000, 'the message to settle');

    const chat = `19:${personId}_${CATALOG_APP_ID}@unq.gbl.spaces`;
    const [row] = await rows(setup);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, conversation_id: chat });
    expect((await reference(setup, personId))?.conversationId).toBe(chat);
    expect(setup.connector.store.list({ conversationId: chat })).toHaveLength(1);
    expect(setup.connector.store.size).toBe(1);
  });

  it('drops a stale reference when its chat is gone and the app cannot be installed (install off)', async () => {
    const { setup, people, start } = await setUp({ install: false });
    const personId = people[0]!;
    await createConversationReferenceRepository(setup.db).save(setup.tenantId, personId, {
      conversationId: 'a:gone',
      reference: { serviceUrl: setup.connector.url, conversation: { id: 'a:gone' } },
    });
    setup.connector.connector.failNext({ status: 404, operation: 'send' });
    setup.connector.connector.failNext({ status: 403, operation: 'create' });
    start();
    await waitFor(() => settled(setup), 15_000, 'the message to settle');
    const [row] = await rows(setup);
    expect(row).toMatchObject({ state: 'failed', last_reason: 'not_installed' });
    expect(await reference(setup, personId)).toBeNull();
  });
});
