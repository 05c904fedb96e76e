import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, createConnectorClient, isConnectorError } from '../../bot/connector-client';
import { classifyResponse } from '../../src/domain/outbox';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

type Responder = (req: Received, res: ServerResponse) => void;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

const received: Received[] = [];
let respond: Responder;
let serviceUrl: string;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const entry: Received = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: JSON.parse(text) as unknown,
    };
    received.push(entry);
    respond(entry, res);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Teams' own service URLs carry a path and a trailing slash.
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/teams/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  respond = (_req, res) => json(res, 200, { id: 'activity-1' });
});

/** The error a call rejects with. */
async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (err) {
    if (isConnectorError(err)) return err;
    throw err;
  }
  throw new Error('expected a ConnectorError');
}

describe('connector client', () => {
  it('creates a conversation with a bearer token and returns its id', async () => {
    respond = (_req, res) => json(res, 201, { id: 'a:new-chat', activityId: 'x' });
    const client = createConnectorClient({ getToken: async () => 'token-1', timeoutMs: 2000 });
    const params = {
      isGroup: false,
      bot: { id: '28:bot', name: 'Chorus' },
      members: [{ id: 'person-1', name: '' }],
      tenantId: 'tenant-1',
      channelData: { tenant: { id: 'tenant-1' } },
    };
    await expect(
      client.createConversation(serviceUrl, params, { idempotencyKey: 'create:1' }),
    ).resolves.toEqual({
      id: 'a:new-chat',
    });
    const [request] = received;
    expect(request).toMatchObject({ method: 'POST', url: '/teams/v3/conversations', body: params });
    expect(request!.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'content-type': 'application/json',
      'x-chorus-idempotency-key': 'create:1',
    });
  });

  it('posts an activity to the encoded conversation id, with or without a trailing slash', async () => {
    const client = createConnectorClient({ timeoutMs: 2000 });
    const activity = { type: 'message', text: 'Hello' };
    const conversationId = '19:abc@thread.tacv2;messageid=1';
    for (const url of [serviceUrl, serviceUrl.slice(0, -1)]) {
      await expect(
        client.sendActivity(url, conversationId, activity, { idempotencyKey: 'msg:42' }),
      ).resolves.toEqual({ id: 'activity-1' });
    }
    expect(received.map((r) => r.url)).toEqual([
      '/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities',
      '/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities',
    ]);
    expect(received[0]!.body).toEqual(activity);
    expect(received[0]!.headers['x-chorus-idempotency-key']).toBe('msg:42');
    // No token provider (the demo) and a provider answering null both mean no Authorization header.
    expect(received[0]!.headers.authorization).toBeUndefined();
    const anonymous = createConnectorClient({ getToken: async () => null, timeoutMs: 2000 });
    await anonymous.sendActivity(serviceUrl, 'a:1', activity, { idempotencyKey: 'msg:43' });
    expect(received[2]!.headers.authorization).toBeUndefined();
  });

  it('posts a reply under the activity it answers', async () => {
    const client = createConnectorClient({ timeoutMs: 2000 });
    await client.sendActivity(
      serviceUrl,
      'a:1',
      { type: 'message' },
      { idempotencyKey: 'k', replyToId: 'r/1' },
    );
    expect(received[0]!.url).toBe('/teams/v3/conversations/a%3A1/activities/r%2F1');
  });

  it('resolves a 2xx without an id: the message was accepted', async () => {
    respond = (_req, res) => res.writeHead(202).end();
    const client = createConnectorClient({ timeoutMs: 2000 });
    await expect(
      client.sendActivity(serviceUrl, 'a:1', { type: 'message' }, { idempotencyKey: 'k' }),
    ).resolves.toEqual({ id: null });
  });

  it('turns a 429 into one ConnectorError with Retry-After, without retrying', async () => {
    respond = (_req, res) =>
      json(res, 429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'Retry-After': '2' });
    const client = createConnectorClient({ timeoutMs: 2000 });
    const err = await failure(
      client.sendActivity(serviceUrl, 'a:1', { type: 'message' }, { idempotencyKey: 'k' }),
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ status: 429, retryAfterMs: 2000, code: 'TooManyRequests' });
    expect(received).toHaveLength(1);
    expect(classifyResponse(err.status, err.retryAfterMs, err.code, err.subCode)).toEqual({
      kind: 'retry',
      retryAfterMs: 2000,
      throttled: true,
      reason: 'throttled',
    });
  });

  it('reads Retry-After as an HTTP date against its clock', async () => {
    const now = Date.UTC(2026, 0, 5, 9, 0, 0);
    respond = (_req, res) => json(res, 503, {}, { 'Retry-After': new Date(now + 7000).toUTCString() });
    const client = createConnectorClient({ timeoutMs: 2000, now: () => now });
    const err = await failure(
      client.sendActivity(serviceUrl, 'a:1', { type: 'message' }, { idempotencyKey: 'k' }),
    );
    expect(err).toMatchObject({ status: 503, retryAfterMs: 7000, code: null });
  });

  it('reports a blocked bot (403 MessageWritesBlocked) as a permanent failure', async () => {
    respond = (_req, res) =>
      json(res, 403, { error: { code: 'MessageWritesBlocked', message: 'The bot is blocked.' } });
    const client = createConnectorClient({ timeoutMs: 2000 });
    const err = await failure(
      client.sendActivity(serviceUrl, 'a:1', { type: 'message' }, { idempotencyKey: 'k' }),
    );
    expect(err).toMatchObject({ status: 403, retryAfterMs: null, code: 'MessageWritesBlocked' });
    expect(err.message).toContain('403');
    expect(classifyResponse(err.status, err.retryAfterMs, err.code, err.subCode)).toEqual({
      kind: 'failed',
      reason: 'blocked',
    });
  });

  it('keeps a subCode and survives a body that is not JSON', async () => {
    respond = (_req, res) =>
      json(res, 403, { error: { code: 'Forbidden', subCode: 'MessageWritesBlocked' } });
    const client = createConnectorClient({ timeoutMs: 2000 });
    const blocked = await failure(client.sendActivity(serviceUrl, 'a:1', {}, { idempotencyKey: 'k' }));
    expect(blocked).toMatchObject({ code: 'Forbidden', subCode: 'MessageWritesBlocked' });

    respond = (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    const gateway = await failure(client.sendActivity(serviceUrl, 'a:1', {}, { idempotencyKey: 'k' }));
    expect(gateway).toMatchObject({ status: 502, code: null, subCode: null, retryAfterMs: null });
  });

  it('treats a created conversation without an id as a bad answer worth retrying', async () => {
    respond = (_req, res) => json(res, 200, {});
    const client = createConnectorClient({ timeoutMs: 2000 });
    const err = await failure(client.createConversation(serviceUrl, { isGroup: false }));
    expect(err).toMatchObject({ status: 502, code: 'InvalidResponse' });
    expect(received[0]!.headers['x-chorus-idempotency-key']).toBeUndefined();
  });

  it('times out with status 0, and gives up within its budget', async () => {
    respond = () => {
      // Never answers.
    };
    const client = createConnectorClient({ timeoutMs: 200 });
    const started = Date.now();
    const err = await failure(client.sendActivity(serviceUrl, 'a:1', {}, { idempotencyKey: 'k' }));
    expect(err).toMatchObject({ status: 0, code: 'Timeout', retryAfterMs: null });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(classifyResponse(err.status, err.retryAfterMs, err.code)).toMatchObject({
      kind: 'retry',
      reason: 'network',
    });
  });

  it('times out while the body is still arriving', async () => {
    respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    };
    const client = createConnectorClient({ timeoutMs: 200 });
    const err = await failure(client.sendActivity(serviceUrl, 'a:1', {}, { idempotencyKey: 'k' }));
    expect(err).toMatchObject({ status: 0, code: 'Timeout' });
  });

  it('reports an unreachable service and a failing token provider with status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createConnectorClient({ timeoutMs: 2000 });
    const unreachable = await failure(client.sendActivity(deadUrl, 'a:1', {}, { idempotencyKey: 'k' }));
    expect(unreachable).toMatchObject({ status: 0, code: 'NetworkError' });

    const tokenless = createConnectorClient({
      timeoutMs: 2000,
      getToken: () => Promise.reject(new Error('AADSTS7000215: invalid client secret')),
    });
    const noToken = await failure(tokenless.sendActivity(serviceUrl, 'a:1', {}, { idempotencyKey: 'k' }));
    expect(noToken).toMatchObject({ status: 0, code: 'TokenError' });
    expect(received).toHaveLength(0);
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return new Response(JSON.stringify({ id: 'from-fake' }), { status: 200 });
    };
    const client = createConnectorClient({ fetch: fakeFetch, timeoutMs: 2000 });
    await expect(
      client.sendActivity('https://smba.example/teams/', 'a:1', {}, { idempotencyKey: 'k' }),
    ).resolves.toEqual({
      id: 'from-fake',
    });
    expect(calls).toEqual(['https://smba.example/teams/v3/conversations/a%3A1/activities']);
  });
});
