import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { botState, conversationReferences } from '../../src/db/schema';
import { startBotConnector, cardTexts, type BotConnector } from '../fakes/bot-connector';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { chatOf, danish, installActivity, messageActivity, postActivity } from '../support/bot';
import { requestJoin } from '../support/sharing';

// Same tenant, same data folder, a new process in between: nothing the bot knows is in memory.
describe('the bot after a restart', () => {
  let dataDir: string;
  let connector: BotConnector;
  const tenantId = randomUUID();
  const start = () => startTestChorus({}, { database: { kind: 'pglite', dataDir }, demoTenantId: tenantId });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-bot-restart-'));
    connector = await startBotConnector();
  });
  afterAll(async () => {
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps conversation state and the conversation reference', async () => {
    let app: TestChorus = await start();
    try {
      expect((await postActivity(app, installActivity(app, connector.serviceUrl, danish))).status).toBe(200);
      expect(connector.sent.filter((s) => s.conversationId === chatOf(danish))).toHaveLength(1);
    } finally {
      await app.close();
    }

    app = await start();
    try {
      // State survived: a second install event (Teams sends two) does not greet again.
      expect((await postActivity(app, installActivity(app, connector.serviceUrl, danish))).status).toBe(200);
      expect(connector.sent.filter((s) => s.conversationId === chatOf(danish))).toHaveLength(1);
      const rows = await app.database.db.select().from(botState).where(eq(botState.tenantId, tenantId));
      expect(
        rows.find((r) => r.key === `msteams/28:test-bot/conversations/${chatOf(danish)}`)?.value,
      ).toEqual({ greeted: true });

      // The reference survived: the welcome goes to the existing chat, no new conversation is created.
      const token = await signInAs(app, danish.id);
      const join = await requestJoin(app, token);
      expect(join.status).toBe(201);
      await app.worker.drain();
      const welcome = await connector.waitFor(
        (s) =>
          s.conversationId === chatOf(danish) && cardTexts(s.activity)[0]?.startsWith('Velkommen') === true,
      );
      expect(cardTexts(welcome.activity)[0]).toBe(
        `Velkommen som ambassadør, ${danish.displayName.split(' ')[0]}!`,
      );
      expect(connector.created).toHaveLength(0);

      // And the chat goes on as before.
      const help = messageActivity(app, connector.serviceUrl, danish, 'help');
      expect((await postActivity(app, help)).status).toBe(200);
      expect(cardTexts(connector.sent.find((s) => s.replyToId === help['id'])!.activity)[0]).toBe(
        'Det kan jeg hjælpe med',
      );
      const refs = await app.database.db
        .select()
        .from(conversationReferences)
        .where(eq(conversationReferences.tenantId, tenantId));
      expect(refs.map((r) => r.personId)).toEqual([danish.id]);
    } finally {
      await app.close();
    }
  });
});
