import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Person } from '../../src/domain/person';
import { conversationReferences } from '../../src/db/schema';
import { startBotConnector, cardTexts, type BotConnector } from '../fakes/bot-connector';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { chatOf, english, installActivity, otherDanish, postActivity } from '../support/bot';

async function join(app: TestChorus, person: Person) {
  const token = await signInAs(app, person.id);
  const program = (await (await app.api('/api/program', { token })).json()) as {
    guidelines: { version: number };
  };
  const res = await app.api('/api/membership', {
    method: 'POST',
    token,
    json: { guidelinesVersion: program.guidelines.version, networks: ['linkedin'] },
  });
  expect(res.status).toBe(201);
  return token;
}

describe('joining from the tab sends the welcome from the bot', () => {
  let app: TestChorus;
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector();
    // BOT_SERVICE_URL: where the bot creates chats with people it has not talked with yet.
    app = await startTestChorus({ BOT_SERVICE_URL: connector.serviceUrl });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  it('in the chat the person installed the bot in, in their language', async () => {
    expect((await postActivity(app, installActivity(app, connector.serviceUrl, english))).status).toBe(200);
    await join(app, english);
    expect(connector.sent.filter((s) => s.conversationId === chatOf(english))).toHaveLength(1);
    await app.worker.drain();
    const sent = connector.sent.filter((s) => s.conversationId === chatOf(english));
    expect(sent).toHaveLength(2);
    expect(cardTexts(sent[1]!.activity)[0]).toBe(
      `Welcome aboard as an ambassador, ${english.displayName.split(' ')[0]}!`,
    );
    expect(connector.created).toHaveLength(0);
  });

  it('creates the 1:1 chat first when the bot never talked with the person, and keeps it', async () => {
    await join(app, otherDanish);
    await app.worker.drain();
    expect(connector.created).toHaveLength(1);
    const created = connector.created[0]!;
    expect(created.parameters).toMatchObject({
      isGroup: false,
      members: [{ id: otherDanish.id }],
      tenantId: app.tenantId,
      channelData: { tenant: { id: app.tenantId } },
    });
    const welcome = connector.sent.find((s) => s.conversationId === created.id);
    expect(cardTexts(welcome!.activity)[0]).toBe(
      `Velkommen som ambassadør, ${otherDanish.displayName.split(' ')[0]}!`,
    );
    const [ref] = await app.database.db
      .select()
      .from(conversationReferences)
      .where(
        and(
          eq(conversationReferences.tenantId, app.tenantId),
          eq(conversationReferences.personId, otherDanish.id),
        ),
      );
    expect(ref).toMatchObject({ tenantId: app.tenantId, conversationId: created.id });
  });
});
