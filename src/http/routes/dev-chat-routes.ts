import { z } from 'zod';
import { ZChatHistoryQuery, ZChatSendRequest, type ChatHistory, type ChatMessage } from '../../contracts';
import { DEV_CONNECTOR_PATH, type DevChat } from '../../demo/dev-chat';
import { AppError } from '../../domain/errors';
import type { DevChatEntry } from '../../ports/dev-chat-log';
import type { RouteRegistrar } from '../route';

const connector = `${DEV_CONNECTOR_PATH}v3/conversations`;

const ZConversationParams = z.object({ conversationId: z.string().min(1) });
const ZActivityParams = ZConversationParams.extend({ activityId: z.string().min(1) });
const ZBotActivity = z.object({ type: z.string().min(1, 'is required') }).passthrough();
const ZCreateConversation = z
  .object({
    members: z
      .array(z.object({ id: z.string().min(1), aadObjectId: z.string().optional() }).passthrough())
      .min(1),
  })
  .passthrough();

/** The texts of every TextBlock in an Adaptive Card, in reading order. */
function textBlocksOf(element: unknown, out: string[] = []): string[] {
  if (Array.isArray(element)) {
    for (const item of element) textBlocksOf(item, out);
  } else if (element && typeof element === 'object') {
    const node = element as Record<string, unknown>;
    if (node['type'] === 'TextBlock' && typeof node['text'] === 'string') out.push(node['text']);
    for (const key of ['body', 'items', 'columns', 'inlines']) if (key in node) textBlocksOf(node[key], out);
  }
  return out;
}

/** One chat log entry as the tab shows it. */
export function presentChatEntry(entry: DevChatEntry): ChatMessage {
  const activity = entry.activity;
  const from = activity['from'] as { role?: unknown } | undefined;
  const attachments = Array.isArray(activity['attachments'])
    ? (activity['attachments'] as Record<string, unknown>[])
    : [];
  const cardLines = attachments
    .filter((a) => a['contentType'] === 'application/vnd.microsoft.card.adaptive')
    .flatMap((a) => textBlocksOf(a['content']));
  return {
    id: entry.id,
    from: from?.role === 'user' ? 'user' : 'bot',
    text: typeof activity['text'] === 'string' ? activity['text'] : '',
    cardLines,
    createdAt: entry.createdAt.toISOString(),
  };
}

/**
 * Demo only: the local Bot Connector (what the bot sends) and the tab's chat with the bot. They
 * exist only in demo mode without bot credentials, where the server listens on localhost.
 */
export function registerDevChatRoutes(r: RouteRegistrar, devChat: DevChat, demoTenantId: string) {
  r.add({
    method: 'POST',
    url: connector,
    access: 'public',
    body: ZCreateConversation,
    async handler({ body }) {
      const created = await devChat.createConversation(demoTenantId, body);
      if (!created) throw new AppError('VALIDATION_FAILED', 'name the person to chat with in members');
      return created;
    },
  });

  for (const url of [
    `${connector}/:conversationId/activities`,
    `${connector}/:conversationId/activities/:activityId`,
  ]) {
    r.add({
      method: 'POST',
      url,
      access: 'public',
      params: url.endsWith(':activityId') ? ZActivityParams : ZConversationParams,
      body: ZBotActivity,
      async handler({ params, body }) {
        // The bot names the chat's tenant on every activity; the demo tenant is the fallback.
        const conversation = body['conversation'] as { tenantId?: unknown } | undefined;
        const tenantId = typeof conversation?.tenantId === 'string' ? conversation.tenantId : demoTenantId;
        return devChat.receiveFromBot(tenantId, params.conversationId, body);
      },
    });
  }

  r.add({
    method: 'POST',
    url: '/api/dev/chat/messages',
    access: ['employee'],
    body: ZChatSendRequest,
    async handler({ principal, body, request }) {
      await devChat.send({
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        text: body.text,
        origin: request.server.listeningOrigin,
      });
      return undefined;
    },
  });

  r.add({
    method: 'GET',
    url: '/api/dev/chat/messages',
    access: ['employee'],
    query: ZChatHistoryQuery,
    async handler({ principal, query, request }): Promise<ChatHistory> {
      const entries = await devChat.history({
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        after: query.after,
        origin: request.server.listeningOrigin,
      });
      const messages = entries.filter((e) => e.activity['type'] === 'message').map(presentChatEntry);
      return { messages };
    },
  });
}
