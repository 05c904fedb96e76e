import { z } from 'zod';
import { ZChatHistoryQuery, ZChatSendRequest, type ChatHistory, type ChatMessage } from '../../contracts';
import { DEV_CONNECTOR_PATH, DEV_GRAPH_PATH, type DevChat } from '../../demo/dev-chat';
import { IDEMPOTENCY_HEADER, type LocalConnector } from '../../demo/local-connector';
import type { DevChatEntry } from '../../ports/dev-chat-log';
import type { RouteRegistrar } from '../route';

const connector_ = `${DEV_CONNECTOR_PATH}v3/conversations`;

const ZAnyBody = z.unknown();
const ZFeedParams = z.object({ personId: z.string().min(1).max(200) });
const ZFeedNotification = z
  .object({ activityType: z.string().min(1), topic: z.record(z.unknown()) })
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
  const cards = attachments.filter((a) => a['contentType'] === 'application/vnd.microsoft.card.adaptive');
  const cardLines = cards.flatMap((a) => textBlocksOf(a['content']));
  const first = cards[0]?.['content'];
  return {
    id: entry.id,
    from: from?.role === 'user' ? 'user' : 'bot',
    text: typeof activity['text'] === 'string' ? activity['text'] : '',
    cardLines,
    card:
      from?.role !== 'user' && first && typeof first === 'object' ? (first as Record<string, unknown>) : null,
    createdAt: entry.createdAt.toISOString(),
  };
}

/**
 * Demo only: the local Bot Connector (what the bot sends, through the same REST calls as Teams, with
 * Teams' limits and the outbox's dedupe: src/demo/local-connector.ts), Graph's activity feed, and the
 * tab's chat with the bot. They exist only in demo mode without bot credentials, where the server
 * listens on localhost.
 */
export function registerDevChatRoutes(
  r: RouteRegistrar,
  devChat: DevChat,
  connector: LocalConnector,
  demoTenantId: string,
) {
  // The connector checks the body itself and answers as the Bot Connector does (201, 429 with
  // Retry-After, {error:{code,message}}), so these routes only hand the request over.
  for (const url of [
    connector_,
    `${connector_}/:conversationId/activities`,
    `${connector_}/:conversationId/activities/:activityId`,
  ]) {
    r.add({
      method: 'POST',
      url,
      access: 'public',
      body: ZAnyBody,
      async handler({ request, reply }) {
        const answer = await connector.handle('POST', request.url, request.headers, request.body);
        if (answer.drop) {
          // The "lost answer" test control: the request was handled, the caller hears nothing.
          reply.hijack();
          request.raw.socket.destroy();
          return reply;
        }
        return reply.code(answer.status).headers(answer.headers).send(answer.body);
      },
    });
  }

  r.add({
    method: 'POST',
    url: `${DEV_GRAPH_PATH}/users/:personId/teamwork/sendActivityNotification`,
    access: 'public',
    params: ZFeedParams,
    body: ZFeedNotification,
    async handler({ params, body, request, reply }) {
      const key = request.headers[IDEMPOTENCY_HEADER];
      await devChat.receiveFeedNotification(
        demoTenantId,
        params.personId,
        body,
        typeof key === 'string' && key ? key : null,
      );
      return reply.code(204).send();
    },
  });

  r.add({
    method: 'POST',
    url: '/api/dev/chat/messages',
    access: ['employee'],
    body: ZChatSendRequest,
    async handler({ principal, body, request }) {
      const who = {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        origin: request.server.listeningOrigin,
      };
      if (body.card) await devChat.answerCard({ ...who, card: body.card });
      else await devChat.send({ ...who, text: body.text ?? '' });
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
