import { and, eq, sql } from 'drizzle-orm';
import type { ChatPreferencesRepository } from '../ports/chat-preferences';
import { rowsOf, type Db } from './database';
import { chatPreferences } from './schema';

/** Per-person chat preferences in Postgres (one row per person, created on first change). */
export function createChatPreferencesStore(db: Db): ChatPreferencesRepository {
  const where = (tenantId: string, personId: string) =>
    and(eq(chatPreferences.tenantId, tenantId), eq(chatPreferences.personId, personId));

  return {
    async get(tenantId, personId) {
      const rows = await db
        .select({
          language: chatPreferences.language,
          notificationsPaused: chatPreferences.notificationsPaused,
        })
        .from(chatPreferences)
        .where(where(tenantId, personId));
      return rows[0] ?? null;
    },

    async setLanguage(tenantId, personId, language) {
      await db
        .insert(chatPreferences)
        .values({ tenantId, personId, language })
        .onConflictDoUpdate({
          target: [chatPreferences.tenantId, chatPreferences.personId],
          set: { language, updatedAt: sql`now()` },
        });
    },

    async setPaused(tenantId, personId, paused) {
      // The previous value comes from the same statement, so "already paused" is exact under races.
      const rows = await db.execute(sql`
        with previous as (
          select ${chatPreferences.notificationsPaused} as paused from ${chatPreferences}
          where ${where(tenantId, personId)}
        )
        insert into ${chatPreferences} (tenant_id, person_id, notifications_paused)
        values (${tenantId}, ${personId}, ${paused})
        on conflict (tenant_id, person_id)
        do update set notifications_paused = excluded.notifications_paused, updated_at = now()
        returning (select paused from previous) as previous
      `);
      const previous = rowsOf<{ previous: boolean | null }>(rows)[0]?.previous;
      return previous ?? false;
    },

    async delete(tenantId, personId) {
      await db.delete(chatPreferences).where(where(tenantId, personId));
    },
  };
}
