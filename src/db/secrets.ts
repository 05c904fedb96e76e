import { and, eq } from 'drizzle-orm';
import type { Db } from './database';
import { tenantSecrets } from './schema';

/** Reads a generated secret, creating it once; concurrent instances agree on the first one written. */
export function createSecretSource(db: Db) {
  return async (tenantId: string, name: string, generate: () => string): Promise<string> => {
    await db.insert(tenantSecrets).values({ tenantId, name, value: generate() }).onConflictDoNothing();
    const rows = await db
      .select({ value: tenantSecrets.value })
      .from(tenantSecrets)
      .where(and(eq(tenantSecrets.tenantId, tenantId), eq(tenantSecrets.name, name)));
    return rows[0]!.value;
  };
}
