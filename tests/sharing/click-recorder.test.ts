import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clickInserter, createClickRecorder } from '../../src/db/click-recorder';
import type { Db, DatabaseHandle } from '../../src/db/database';
import { clickEvents } from '../../src/db/schema';
import type { Click } from '../../src/ports/sharing';
import { countClicks, insertItem, insertTrackedLinks } from '../support/content-fixtures';
import { openTestStore } from '../support/database';

/** The real batch writer, counted, and made to fail while `failNext` says so. */
function instrumented(db: Db) {
  const state = { writes: 0, failNext: 0 };
  const write = clickInserter(db);
  const insert = (clicks: Click[]) => {
    state.writes++;
    if (state.failNext > 0) {
      state.failNext--;
      return Promise.reject(new Error('connection lost'));
    }
    return write(clicks);
  };
  return { insert, state };
}

describe('the click recorder (group commit)', () => {
  let handle: DatabaseHandle;
  let tenantId = '';
  let itemId = '';
  let codes: string[] = [];
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    ({ handle, tenantId } = await openTestStore());
    itemId = await insertItem(handle.db, tenantId);
    codes = await insertTrackedLinks(handle.db, tenantId, itemId, 5);
  });
  afterAll(() => handle.close());

  const click = (code: string, n = 0): Click => ({
    tenantId,
    code,
    itemId,
    network: 'linkedin',
    visitorKey: `visitor-${n}`,
    at: new Date(),
  });

  it('writes many concurrent clicks in a few multi-row inserts, each resolved after its commit', async () => {
    const { insert, state } = instrumented(handle.db);
    const recorder = createClickRecorder(handle.db, logger, { maxBatch: 200, maxWaitMs: 5, insert });
    const code = codes[0]!;
    await Promise.all(Array.from({ length: 1000 }, (_, i) => recorder.record(click(code, i))));
    // Resolved means committed: every row is visible at once.
    expect(await countClicks(handle.db, tenantId, [code])).toBe(1000);
    expect(state.writes).toBeLessThanOrEqual(20);
    await recorder.close();
  });

  it('lets a second batch overlap a running one only when it is large enough to pay for its commit', async () => {
    const sizes: number[] = [];
    const commits: (() => void)[] = [];
    const insert = (clicks: Click[]) => {
      sizes.push(clicks.length);
      return new Promise<void>((resolve) => commits.push(resolve));
    };
    const recorder = createClickRecorder(handle.db, logger, { maxInFlight: 4, minOverlap: 10, insert });
    const turn = () => new Promise((r) => setImmediate(r));
    const first = Array.from({ length: 3 }, (_, i) => recorder.record(click(codes[0]!, i)));
    await turn();
    expect(sizes).toEqual([3]);
    // Five more while the first batch is being written: they wait for it instead of committing apart.
    const small = Array.from({ length: 5 }, (_, i) => recorder.record(click(codes[0]!, 10 + i)));
    await turn();
    expect(sizes).toEqual([3]);
    // Enough for a batch of their own (5 + 7 = 12 ≥ 10): these go on another connection at once.
    const large = Array.from({ length: 7 }, (_, i) => recorder.record(click(codes[0]!, 20 + i)));
    await turn();
    expect(sizes).toEqual([3, 12]);
    commits[0]!();
    await Promise.all(first);
    commits[1]!();
    await Promise.all([...small, ...large]);
    await recorder.close();
  });

  it('takes the owner from the tracked link when it commits', async () => {
    const recorder = createClickRecorder(handle.db, logger);
    await recorder.record(click(codes[1]!));
    const rows = await handle.db
      .select({ personId: clickEvents.personId, network: clickEvents.network })
      .from(clickEvents)
      .where(and(eq(clickEvents.tenantId, tenantId), eq(clickEvents.code, codes[1]!)));
    expect(rows).toEqual([{ personId: `fixture-${codes[1]!}`, network: 'linkedin' }]);
    await recorder.close();
  });

  it('retries a failed batch once and then succeeds', async () => {
    const { insert, state } = instrumented(handle.db);
    const warn = vi.fn();
    const recorder = createClickRecorder(handle.db, Object.assign(pino({ level: 'silent' }), { warn }), {
      retryDelayMs: 1,
      insert,
    });
    state.failNext = 1;
    await Promise.all([recorder.record(click(codes[2]!, 1)), recorder.record(click(codes[2]!, 2))]);
    expect(await countClicks(handle.db, tenantId, [codes[2]!])).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    await recorder.close();
  });

  it('rejects the waiting clicks and logs an error when the retry fails too', async () => {
    const { insert, state } = instrumented(handle.db);
    const error = vi.fn();
    const recorder = createClickRecorder(handle.db, Object.assign(pino({ level: 'silent' }), { error }), {
      retryDelayMs: 1,
      insert,
    });
    state.failNext = 2;
    const results = await Promise.allSettled([
      recorder.record(click(codes[3]!, 1)),
      recorder.record(click(codes[3]!, 2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(state.writes).toBe(2);
    expect(error).toHaveBeenCalledTimes(1);
    expect(await countClicks(handle.db, tenantId, [codes[3]!])).toBe(0);
    // The next batch goes through again.
    await recorder.record(click(codes[3]!, 3));
    expect(await countClicks(handle.db, tenantId, [codes[3]!])).toBe(1);
    await recorder.close();
  });

  it('flushes what is still forming when it is closed', async () => {
    const recorder = createClickRecorder(handle.db, logger, { maxWaitMs: 10_000, maxBatch: 1000 });
    const pending = Array.from({ length: 7 }, (_, i) => recorder.record(click(codes[4]!, i)));
    await recorder.close();
    await Promise.all(pending);
    expect(await countClicks(handle.db, tenantId, [codes[4]!])).toBe(7);
  });

  it('stores any text exactly, quotes included, through the driver and through the Drizzle fallback', async () => {
    const odd = `it's "quoted" \\ {braced}, and, commas`;
    const drizzleOnly = new Proxy(handle.db, {
      get: (target, prop, receiver) =>
        prop === '$client' ? undefined : (Reflect.get(target, prop, receiver) as unknown),
    });
    for (const [i, write] of [clickInserter(handle.db), clickInserter(drizzleOnly)].entries()) {
      await write([{ ...click(codes[0]!), visitorKey: `${odd} ${i}` }, click(codes[0]!, 99)]);
      const rows = await handle.db
        .select({ key: clickEvents.visitorKey })
        .from(clickEvents)
        .where(and(eq(clickEvents.tenantId, tenantId), eq(clickEvents.visitorKey, `${odd} ${i}`)));
      expect(rows, `writer ${i}`).toHaveLength(1);
    }
  });

  it('prepares its statement again when the database forgot it', async () => {
    const recorder = createClickRecorder(handle.db, logger, { retryDelayMs: 1 });
    await recorder.record(click(codes[1]!, 500));
    await handle.db.execute(sql`deallocate all`);
    await recorder.record(click(codes[1]!, 501));
    await recorder.close();
    expect(await countClicks(handle.db, tenantId, [codes[1]!])).toBe(3);
  });

  it('never stores an address: the table has no column that could hold one', async () => {
    const columns = await handle.db.execute(
      sql`select column_name from information_schema.columns where table_name = 'click_events' order by ordinal_position`,
    );
    expect((columns as { rows: { column_name: string }[] }).rows.map((r) => r.column_name)).toEqual([
      'tenant_id',
      'id',
      'code',
      'item_id',
      'person_id',
      'network',
      'visitor_key',
      'at',
    ]);
  });
});
