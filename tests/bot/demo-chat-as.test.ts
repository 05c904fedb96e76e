import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { startBotConnector, cardTexts, type BotConnector } from '../fakes/bot-connector';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { danish, english, messageActivity, postActivity } from '../support/bot';

// DEMO_CHAT_AS: Microsoft 365 Agents Playground's test user is in no directory; in the demo its
// messages act as the named demo person, so a whole onboarding can be held from the playground.
describe('DEMO_CHAT_AS, for Agents Playground in the demo', () => {
  let app: TestChorus;
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector();
    app = await startTestChorus({ DEMO_CHAT_AS: english.userPrincipalName!.toUpperCase() });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  const playgroundUser = {
    ...english,
    id: '00000000-0000-0000-0000-0000000000020',
    displayName: 'Alex Wilber',
  };
  const firstName = (name: string) => name.split(' ')[0]!;

  it('lets a sender outside the directory act as the named demo person', async () => {
    const msg = messageActivity(app, connector.serviceUrl, playgroundUser, 'onboarding');
    expect((await postActivity(app, msg)).status).toBe(200);
    const [reply] = connector.sent.filter((s) => s.replyToId === msg['id']);
    expect(cardTexts(reply!.activity).join('\n')).toContain(firstName(english.displayName));
  });

  it('leaves people in the directory as themselves', async () => {
    const msg = messageActivity(app, connector.serviceUrl, danish, 'onboarding');
    expect((await postActivity(app, msg)).status).toBe(200);
    const [reply] = connector.sent.filter((s) => s.replyToId === msg['id']);
    const texts = cardTexts(reply!.activity).join('\n');
    expect(texts).toContain(firstName(danish.displayName));
    expect(texts).not.toContain(firstName(english.displayName));
  });

  it('is refused outside the demo directory, naming the setting', () => {
    expect(() =>
      loadConfig(
        {
          DEMO_CHAT_AS: 'someone@example.com',
          DIRECTORY: 'graph',
          AAD_TENANT_ID: '00000000-0000-0000-0000-000000000001',
          AAD_CLIENT_ID: '00000000-0000-0000-0000-000000000002',
          AAD_CLIENT_SECRET: 's',
        },
        '/tmp',
      ),
    ).toThrow(/DEMO_CHAT_AS: only for the demo directory/);
    expect(() => loadConfig({ DEMO_CHAT_AS: 'not an email' }, '/tmp')).toThrow(/DEMO_CHAT_AS/);
  });
});
