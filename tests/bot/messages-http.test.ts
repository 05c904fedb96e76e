import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversationReferenceRepository } from '../../src/db/conversation-references';
import { startBotConnector, cardTexts, type BotConnector } from '../fakes/bot-connector';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { chatOf, danish, english, installActivity, messageActivity, postActivity } from '../support/bot';

describe('POST /api/messages with Teams-shaped activities', () => {
  let app: TestChorus;
  let connector: BotConnector;
  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestChorus(), startBotConnector()]);
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  const sentTo = (personId: string) =>
    connector.sent.filter((s) => s.conversationId === `a:chat-${personId}`);

  it('greets on install in the language from the directory, as a reply, and stores the reference', async () => {
    const install = installActivity(app, connector.serviceUrl, danish);
    const res = await postActivity(app, install);
    expect(res.status).toBe(200);
    const replies = sentTo(danish.id);
    expect(replies).toHaveLength(1);
    const greeting = replies[0]!;
    expect(greeting.replyToId).toBe(install['id']);
    // The activity said en-US, but the directory says Danish, and the directory wins.
    expect(cardTexts(greeting.activity)[0]).toBe(`Hej ${danish.displayName.split(' ')[0]}!`);
    expect(greeting.activity.attachments?.[0]?.content).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
    });

    const stored = await createConversationReferenceRepository(app.database.db).get(app.tenantId, danish.id);
    expect(stored?.conversationId).toBe(chatOf(danish));
    expect(stored?.reference).toMatchObject({ serviceUrl: connector.serviceUrl, bot: { id: '28:test-bot' } });
    expect(stored?.reference['activityId']).toBeUndefined();
  });

  it('answers "help" with the help card, in Danish and in English', async () => {
    const da = messageActivity(app, connector.serviceUrl, danish, 'hjælp');
    expect((await postActivity(app, da)).status).toBe(200);
    const daReply = sentTo(danish.id).find((s) => s.replyToId === da['id']);
    expect(cardTexts(daReply!.activity)[0]).toBe('Det kan jeg hjælpe med');

    expect((await postActivity(app, installActivity(app, connector.serviceUrl, english))).status).toBe(200);
    const en = messageActivity(app, connector.serviceUrl, english, 'help');
    expect((await postActivity(app, en)).status).toBe(200);
    const enReply = sentTo(english.id).find((s) => s.replyToId === en['id']);
    expect(cardTexts(enReply!.activity)[0]).toBe('What I can help with');
    expect(cardTexts(sentTo(english.id)[0]!.activity)[0]).toBe(`Hi ${english.displayName.split(' ')[0]}!`);
  });

  it('points unknown input to help', async () => {
    const msg = messageActivity(app, connector.serviceUrl, english, 'what is the weather?');
    expect((await postActivity(app, msg)).status).toBe(200);
    const reply = sentTo(english.id).find((s) => s.replyToId === msg['id']);
    expect(reply?.activity.text).toBe("I didn't quite get that. Write “help” to see what I can do.");
  });

  it('does not greet twice when Teams also sends installationUpdate', async () => {
    const before = sentTo(danish.id).length;
    const update = {
      ...installActivity(app, connector.serviceUrl, danish),
      type: 'installationUpdate',
      action: 'add',
    };
    delete (update as Record<string, unknown>)['membersAdded'];
    expect((await postActivity(app, update)).status).toBe(200);
    expect(sentTo(danish.id)).toHaveLength(before);
  });

  it('refuses a malformed activity with a clear 400 and no stack trace', async () => {
    const cases: unknown[] = [
      {},
      [1, 2],
      { type: 'message' },
      { ...messageActivity(app, connector.serviceUrl, danish, 'x'), from: {} },
    ];
    for (const body of cases) {
      const res = await postActivity(app, body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as {
        error: { code: string; message: string; problems: { field: string }[] };
      };
      expect(json.error.code).toBe('VALIDATION_FAILED');
      expect(json.error.message).toBe('the request body is not a Bot Framework activity');
      expect(json.error.problems.length).toBeGreaterThan(0);
      expect(JSON.stringify(json)).not.toMatch(/\.(ts|js):\d+/);
    }
    const notJson = await app.api('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(
      /not valid JSON/,
    );
  });

  it('without bot credentials, only answers a Bot Connector on this machine', async () => {
    const res = await postActivity(
      app,
      messageActivity(app, 'https://smba.trafficmanager.net/emea/', danish, 'help'),
    );
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { problems: { field: string }[] } };
    expect(json.error.problems[0]?.field).toBe('body.serviceUrl');
  });
});
