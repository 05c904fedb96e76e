import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHistory } from '../../src/contracts';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { danish, english, otherDanish } from '../support/bot';
import { requestJoin } from '../support/sharing';

// The demo chat: the tab's panel → POST /api/messages (real HTTP) → bot → local connector → log.
describe('the demo chat with the bot', () => {
  let app: TestChorus;
  beforeAll(async () => {
    app = await startTestChorus();
  });
  afterAll(() => app.close());

  const history = async (token: string, after: number) => {
    const res = await app.api(`/api/dev/chat/messages?after=${after}`, { token });
    expect(res.status).toBe(200);
    return (await res.json()) as ChatHistory;
  };

  it('is announced to the tab', async () => {
    const config = (await (await app.api('/api/config')).json()) as { demoChat: boolean };
    expect(config.demoChat).toBe(true);
  });

  it('greets a person the first time they open it, once', async () => {
    const token = await signInAs(app, english.id);
    const [first, again] = await Promise.all([history(token, 0), history(token, 0)]);
    expect(first.messages).toHaveLength(1);
    expect(first.messages[0]).toMatchObject({ from: 'bot', text: '' });
    expect(first.messages[0]!.cardLines[0]).toBe(`Hi ${english.displayName.split(' ')[0]}!`);
    expect(again.messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
    expect((await history(token, 0)).messages).toHaveLength(1);
  });

  it('sends messages to the bot and shows its answers after the last seen id', async () => {
    const token = await signInAs(app, otherDanish.id);
    const opened = await history(token, 0);
    const lastSeen = opened.messages.at(-1)!.id;
    const send = await app.api('/api/dev/chat/messages', { method: 'POST', token, json: { text: 'hjælp' } });
    expect(send.status).toBe(204);
    const { messages } = await history(token, lastSeen);
    expect(messages.map((m) => m.from)).toEqual(['user', 'bot']);
    expect(messages[0]!.text).toBe('hjælp');
    expect(messages[1]!.cardLines[0]).toBe('Det kan jeg hjælpe med');
    expect(messages[1]!.cardLines.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.id > lastSeen && !Number.isNaN(Date.parse(m.createdAt)))).toBe(true);

    await app.api('/api/dev/chat/messages', { method: 'POST', token, json: { text: 'hvad så?' } });
    const latest = (await history(token, messages[1]!.id)).messages;
    expect(latest.at(-1)).toMatchObject({
      from: 'bot',
      text: 'Det forstod jeg ikke helt. Skriv “hjælp” for at se, hvad jeg kan.',
    });
  });

  it('shows the welcome after joining from the tab, through the local connector', async () => {
    const token = await signInAs(app, danish.id);
    const join = await requestJoin(app, token);
    expect(join.status).toBe(201);
    await app.worker.drain();
    // The bot created the chat to send the welcome, so opening it now installs nothing more.
    const { messages } = await history(token, 0);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.cardLines[0]).toBe(`Velkommen som ambassadør, ${danish.displayName.split(' ')[0]}!`);
  });

  it('hands the tab each card to draw, and sends a pressed button to the bot as Teams does', async () => {
    const token = await signInAs(app, english.id);
    const opened = (await history(token, 0)).messages;
    const greeting = opened.find((m) => m.card !== null)!;
    expect(greeting.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const lastSeen = opened.at(-1)!.id;

    const press = await app.api('/api/dev/chat/messages', {
      method: 'POST',
      token,
      json: { card: { kind: 'submit', verb: null, data: { chorus: 'no-such-card' }, title: 'Go' } },
    });
    expect(press.status).toBe(204);
    const { messages } = await history(token, lastSeen);
    // The person's side shows the button's title; the bot got a message with a value and answered.
    expect(messages[0]).toMatchObject({ from: 'user', text: 'Go', card: null });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.at(-1)!.from).toBe('bot');
  });

  it('refuses a message and a card answer together, or neither, naming the problem', async () => {
    const token = await signInAs(app, english.id);
    for (const json of [{ text: 'hi', card: { kind: 'submit', verb: null, data: {}, title: 'x' } }, {}]) {
      const res = await app.api('/api/dev/chat/messages', { method: 'POST', token, json });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { problems: { message: string }[] } };
      expect(body.error.problems.map((p) => p.message)).toContain('send either a message or a card answer');
    }
    const tooBig = await app.api('/api/dev/chat/messages', {
      method: 'POST',
      token,
      json: { card: { kind: 'submit', verb: null, data: { a: 'x'.repeat(9000) }, title: 'x' } },
    });
    expect(tooBig.status).toBe(400);
  });

  it('keeps each person to their own chat', async () => {
    const token = await signInAs(app, english.id);
    const texts = (await history(token, 0)).messages.flatMap((m) => [m.text, ...m.cardLines]);
    expect(texts.join('\n')).not.toMatch(/hjælp/);
  });

  it('checks input and sign-in', async () => {
    const token = await signInAs(app, english.id);
    const empty = await app.api('/api/dev/chat/messages', { method: 'POST', token, json: { text: '   ' } });
    expect(empty.status).toBe(400);
    const body = (await empty.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems).toEqual([{ field: 'body.text', message: 'write a message first' }]);
    expect((await app.api('/api/dev/chat/messages?after=-1', { token })).status).toBe(400);
    expect((await app.api('/api/dev/chat/messages?after=0')).status).toBe(401);
    expect((await app.api('/api/dev/chat/messages', { method: 'POST', json: { text: 'hi' } })).status).toBe(
      401,
    );
  });
});

describe('the demo chat when the bot has real credentials', () => {
  let app: TestChorus;
  beforeAll(async () => {
    app = await startTestChorus({
      BOT_ID: 'b0b0b0b0-0000-4000-8000-000000000001',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: 'c0c0c0c0-0000-4000-8000-000000000001',
    });
  });
  afterAll(() => app.close());

  it('does not exist: Teams is the chat then', async () => {
    const config = (await (await app.api('/api/config')).json()) as { demoChat: boolean };
    expect(config.demoChat).toBe(false);
    const token = await signInAs(app, english.id);
    expect((await app.api('/api/dev/chat/messages?after=0', { token })).status).toBe(404);
    expect(
      (
        await app.api('/_dev/connector/v3/conversations', {
          method: 'POST',
          json: { members: [{ id: 'x' }] },
        })
      ).status,
    ).toBe(404);
  });
});
