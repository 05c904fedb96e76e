import { and, eq, sql } from 'drizzle-orm';
import type { ConversationReferenceRepository } from '../ports/conversation-references';
import type { Db } from './database';
import { conversationReferences } from './schema';

/** People's 1:1 chat references in Postgres: proactive messages work after a restart, from any instance. */
export function createConversationReferenceRepository(db: Db): ConversationReferenceRepository {
  return {
    async get(tenantId, personId) {
      const rows = await db
        .select({
          personId: conversationReferences.personId,
          conversationId: conversationReferences.conversationId,
          reference: conversationReferences.reference,
          updatedAt: conversationReferences.updatedAt,
        })
        .from(conversationReferences)
        .where(
          and(eq(conversationReferences.tenantId, tenantId), eq(conversationReferences.personId, personId)),
        );
      return rows[0] ?? null;
    },

    async save(tenantId, personId, ref) {
      await db
        .insert(conversationReferences)
        .values({ tenantId, personId, conversationId: ref.conversationId, reference: ref.reference })
        .onConflictDoUpdate({
          target: [conversationReferences.tenantId, conversationReferences.personId],
          set: { conversationId: ref.conversationId, reference: ref.reference, updatedAt: sql`now()` },
        });
    },
  };
}
