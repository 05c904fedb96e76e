import { z } from 'zod';
import { devConversationId, devFeedConversationId } from '../../demo/dev-chat';
import type { DevChatLog } from '../../ports/dev-chat-log';
import type { RouteRegistrar } from '../route';

const ZInboxQuery = z.object({ personId: z.string().min(1).max(200) }).strict();

/**
 * Demo only: what one demo person received from the bot (their 1:1 chat and their activity feed),
 * so the tab can show "what X received" without Teams.
 */
export function registerDevInboxRoutes(r: RouteRegistrar, log: DevChatLog) {
  r.add({
    method: 'GET',
    url: '/api/dev/inbox',
    access: ['employee'],
    query: ZInboxQuery,
    async handler({ principal, query }) {
      const tenantId = principal!.tenantId;
      const [chat, feed] = await Promise.all(
        [devConversationId(query.personId), devFeedConversationId(query.personId)].map((id) =>
          log.list(tenantId, id, 0, 500),
        ),
      );
      const entries = [...chat!, ...feed!]
        .filter((e) => e.activity['from'] === undefined || isFromBot(e.activity))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((e) => ({
          id: String(e.id),
          conversationId: e.conversationId,
          receivedAt: e.createdAt.toISOString(),
          activity: e.activity,
        }));
      return { entries };
    },
  });
}

function isFromBot(activity: Record<string, unknown>): boolean {
  const from = activity['from'] as { role?: unknown; id?: unknown } | undefined;
  return from?.role === 'bot' || (typeof from?.id === 'string' && from.id.startsWith('28:'));
}
