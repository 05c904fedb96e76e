import { randomUUID } from 'node:crypto';
import { migrate, openDatabase, type DatabaseHandle } from '../../src/db/database';
import { createDrizzleStore } from '../../src/db/store';
import type { Store } from '../../src/ports/store';
import { testDatabaseConfig } from './chorus';

/** A migrated database (PGlite in memory, or TEST_DATABASE_URL) and a fresh tenant id for this test. */
export async function openTestStore(): Promise<{ handle: DatabaseHandle; store: Store; tenantId: string }> {
  const handle = await openDatabase(testDatabaseConfig());
  await migrate(handle.db);
  const store = createDrizzleStore(handle.db);
  const tenantId = randomUUID();
  await store.ensureTenant(tenantId, 'test tenant');
  return { handle, store, tenantId };
}
