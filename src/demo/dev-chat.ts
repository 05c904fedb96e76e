import { randomUUID } from 'node:crypto';
import type { BotChannelInput } from '../ports/outbox';
import type { DevChatEntry, DevChatLog } from '../ports/dev-chat-log';
import type { Store } from '../ports/store';
import type { LocalConnectorStore } from './local-connector';

/**
 * The demo's stand-in for Teams, so "get a welcome from the bot" works on a fresh clone:
 * - a local Bot Connector (what the bot sends lands in the chat log), and
 * - the person's side of the chat, which sends real Teams-shaped activities to this server's own
 *   /api/messages over HTTP, exactly as Teams would.
 * Only used in demo mode without bot credentials, where the server listens on localhost.
 */

/** The bot's account in demo chats (Teams ids bots as '28:<app id>'). */
export const DEMO_BOT_ACCOUNT = { id: '28:chorus-demo-bot', name: 'Chorus' };

/** Where the local Bot Connector lives on this server; the bot's serviceUrl in demo chats. */
export const DEV_CONNECTOR_PATH = '/_dev/connector/';

/** The id of a person's 1:1 chat with the bot in the demo (one per person, like Teams). */
export function devConversationId(personId: string): string {
  return `a:dev-${personId}`;
}

/** Where Graph activity-feed notifications go in the demo (this server's stand-in for Graph). */
export const DEV_GRAPH_PATH = '/_dev/graph/v1.0';

/** The demo's "conversation" holding a person's activity-feed notifications (kept apart from the chat). */
export function devFeedConversationId(personId: string): string {
  return `feed:dev-${personId}`;
}

/** The Teams channels the demo bot is "installed" in, so announcements have somewhere to go. */
export const DEMO_CHANNELS: readonly Omit<BotChannelInput, 'serviceUrl'>[] = [
  {
    conversationId: '19:dev-generelt@thread.tacv2',
    teamId: '19:dev-nordlys-energi@thread.tacv2',
    teamName: 'Nordlys Energi',
    channelName: 'Generelt',
  },
  {
    conversationId: '19:dev-it-nyheder@thread.tacv2',
    teamId: '19:dev-it@thread.tacv2',
    teamName: 'IT',
    channelName: 'Nyheder',
  },
];

/**
 * The local Bot Connector's record in dev_chat_activities: what the bot sent, marked as the bot's, and
 * stored once per outbox idempotency key, so the dev chat shows what each demo person received.
 */
export function devChatConnectorStore(log: DevChatLog): LocalConnectorStore {
  return {
    async append(tenantId, conversationId, activity, idempotencyKey) {
      const from = (activity['from'] ?? {}) as Record<string, unknown>;
      const stored = { ...activity, from: { ...from, role: 'bot' } };
      if (idempotencyKey === null) {
        return { id: String(await log.append(tenantId, conversationId, stored)), duplicate: false };
      }
      const result = await log.appendOnce(tenantId, conversationId, stored, idempotencyKey);
      return { id: String(result.id), duplicate: result.duplicate };
    },
  };
}

export interface DevChatDeps {
  log: DevChatLog;
  store: Pick<Store, 'people'>;
  /**
   * Sends an activity to the bot's /api/messages at `origin`, as a Bot Connector does, and returns
   * the bot's HTTP answer body (an invoke's response), or null when it has none.
   */
  postActivity?: (origin: string, activity: Record<string, unknown>) => Promise<unknown>;
}

async function postToBot(origin: string, activity: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${origin}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (!res.ok) throw new Error(`the bot answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const body = await res.text();
  if (!body) return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

/**
 * What Teams shows for the bot's answer to an Action.Execute (the invoke response): a card that takes
 * the pressed card's place, or a message. As a bot message for the demo's log; null for anything else.
 */
export function invokeAnswerAsMessage(answer: unknown): Record<string, unknown> | null {
  const a = answer && typeof answer === 'object' ? (answer as Record<string, unknown>) : null;
  if (!a) return null;
  if (
    a['type'] === 'application/vnd.microsoft.card.adaptive' &&
    a['value'] &&
    typeof a['value'] === 'object'
  ) {
    return {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: a['value'] }],
    };
  }
  if (a['type'] === 'application/vnd.microsoft.activity.message' && typeof a['value'] === 'string') {
    return { type: 'message', text: a['value'] };
  }
  // The protocol's error (a card the bot could not read): Teams shows its message on the card.
  const error = a['value'] as { message?: unknown } | undefined;
  if (a['type'] === 'application/vnd.microsoft.error' && typeof error?.message === 'string') {
    return { type: 'message', text: error.message };
  }
  return null;
}

export type DevChat = ReturnType<typeof createDevChat>;

/** The demo chat: the connector's side and the person's side. */
export function createDevChat(deps: DevChatDeps) {
  const post = deps.postActivity ?? postToBot;
  // A chat opened twice at once (two polls) must still install the bot once.
  const installing = new Map<string, Promise<void>>();

  const activityFrom = async (
    tenantId: string,
    personId: string,
    origin: string,
    fields: Record<string, unknown>,
  ) => {
    const person = await deps.store.people.get(tenantId, personId);
    const now = new Date().toISOString();
    return {
      id: `dev-${randomUUID()}`,
      timestamp: now,
      localTimestamp: now,
      channelId: 'msteams',
      serviceUrl: `${origin}${DEV_CONNECTOR_PATH}`,
      from: { id: `29:${personId}`, name: person?.displayName ?? '', aadObjectId: personId, role: 'user' },
      recipient: { ...DEMO_BOT_ACCOUNT, role: 'bot' },
      conversation: { id: devConversationId(personId), conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
      ...(person?.preferredLanguage ? { locale: person.preferredLanguage } : {}),
      ...fields,
    };
  };

  const install = async (tenantId: string, personId: string, origin: string) => {
    const activity = await activityFrom(tenantId, personId, origin, {
      type: 'conversationUpdate',
      membersAdded: [{ id: DEMO_BOT_ACCOUNT.id }, { id: `29:${personId}`, aadObjectId: personId }],
    });
    await post(origin, activity);
  };

  return {
    /**
     * Graph's sendActivityNotification, as the demo receives it: kept as a `feed` entry of the person
     * (once per outbox key), for the dev inbox.
     */
    async receiveFeedNotification(
      tenantId: string,
      personId: string,
      notification: Record<string, unknown>,
      idempotencyKey: string | null,
    ) {
      const entry = { ...notification, type: 'activityFeed', timestamp: new Date().toISOString() };
      const conversationId = devFeedConversationId(personId);
      if (idempotencyKey === null) await deps.log.append(tenantId, conversationId, entry);
      else await deps.log.appendOnce(tenantId, conversationId, entry, idempotencyKey);
    },

    /** The person writes to the bot. Resolves once the bot has answered (its replies are in the log). */
    async send(input: { tenantId: string; personId: string; text: string; origin: string }) {
      const activity = await activityFrom(input.tenantId, input.personId, input.origin, {
        type: 'message',
        text: input.text,
        textFormat: 'plain',
      });
      await deps.log.append(input.tenantId, devConversationId(input.personId), activity);
      await post(input.origin, activity);
    },

    /**
     * The person presses a button on one of the bot's cards: Action.Submit arrives as a `message`
     * with a `value`, Action.Execute as an `invoke` (adaptiveCard/action) whose answer Teams shows in
     * the card's place. The log shows the button's title as the person's side.
     */
    async answerCard(input: {
      tenantId: string;
      personId: string;
      origin: string;
      card: { kind: 'submit' | 'execute'; verb: string | null; data: Record<string, unknown>; title: string };
    }) {
      const conversationId = devConversationId(input.personId);
      const activity =
        input.card.kind === 'submit'
          ? await activityFrom(input.tenantId, input.personId, input.origin, {
              type: 'message',
              value: input.card.data,
            })
          : await activityFrom(input.tenantId, input.personId, input.origin, {
              type: 'invoke',
              name: 'adaptiveCard/action',
              value: {
                action: { type: 'Action.Execute', verb: input.card.verb ?? '', data: input.card.data },
                trigger: 'manual',
              },
            });
      await deps.log.append(input.tenantId, conversationId, {
        ...activity,
        type: 'message',
        text: input.card.title,
      });
      const answer = await post(input.origin, activity);
      if (input.card.kind === 'execute') {
        // The HTTP body is the invoke response's body: {statusCode, type, value}.
        const shown = invokeAnswerAsMessage(answer);
        if (shown) {
          await deps.log.append(input.tenantId, conversationId, {
            ...shown,
            id: `dev-${randomUUID()}`,
            timestamp: new Date().toISOString(),
            from: { ...DEMO_BOT_ACCOUNT, role: 'bot' },
          });
        }
      }
    },

    /**
     * The person's chat after `after`. Opening the chat the first time installs the bot, as adding
     * the app in Teams does, so the bot greets them.
     */
    async history(input: {
      tenantId: string;
      personId: string;
      after: number;
      origin: string;
    }): Promise<DevChatEntry[]> {
      const conversationId = devConversationId(input.personId);
      if (input.after === 0 && !(await deps.log.exists(input.tenantId, conversationId))) {
        const key = `${input.tenantId}/${input.personId}`;
        let pending = installing.get(key);
        if (!pending) {
          pending = install(input.tenantId, input.personId, input.origin).finally(() =>
            installing.delete(key),
          );
          installing.set(key, pending);
        }
        await pending;
      }
      return deps.log.list(input.tenantId, conversationId, input.after, 200);
    },
  };
}
