import { describe, expect, it } from 'vitest';
import type { ChatPreferences } from '../src/ports/chat-preferences';
import type { ClaimedOutboxMessage, OutboxContentReader, OutboxPayload } from '../src/ports/outbox';
import { MemoryConversationReferences } from '../src/ports/testing/memory-conversation-references';
import type { ConnectorClient } from './connector-client';
import { createOutboxTransport, NOTIFICATIONS_PAUSED_REASON } from './outbox-transport';

const TENANT = 't-1';

function setup(preferences: Record<string, ChatPreferences>) {
  const sent: { conversationId: string; activity: Record<string, unknown> }[] = [];
  const connector: ConnectorClient = {
    createConversation: async () => ({ id: 'a:new' }),
    sendActivity: async (_url, conversationId, activity) => {
      sent.push({ conversationId, activity: activity });
      return { id: `sent-${sent.length}` };
    },
  };
  const content: OutboxContentReader = {
    campaign: async (_t, id) => ({
      id,
      name: 'Ambassadører søges',
      pitch: {},
      imageId: null,
      status: 'running',
    }),
    person: async (_t, id) => ({
      id,
      displayName: `Person ${id}`,
      preferredLanguage: 'da-DK',
      accountEnabled: true,
    }),
    invitationStatus: async () => 'open',
  };
  const conversations = new MemoryConversationReferences();
  const feedCalls: string[] = [];
  const transport = createOutboxTransport({
    connector,
    feed: {
      send: async (personId: string) => {
        feedCalls.push(personId);
        return { status: 204, retryAfterMs: null, code: null };
      },
    },
    content,
    conversations,
    chatPreferences: { get: async (_t, personId) => preferences[personId] ?? null },
    botAccount: { id: '28:bot', name: 'Chorus' },
    links: { publicUrl: 'https://chorus.example.com', teamsAppId: null },
    serviceUrl: () => 'http://127.0.0.1:9/',
  });
  return { transport, sent, feedCalls, conversations };
}

let nextId = 1;
const message = (
  personId: string,
  payload: OutboxPayload,
  transport: ClaimedOutboxMessage['transport'] = 'bot',
): ClaimedOutboxMessage => ({
  id: nextId++,
  tenantId: TENANT,
  sendId: null,
  idempotencyKey: `k-${nextId}`,
  transport,
  recipientPersonId: personId,
  conversationId: `a:chat-${personId}`,
  serviceUrl: null,
  payload,
  attempts: 1,
  maxAttempts: 5,
  slotAt: new Date(),
  sendAt: new Date(),
  ambiguous: false,
});

const invitation: OutboxPayload = {
  kind: 'campaignInvitation',
  campaignId: 'c-1',
  invitationId: 'inv-1',
  nomination: null,
};
const noWait = async () => {};

describe('the outbox and `pause`', () => {
  it('cancels campaign invitations and announcements to a paused person, in chat and in the feed', async () => {
    const { transport, sent, feedCalls } = setup({ paused: { language: null, notificationsPaused: true } });
    for (const payload of [invitation, { kind: 'campaignAnnouncement', campaignId: 'c-1' } as const]) {
      const report = await transport.deliver(message('paused', payload), noWait);
      expect(report.skipped).toEqual({ state: 'cancelled', reason: NOTIFICATIONS_PAUSED_REASON });
    }
    const feed = await transport.deliver(message('paused', invitation, 'graph_feed'), noWait);
    expect(feed.skipped).toEqual({ state: 'cancelled', reason: NOTIFICATIONS_PAUSED_REASON });
    expect(sent).toEqual([]);
    expect(feedCalls).toEqual([]);
  });

  it('still sends invitations to people who did not pause, and the welcome to people who did', async () => {
    const { transport, sent } = setup({
      paused: { language: 'en', notificationsPaused: true },
      resumed: { language: null, notificationsPaused: false },
    });
    expect((await transport.deliver(message('resumed', invitation), noWait)).status).toBe(201);
    const welcome = await transport.deliver(
      message('paused', { kind: 'welcome', onboarding: { flowVersion: 1, run: 1 } }),
      noWait,
    );
    expect(welcome.status).toBe(201);
    expect(sent.map((s) => s.conversationId)).toEqual(['a:chat-resumed', 'a:chat-paused']);
    // The welcome is onboarding's first card, in the language the person chose with `language`.
    const card = (
      sent[1]!.activity['attachments'] as { content: { body: { text: string }[]; actions: unknown[] } }[]
    )[0]!.content;
    expect(card.body[0]!.text).toBe('Welcome aboard as an ambassador, Person!');
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Submit',
        data: { chorus: 'onboarding', step: 'welcome', flowVersion: 1, run: 1 },
      }),
    ]);
  });
});
