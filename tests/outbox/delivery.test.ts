import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHistory } from '../../src/contracts';
import { createOutboxStore } from '../../src/db/outbox-store';
import { botChannels, devChatActivities } from '../../src/db/schema';
import { devConversationId } from '../../src/demo/dev-chat';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { danish, english, postActivity, TEST_BOT } from '../support/bot';
import { seedCampaign } from './harness';

// End to end in the demo: the outbox sends through the same Bot Connector REST calls as in Teams, to
// the local connector on /_dev/connector/, which keeps one copy per idempotency key in
// dev_chat_activities; the dev chat shows what each person received. And the bot records the channels
// it is added to.

describe('outbox delivery in the demo', () => {
  let app: TestChorus;
  beforeAll(async () => {
    app = await startTestChorus();
  });
  afterAll(() => app.close());

  const cardLinesOf = (activity: Record<string, unknown>): string[] => {
    const out: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const n = node as Record<string, unknown>;
        if (n['type'] === 'TextBlock' && typeof n['text'] === 'string') out.push(n['text']);
        for (const key of ['body', 'items', 'content', 'attachments']) if (key in n) walk(n[key]);
      }
    };
    walk(activity['attachments']);
    return out;
  };

  const stored = (conversationId: string) =>
    app.database.db
      .select()
      .from(devChatActivities)
      .where(
        and(
          eq(devChatActivities.tenantId, app.tenantId),
          eq(devChatActivities.conversationId, conversationId),
        ),
      );

  it('seeds the two demo channels', async () => {
    const rows = await app.database.db
      .select()
      .from(botChannels)
      .where(eq(botChannels.tenantId, app.tenantId));
    expect(rows.map((r) => `${r.teamName} › ${r.channelName}`).sort()).toEqual([
      'IT › Nyheder',
      'Nordlys Energi › Generelt',
    ]);
    expect(rows.map((r) => r.conversationId)).toContain('19:dev-generelt@thread.tacv2');
  });

  it('announces in a channel and invites people in their language, once each', async () => {
    const campaignId = await seedCampaign(app.database.db, app.tenantId);
    const outbox = createOutboxStore(app.database.db);
    const channel = '19:dev-it-nyheder@thread.tacv2';
    const send = {
      id: randomUUID(),
      campaignId,
      kind: 'announcement' as const,
      idempotencyKey: randomUUID(),
      createdBy: null,
    };
    await outbox.enqueue(app.tenantId, send, [
      {
        idempotencyKey: `announce:${send.id}:${channel}`,
        transport: 'bot',
        recipientPersonId: null,
        conversationId: channel,
        serviceUrl: null,
        payload: { kind: 'campaignAnnouncement', campaignId },
      },
      {
        idempotencyKey: `invite:${randomUUID()}`,
        transport: 'bot',
        recipientPersonId: danish.id,
        conversationId: null,
        serviceUrl: null,
        payload: {
          kind: 'campaignInvitation',
          campaignId,
          invitationId: randomUUID(),
          nomination: {
            nominatorName: 'Mette Holm',
            relation: 'manager',
            note: 'Du er god til at fortælle.',
          },
        },
      },
      {
        idempotencyKey: `invite:${randomUUID()}`,
        transport: 'bot',
        recipientPersonId: english.id,
        conversationId: null,
        serviceUrl: null,
        payload: { kind: 'campaignInvitation', campaignId, invitationId: randomUUID(), nomination: null },
      },
    ]);
    await app.worker.drain();
    const progress = (await outbox.progress(app.tenantId, send.id))!;
    expect(progress.counts.sent).toBe(3);

    const [announcement] = await stored(channel);
    const channelLines = cardLinesOf(announcement!.activity);
    expect(channelLines).toContain('Bliv ambassadør');
    expect(channelLines).toContain('Fordi vi vil høres.');
    const attachment = (
      announcement!.activity['attachments'] as { content: { actions: { url: string }[] } }[]
    )[0]!;
    expect(attachment.content.actions.map((a) => a.url)).toEqual([
      `${app.config.publicUrl}/?page=campaigns&campaign=${campaignId}&join=1`,
      `${app.config.publicUrl}/?page=campaigns&campaign=${campaignId}`,
    ]);

    const [danishInvite] = await stored(devConversationId(danish.id));
    const danishLines = cardLinesOf(danishInvite!.activity);
    expect(danishLines).toContain('Mette Holm har indstillet dig');
    expect(danishLines).toContain('“Du er god til at fortælle.”');
    expect(danishLines.some((l) => l.startsWith('Det er frivilligt at være med.'))).toBe(true);
    expect(danishInvite!.clientKey).toMatch(/^invite:/);

    const [englishInvite] = await stored(devConversationId(english.id));
    const englishLines = cardLinesOf(englishInvite!.activity);
    expect(englishLines).toContain('Because we want to be heard.');
    expect(englishLines.some((l) => l.startsWith('Joining is voluntary.'))).toBe(true);

    // The person sees it in the demo chat.
    const token = await signInAs(app, english.id);
    const chat = (await (await app.api('/api/dev/chat/messages?after=0', { token })).json()) as ChatHistory;
    expect(chat.messages.flatMap((m) => m.cardLines)).toContain('Because we want to be heard.');
  });

  it('sends activity-feed invitations through Graph’s sendActivityNotification (the demo keeps them)', async () => {
    const campaignId = await seedCampaign(app.database.db, app.tenantId);
    const outbox = createOutboxStore(app.database.db);
    const key = `invite:${randomUUID()}`;
    await outbox.enqueue(
      app.tenantId,
      { id: randomUUID(), campaignId, kind: 'invitations', idempotencyKey: randomUUID(), createdBy: null },
      [
        {
          idempotencyKey: key,
          transport: 'graph_feed',
          recipientPersonId: danish.id,
          conversationId: null,
          serviceUrl: null,
          payload: { kind: 'campaignInvitation', campaignId, invitationId: randomUUID(), nomination: null },
        },
      ],
    );
    await app.worker.drain();
    expect(await outbox.stateOf(app.tenantId, key)).toBe('sent');
    const [entry] = await stored(`feed:dev-${danish.id}`);
    expect(entry!.activity).toMatchObject({
      type: 'activityFeed',
      activityType: 'invitation',
      topic: { source: 'text', value: 'Bliv ambassadør' },
      previewText: { content: 'Fordi vi vil høres.' },
      templateParameters: [{ name: 'actor', value: 'Chorus' }],
    });
    expect(entry!.clientKey).toBe(key);
  });

  it('stores a repeated request with the same idempotency key once, answering the first id', async () => {
    const post = () =>
      app.api('/_dev/connector/v3/conversations/a%3Adev-repeat/activities', {
        method: 'POST',
        headers: { 'x-chorus-idempotency-key': 'repeat-1' },
        json: {
          type: 'message',
          text: 'once',
          conversation: { id: 'a:dev-repeat', tenantId: app.tenantId },
        },
      });
    const first = await post();
    const again = await post();
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await stored('a:dev-repeat')).toHaveLength(1);
  });

  it('records a team channel when the bot is added to a team', async () => {
    const teamId = '19:team-abc@thread.tacv2';
    const res = await postActivity(app, {
      id: `act-${randomUUID()}`,
      type: 'conversationUpdate',
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/teams/',
      from: { id: `29:${danish.id}`, aadObjectId: danish.id, name: danish.displayName },
      recipient: TEST_BOT,
      conversation: { id: teamId, conversationType: 'channel', isGroup: true, tenantId: app.tenantId },
      membersAdded: [TEST_BOT],
      channelData: {
        eventType: 'teamMemberAdded',
        team: { id: teamId, name: 'Salg' },
        tenant: { id: app.tenantId },
      },
    });
    expect(res.status).toBe(200);
    const [row] = await app.database.db
      .select()
      .from(botChannels)
      .where(and(eq(botChannels.tenantId, app.tenantId), eq(botChannels.conversationId, teamId)));
    expect(row).toMatchObject({
      teamId,
      teamName: 'Salg',
      channelName: 'General',
      serviceUrl: 'http://127.0.0.1:9/teams/',
    });
  });
});
