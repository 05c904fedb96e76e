import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotConnector, type BotConnector } from '../fakes/bot-connector';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { english, messageActivity, postActivity } from '../support/bot';

describe('the bot endpoint with bot credentials', () => {
  let app: TestChorus;
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector();
    app = await startTestChorus({
      BOT_ID: 'b0b0b0b0-0000-4000-8000-000000000001',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: 'c0c0c0c0-0000-4000-8000-000000000001',
    });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  it('refuses an activity without a Bot Framework token, and the bot does not answer', async () => {
    const res = await postActivity(app, messageActivity(app, connector.serviceUrl, english, 'help'));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; correlationId: string } };
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.correlationId).toBeTruthy();
    expect(connector.paths).toEqual([]);
  });

  it('still refuses a malformed body with 400 before anything else', async () => {
    const res = await postActivity(app, { hello: 'world' });
    expect(res.status).toBe(400);
  });
});
