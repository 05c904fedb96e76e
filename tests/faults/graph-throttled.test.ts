import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database';
import { countJobs } from '../../src/db/job-claims';
import type { GraphServer } from '../fakes/graph-server';
import { startGraphChorus, type GraphChorus, type TestChorus } from '../support/chorus';

// Fault (issue 7): Microsoft Graph answers 429 (Retry-After: 1) to every request for 30 seconds of
// real time while the first directory sync runs as a stored job. The sync must wait as it is told (no
// hot loop of requests), must not use up its job's attempts and fail for good, and must finish after
// the window with every user stored exactly once.

const USERS = 2500;
const WINDOW_MS = 30_000;
const RETRY_AFTER_S = 1;

describe('directory sync while Graph throttles every request for 30 seconds', () => {
  let sync: GraphChorus | undefined;
  let graph: GraphServer;
  let app: TestChorus;
  beforeAll(async () => {
    sync = await startGraphChorus(USERS);
    ({ graph, app } = sync);
  });
  afterAll(() => sync?.close());

  it('backs off, keeps the job, and syncs everyone once after the window', { timeout: 90_000 }, async () => {
    expect((await countJobs(app.database.db, app.tenantId, 'directory.sync'))['queued']).toBe(1);
    const windowStart = performance.now();
    graph.throttleFor(WINDOW_MS, { retryAfterSeconds: RETRY_AFTER_S });

    // The job queue's poller, by hand: run whatever is due until the sync has completed.
    const until = windowStart + WINDOW_MS + 30_000;
    for (;;) {
      await app.worker.drain();
      const jobs = await countJobs(app.database.db, app.tenantId, 'directory.sync');
      if (jobs['done']) break;
      expect(jobs['failed'] ?? 0).toBe(0);
      if (performance.now() > until) throw new Error(`the sync did not finish: ${JSON.stringify(jobs)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const finishedAt = performance.now();

    // It finished only after the window, and soon after it.
    expect(finishedAt - windowStart).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(finishedAt - windowStart).toBeLessThan(WINDOW_MS + 10_000);

    // Backed off: throttled requests came no faster than Retry-After allows, about one a second.
    const throttled = graph.graphRequests().filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(5);
    expect(throttled.length).toBeLessThanOrEqual(WINDOW_MS / 1000 / RETRY_AFTER_S + 3);
    const gaps = throttled.slice(1).map((r, i) => r.at - throttled[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 * 0.9);
    // After the window, one read of the directory: three pages of 999 and nothing repeated.
    const afterWindow = graph.graphRequests().filter((r) => r.status === 200);
    expect(afterWindow).toHaveLength(Math.ceil(USERS / 999));

    // Everyone exactly once, and the sync's state says it succeeded.
    expect(await app.store.people.count(app.tenantId)).toBe(USERS);
    const ids = rowsOf<{ n: number; distinct_ids: number }>(
      await app.database.db.execute(sql`
        select count(*)::int as n, count(distinct id)::int as distinct_ids from people
        where tenant_id = ${app.tenantId}`),
    )[0]!;
    expect(Number(ids.n)).toBe(USERS);
    expect(Number(ids.distinct_ids)).toBe(USERS);
    const state = await app.store.directorySync.get(app.tenantId);
    expect(state?.lastError).toBeNull();
    expect(state?.deltaLink).toContain('deltatoken');
  });
});
