import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLocalConnector,
  createMemoryConnectorStore,
  IDEMPOTENCY_HEADER,
  TENANT_HEADER,
} from '../../src/demo/local-connector';
import {
  createConversation,
  manualClock,
  sendActivity,
  startTestConnector,
  type TestConnector,
  type TestConnectorOptions,
} from '../support/local-connector';

// The local Bot Connector through real HTTP (fetch → node:http → core), as the outbox will use it.
describe('the local Bot Connector', () => {
  const running: TestConnector[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.close()));
  });
  const start = async (options: TestConnectorOptions = {}) => {
    const connector = await startTestConnector(options);
    running.push(connector);
    return connector;
  };
  const tenant = () => `t-${randomUUID()}`;
  const message = (text: string) => ({ type: 'message', text, from: { id: '28:chorus-test-bot' } });

  it('creates a 1:1 chat with a deterministic id and stores what the bot sends there', async () => {
    const { url, store, connector } = await start();
    const tenantId = tenant();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const created = await createConversation(url, tenantId, 'person-1');
    expect(created).toMatchObject({ status: 201, body: { id: 'a:dev-person-1' } });
    // Teams' own prefixes are the same person.
    const again = await createConversation(url, tenantId, '29:person-1');
    expect(again).toMatchObject({ status: 200, body: { id: 'a:dev-person-1' } });

    const sent = await sendActivity(url, 'a:dev-person-1', message('Hello'), { tenantId });
    expect(sent.status).toBe(201);
    expect(sent.body.id).toEqual(expect.any(String));
    const reply = await sendActivity(url, 'a:dev-person-1', message('Again'), { tenantId });
    expect(reply.body.id).not.toBe(sent.body.id);

    const stored = store.list({ tenantId, conversationId: 'a:dev-person-1' });
    expect(stored.map((s) => [s.id, s.activity['text']])).toEqual([
      [sent.body.id, 'Hello'],
      [reply.body.id, 'Again'],
    ]);
    expect(connector.stats()).toMatchObject({ received: 4, created: 1, stored: 2, deduped: 0, throttled: 0 });
  });

  it('stores replies to an activity with their replyToId', async () => {
    const { url, store } = await start();
    const tenantId = tenant();
    const res = await fetch(`${url}v3/conversations/${encodeURIComponent('a:dev-p')}/activities/act-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TENANT_HEADER]: tenantId },
      body: JSON.stringify(message('reply')),
    });
    expect(res.status).toBe(201);
    expect(store.list({ tenantId })[0]!.activity).toMatchObject({ text: 'reply', replyToId: 'act-1' });
  });

  it('answers 429 with Retry-After beyond the default 50 requests per tenant in a burst', async () => {
    const clock = manualClock();
    const { url, connector } = await start({ clock });
    const tenantId = tenant();
    const answers = [];
    for (let i = 0; i < 51; i++) answers.push(await createConversation(url, tenantId, `p${i}`));
    expect(answers.slice(0, 50).every((a) => a.status === 201)).toBe(true);
    expect(answers[50]).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: { error: { code: 'TooManyRequests', message: expect.stringMatching(/tenant/) as string } },
    });
    // Another tenant has its own bucket.
    expect((await createConversation(url, tenant(), 'p0')).status).toBe(201);
    expect(connector.stats()).toMatchObject({ created: 51, throttled: 1 });
  });

  it('refills the tenant bucket over time; creating a chat counts against it', async () => {
    const clock = manualClock();
    const { url, connector } = await start({ clock, limits: { tenantRps: 5 } });
    const tenantId = tenant();
    expect((await createConversation(url, tenantId, 'p')).status).toBe(201);
    for (let i = 0; i < 4; i++)
      expect((await sendActivity(url, 'a:dev-p', message(`m${i}`), { tenantId })).status).toBe(201);

    // No tenant on the activity: the chat's tenant is charged.
    const over = await sendActivity(url, 'a:dev-p', message('over'));
    expect(over).toMatchObject({ status: 429, retryAfter: '1' });

    clock.advance(199);
    expect((await sendActivity(url, 'a:dev-p', message('still over'), { tenantId })).status).toBe(429);
    clock.advance(1);
    expect((await sendActivity(url, 'a:dev-p', message('one token'), { tenantId })).status).toBe(201);
    expect((await sendActivity(url, 'a:dev-p', message('none left'), { tenantId })).status).toBe(429);

    const stats = connector.stats();
    expect(stats).toMatchObject({ stored: 5, throttled: 3 });
    expect(stats.perConversation['a:dev-p']).toMatchObject({
      tenantId,
      received: 9,
      stored: 5,
      throttled: 3,
    });
  });

  it('rounds Retry-After up to whole seconds', async () => {
    const clock = manualClock();
    const { url } = await start({ clock, limits: { tenantRps: 0.4, tenantBurst: 1 } });
    const tenantId = tenant();
    expect((await createConversation(url, tenantId, 'p')).status).toBe(201);
    expect(await createConversation(url, tenantId, 'p')).toMatchObject({ status: 429, retryAfter: '3' });
    clock.advance(2_400);
    expect(await createConversation(url, tenantId, 'p')).toMatchObject({ status: 429, retryAfter: '1' });
    clock.advance(100);
    expect((await createConversation(url, tenantId, 'p')).status).toBe(200);
  });

  it('holds one conversation to 7 in 1 s and 8 in 2 s, leaving other conversations alone', async () => {
    const clock = manualClock();
    const { url, connector } = await start({ clock, limits: { tenantRps: 1000 } });
    const tenantId = tenant();
    const send = (conversationId: string, text: string) =>
      sendActivity(url, conversationId, message(text), { tenantId });

    for (let i = 0; i < 7; i++) expect((await send('a:dev-busy', `m${i}`)).status).toBe(201);
    const eighth = await send('a:dev-busy', 'm7');
    expect(eighth).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: {
        error: { code: 'TooManyRequests', message: expect.stringMatching(/7 requests in 1 s/) as string },
      },
    });
    expect((await send('a:dev-quiet', 'hello')).status).toBe(201);

    clock.advance(1_000);
    expect((await send('a:dev-busy', 'm7')).status).toBe(201);
    const ninth = await send('a:dev-busy', 'm8');
    expect(ninth).toMatchObject({ status: 429, retryAfter: '1' });
    expect(ninth.body.error?.message).toMatch(/8 requests in 2 s/);
    clock.advance(1_000);
    expect((await send('a:dev-busy', 'm8')).status).toBe(201);

    const busy = connector.stats().perConversation['a:dev-busy']!;
    expect(busy).toMatchObject({ stored: 9, throttled: 2 });
    const t0 = clock.now().getTime() - 2_000;
    expect(busy.storedAt).toEqual([...Array<number>(7).fill(t0), t0 + 1_000, t0 + 2_000]);
  });

  it('takes configured conversation windows, and counts creating apart from sending', async () => {
    const clock = manualClock();
    const { url } = await start({
      clock,
      limits: { tenantRps: 1000, conversationWindows: [{ limit: 2, windowMs: 10_000 }] },
    });
    const tenantId = tenant();
    for (let i = 0; i < 2; i++)
      expect((await createConversation(url, tenantId, 'p')).status).toBeLessThan(300);
    expect(await createConversation(url, tenantId, 'p')).toMatchObject({ status: 429, retryAfter: '10' });
    for (let i = 0; i < 2; i++)
      expect((await sendActivity(url, 'a:dev-p', message(`m${i}`), { tenantId })).status).toBe(201);
    clock.advance(4_500);
    expect(await sendActivity(url, 'a:dev-p', message('m2'), { tenantId })).toMatchObject({
      status: 429,
      retryAfter: '6',
    });
  });

  it('answers a repeated idempotency key with the first id and stores it once', async () => {
    const { url, store, connector } = await start();
    const tenantId = tenant();
    const key = randomUUID();
    const first = await sendActivity(url, 'a:dev-p', message('once'), { tenantId, idempotencyKey: key });
    const again = await sendActivity(url, 'a:dev-p', message('once'), { tenantId, idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });

    // Repeats racing each other still store once.
    const raced = randomUUID();
    const both = await Promise.all(
      [1, 2, 3].map(() =>
        sendActivity(url, 'a:dev-p', message('raced'), { tenantId, idempotencyKey: raced }),
      ),
    );
    expect(new Set(both.map((b) => b.body.id)).size).toBe(1);
    expect(both.map((b) => b.status).sort()).toEqual([200, 200, 201]);

    // The key is scoped to its conversation.
    const elsewhere = await sendActivity(url, 'a:dev-q', message('once'), { tenantId, idempotencyKey: key });
    expect(elsewhere.status).toBe(201);

    expect(store.list({ tenantId }).map((s) => s.activity['text'])).toEqual(['once', 'raced', 'once']);
    expect(connector.stats()).toMatchObject({ stored: 3, deduped: 3 });
    expect(connector.stats().perConversation['a:dev-p']).toMatchObject({ stored: 2, deduped: 3 });
  });

  it("dedupes through the store's record when the connector itself restarts", async () => {
    const store = createMemoryConnectorStore();
    const tenantId = tenant();
    const before = await start({ store });
    const first = await sendActivity(before.url, 'a:dev-p', message('hi'), {
      tenantId,
      idempotencyKey: 'k-1',
    });
    await before.close();

    const after = await start({ store });
    const again = await sendActivity(after.url, 'a:dev-p', message('hi'), {
      tenantId,
      idempotencyKey: 'k-1',
    });
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });
    expect(store.size).toBe(1);
    expect(after.connector.stats()).toMatchObject({ stored: 0, deduped: 1 });
  });

  it('fails the next requests on demand, storing nothing for them', async () => {
    const { url, store, connector } = await start();
    const tenantId = tenant();
    connector.failNext({ status: 503, retryAfterSec: 2, count: 2 });
    for (let i = 0; i < 2; i++)
      expect(await sendActivity(url, 'a:dev-p', message('try'), { tenantId })).toMatchObject({
        status: 503,
        retryAfter: '2',
        body: { error: { code: 'ServiceUnavailable' } },
      });
    expect((await sendActivity(url, 'a:dev-p', message('try'), { tenantId })).status).toBe(201);

    connector.failNext({
      status: 403,
      subCode: 'MessageWritesBlocked',
      message: 'blocked',
      operation: 'send',
    });
    // A create is not a send, so it passes.
    expect((await createConversation(url, tenantId, 'p')).status).toBe(201);
    expect(await sendActivity(url, 'a:dev-p', message('try'), { tenantId })).toMatchObject({
      status: 403,
      retryAfter: null,
      body: { error: { code: 'Forbidden', subCode: 'MessageWritesBlocked', message: 'blocked' } },
    });

    expect(store.list({ tenantId })).toHaveLength(1);
    expect(connector.stats()).toMatchObject({ injected: 3, stored: 1, throttled: 0 });
  });

  it('drops the answer after storing: the client sees a socket error, and a retry is deduped', async () => {
    const { url, store, connector } = await start();
    const tenantId = tenant();
    connector.dropResponse(1);
    const lost = sendActivity(url, 'a:dev-p', message('ambiguous'), { tenantId, idempotencyKey: 'k-drop' });
    await expect(lost).rejects.toThrow(TypeError);
    await lost.catch((error: Error) => expect(String(error.cause)).toMatch(/closed|socket|reset/i));
    expect(store.list({ tenantId }).map((s) => s.activity['text'])).toEqual(['ambiguous']);

    const retry = await sendActivity(url, 'a:dev-p', message('ambiguous'), {
      tenantId,
      idempotencyKey: 'k-drop',
    });
    expect(retry).toMatchObject({ status: 200, body: { id: store.list({ tenantId })[0]!.id } });
    expect(store.list({ tenantId })).toHaveLength(1);
    expect(connector.stats()).toMatchObject({ stored: 1, deduped: 1, dropped: 1 });
  });

  it('rejects bad JSON, bad shapes and unknown paths in plain words', async () => {
    const { url, connector } = await start();
    const raw = (path: string, body: string, method = 'POST') =>
      fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body }),
      });

    const bad = await raw('v3/conversations/a%3Adev-p/activities', '{"type":');
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { code: string; message: string } };
    expect(badBody.error.code).toBe('BadArgument');
    expect(badBody.error.message).toMatch(/^The body is not valid JSON: .+/);

    const empty = await raw('v3/conversations', '');
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/empty/);

    const noType = await raw('v3/conversations/a%3Adev-p/activities', JSON.stringify({ text: 'x' }));
    expect(noType.status).toBe(400);
    expect(((await noType.json()) as { error: { message: string } }).error.message).toMatch(
      /type is required/,
    );

    const group = await raw(
      'v3/conversations',
      JSON.stringify({ isGroup: true, members: [{ id: 'a' }], tenantId: 't' }),
    );
    expect(((await group.json()) as { error: { message: string } }).error.message).toMatch(/isGroup/);

    const noTenant = await raw('v3/conversations', JSON.stringify({ members: [{ id: 'a' }] }));
    expect(noTenant.status).toBe(400);

    const unknown = await raw('v3/elsewhere', '{}');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NotFound');
    const get = await raw('v3/conversations', '', 'GET');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');

    expect(connector.stats()).toMatchObject({ received: 7, rejected: 7, stored: 0 });
  });

  it('waits latencyMs before each request', async () => {
    const { url, connector } = await start({ latencyMs: 60 });
    const started = performance.now();
    expect((await createConversation(url, tenant(), 'p')).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    connector.latencyMs = 0;
  });

  it('keeps its record and counters after its server is closed', async () => {
    const connector = await startTestConnector();
    const tenantId = tenant();
    await sendActivity(connector.url, 'a:dev-p', message('kept'), { tenantId });
    await connector.close();
    await expect(fetch(`${connector.url}v3/conversations`, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(connector.store.size).toBe(1);
    expect(connector.connector.stats().stored).toBe(1);
  });
});

// The core without HTTP, as a Fastify route would call it.
describe('the local connector core', () => {
  it('answers under a base path, reads headers in any case, and marks dropped answers', async () => {
    const store = createMemoryConnectorStore();
    const core = createLocalConnector({ store, basePath: '/_dev/connector/', defaultTenantId: 'demo' });
    const create = await core.handle(
      'POST',
      '/_dev/connector/v3/conversations?x=1',
      {},
      { members: [{ id: 'p' }] },
    );
    expect(create).toMatchObject({ status: 201, body: { id: 'a:dev-p' }, drop: false });
    expect((await core.handle('POST', '/v3/conversations', {}, { members: [{ id: 'p' }] })).status).toBe(404);

    core.dropResponse(1);
    const dropped = await core.handle(
      'POST',
      '/_dev/connector/v3/conversations/a%3Adev-p/activities',
      { 'X-Chorus-Idempotency-Key': 'k' },
      { type: 'message', text: 'hi' },
    );
    expect(dropped).toMatchObject({ status: 201, drop: true });
    const again = await core.handle(
      'POST',
      '/_dev/connector/v3/conversations/a%3Adev-p/activities',
      { [IDEMPOTENCY_HEADER]: 'k' },
      { type: 'message', text: 'hi' },
    );
    expect(again).toMatchObject({ status: 200, body: dropped.body, drop: false });
    expect(store.list({ tenantId: 'demo' })).toHaveLength(1);

    core.reset();
    expect(core.stats()).toMatchObject({ received: 0, stored: 0 });
    expect(core.limits).toMatchObject({ tenantRps: 50, tenantBurst: 50 });
    expect(core.limits.conversationWindows.map((w) => [w.limit, w.windowMs])).toEqual([
      [7, 1_000],
      [8, 2_000],
      [60, 30_000],
      [1_800, 3_600_000],
    ]);
  });
});
