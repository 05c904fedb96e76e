import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createBotStorage, StorageConflictError } from '../../src/db/bot-storage';
import { migrate, openDatabase, type DatabaseHandle } from '../../src/db/database';
import { botState } from '../../src/db/schema';
import { createTenantContext } from '../../src/ports/tenant-context';
import { testDatabaseConfig } from '../support/chorus';

describe('botbuilder Storage on Postgres', () => {
  let database: DatabaseHandle;
  const tenants = createTenantContext();
  const fallback = randomUUID();
  let storage: ReturnType<typeof createBotStorage>;
  beforeAll(async () => {
    database = await openDatabase(testDatabaseConfig());
    await migrate(database.db);
    storage = createBotStorage(database.db, () => tenants.current() ?? fallback);
  });
  afterAll(() => database.close());

  const key = () => `msteams/28:bot/conversations/${randomUUID()}`;

  it('reads what it wrote, with an eTag, and nothing for unknown keys', async () => {
    const k = key();
    await storage.write({ [k]: { greeted: true, nested: { n: 1 } } });
    const items = await storage.read([k, key()]);
    expect(items).toEqual({ [k]: { greeted: true, nested: { n: 1 }, eTag: '1' } });
    expect(await storage.read([])).toEqual({});
  });

  it('saves with the current eTag and refuses a stale one', async () => {
    const k = key();
    await storage.write({ [k]: { count: 1 } });
    const first = (await storage.read([k]))[k] as Record<string, unknown>;
    await storage.write({ [k]: { ...first, count: 2 } });
    expect((await storage.read([k]))[k]).toEqual({ count: 2, eTag: '2' });

    await expect(storage.write({ [k]: { ...first, count: 99 } })).rejects.toBeInstanceOf(
      StorageConflictError,
    );
    await expect(storage.write({ [k]: { count: 99, eTag: 'not-a-number' } })).rejects.toThrow(
      /eTag conflict/,
    );
    expect((await storage.read([k]))[k]).toEqual({ count: 2, eTag: '2' });
  });

  it("overwrites with eTag '*' or no eTag", async () => {
    const k = key();
    await storage.write({ [k]: { v: 'a' } });
    await storage.write({ [k]: { v: 'b', eTag: '*' } });
    expect((await storage.read([k]))[k]).toEqual({ v: 'b', eTag: '2' });
    await storage.write({ [k]: { v: 'c' } });
    expect((await storage.read([k]))[k]).toEqual({ v: 'c', eTag: '3' });
  });

  it('saves nothing of a batch when one item is stale', async () => {
    const [a, b] = [key(), key()];
    await storage.write({ [a]: { v: 1 }, [b]: { v: 1 } });
    await storage.write({ [b]: { v: 2, eTag: '1' } });
    await expect(storage.write({ [a]: { v: 3, eTag: '1' }, [b]: { v: 3, eTag: '1' } })).rejects.toThrow(
      StorageConflictError,
    );
    expect(await storage.read([a, b])).toEqual({ [a]: { v: 1, eTag: '1' }, [b]: { v: 2, eTag: '2' } });
  });

  it('writes again an item that was deleted, and deletes only the given keys', async () => {
    const [a, b] = [key(), key()];
    await storage.write({ [a]: { v: 1 }, [b]: { v: 1 } });
    const old = (await storage.read([a]))[a] as Record<string, unknown>;
    await storage.delete([a]);
    expect(await storage.read([a, b])).toEqual({ [b]: { v: 1, eTag: '1' } });
    await storage.write({ [a]: { ...old, v: 2 } });
    expect((await storage.read([a]))[a]).toEqual({ v: 2, eTag: '1' });
  });

  it('keeps tenants apart: each row carries the tenant of the work in hand', async () => {
    const k = key();
    const [t1, t2] = [randomUUID(), randomUUID()];
    await tenants.run(t1, () => storage.write({ [k]: { who: 't1' } }));
    await tenants.run(t2, () => storage.write({ [k]: { who: 't2' } }));
    expect(await tenants.run(t1, () => storage.read([k]))).toEqual({ [k]: { who: 't1', eTag: '1' } });
    expect(await storage.read([k])).toEqual({});
    await tenants.run(t2, () => storage.delete([k]));
    expect(await tenants.run(t1, () => storage.read([k]))).toEqual({ [k]: { who: 't1', eTag: '1' } });
    const rows = await database.db
      .select()
      .from(botState)
      .where(and(eq(botState.key, k)));
    expect(rows.map((r) => r.tenantId)).toEqual([t1]);
  });
});
