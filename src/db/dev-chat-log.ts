import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DevChatLog } from '../ports/dev-chat-log';
import type { Db } from './database';
import { devChatActivities } from './schema';

/** Demo only: the local Bot Connector's log of the chat, in dev_chat_activities. */
export function createDevChatLog(db: Db): DevChatLog {
  return {
    async append(tenantId, conversationId, activity) {
      const rows = await db
        .insert(devChatActivities)
        .values({ tenantId, conversationId, activity })
        .returning({ id: devChatActivities.id });
      return rows[0]!.id;
    },

    async appendOnce(tenantId, conversationId, activity, clientKey) {
      const inserted = await db
        .insert(devChatActivities)
        .values({ tenantId, conversationId, activity, clientKey })
        .onConflictDoNothing({
          target: [devChatActivities.tenantId, devChatActivities.clientKey],
          where: sql`${devChatActivities.clientKey} is not null`,
        })
        .returning({ id: devChatActivities.id });
      if (inserted[0]) return { id: inserted[0].id, duplicate: false };
      const existing = await db
        .select({ id: devChatActivities.id })
        .from(devChatActivities)
        .where(and(eq(devChatActivities.tenantId, tenantId), eq(devChatActivities.clientKey, clientKey)));
      return { id: existing[0]!.id, duplicate: true };
    },

    async list(tenantId, conversationId, afterId, limit) {
      return db
        .select({
          id: devChatActivities.id,
          conversationId: devChatActivities.conversationId,
          activity: devChatActivities.activity,
          createdAt: devChatActivities.createdAt,
        })
        .from(devChatActivities)
        .where(
          and(
            eq(devChatActivities.tenantId, tenantId),
            eq(devChatActivities.conversationId, conversationId),
            gt(devChatActivities.id, afterId),
          ),
        )
        .orderBy(asc(devChatActivities.id))
        .limit(limit);
    },

    async exists(tenantId, conversationId) {
      const rows = await db
        .select({ id: devChatActivities.id })
        .from(devChatActivities)
        .where(
          and(eq(devChatActivities.tenantId, tenantId), eq(devChatActivities.conversationId, conversationId)),
        )
        .limit(1);
      return rows.length > 0;
    },
  };
}
