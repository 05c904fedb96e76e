import type { Storage, StoreItems } from 'botbuilder';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './database';
import { botState } from './schema';

/** Raised when a write carries an eTag that is no longer current: someone else saved first. */
export class StorageConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

/**
 * botbuilder's Storage on Postgres (bot_state), so conversation and user state survive restarts
 * and are shared by every instance. Optimistic concurrency as botbuilder's MemoryStorage does it:
 * an item without an eTag, or with '*', overwrites; an item with an eTag is saved only while that
 * eTag is still current, else the write throws and nothing in the batch is saved.
 *
 * Storage keys carry no tenant, so `tenantOf` names the tenant of the work in hand (the turn's).
 */
export function createBotStorage(db: Db, tenantOf: () => string): Storage {
  return {
    async read(keys: string[]): Promise<StoreItems> {
      if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
      if (keys.length === 0) return {};
      const rows = await db
        .select({ key: botState.key, value: botState.value, etag: botState.etag })
        .from(botState)
        .where(and(eq(botState.tenantId, tenantOf()), inArray(botState.key, keys)));
      const items: StoreItems = {};
      for (const row of rows) items[row.key] = { ...row.value, eTag: String(row.etag) };
      return items;
    },

    async write(changes: StoreItems): Promise<void> {
      if (!changes) throw new ReferenceError('Changes are required when writing.');
      const entries = Object.entries(changes);
      if (entries.length === 0) return;
      const tenantId = tenantOf();
      await db.transaction(async (tx) => {
        for (const [key, item] of entries) {
          const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
          if (eTag === undefined || eTag === null || eTag === '' || eTag === '*') {
            await tx
              .insert(botState)
              .values({ tenantId, key, value, etag: 1 })
              .onConflictDoUpdate({
                target: [botState.tenantId, botState.key],
                set: { value, etag: sql`${botState.etag} + 1`, updatedAt: sql`now()` },
              });
            continue;
          }
          // A string or number eTag must match; anything else can match no row.
          const expected = typeof eTag === 'string' || typeof eTag === 'number' ? String(eTag) : '';
          const updated = await tx
            .update(botState)
            .set({ value, etag: sql`${botState.etag} + 1`, updatedAt: sql`now()` })
            .where(
              and(
                eq(botState.tenantId, tenantId),
                eq(botState.key, key),
                eq(sql`${botState.etag}::text`, expected),
              ),
            )
            .returning({ etag: botState.etag });
          if (updated.length > 0) continue;
          // No row with that eTag: a deleted (or never saved) item may be written again, but a row
          // that exists with another eTag was changed by someone else since it was read.
          const inserted = await tx
            .insert(botState)
            .values({ tenantId, key, value, etag: 1 })
            .onConflictDoNothing()
            .returning({ etag: botState.etag });
          if (inserted.length === 0) throw new StorageConflictError(key);
        }
      });
    },

    async delete(keys: string[]): Promise<void> {
      if (!Array.isArray(keys) || keys.length === 0) return;
      await db.delete(botState).where(and(eq(botState.tenantId, tenantOf()), inArray(botState.key, keys)));
    },
  };
}
