import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countJobs } from '../../src/db/job-claims';
import type { GraphServer } from '../fakes/graph-server';
import { startGraphChorus, type GraphChorus, type TestChorus } from '../support/chorus';

// The production path: config says DIRECTORY=graph, main.ts builds msal + Graph client, and the sync
// runs as a job from the Postgres queue. Only the Graph and token endpoints are local fakes.
describe('directory sync from Microsoft Graph as a stored job', () => {
  let sync: GraphChorus | undefined;
  let graph: GraphServer;
  let app: TestChorus;
  beforeAll(async () => {
    sync = await startGraphChorus(2500);
    ({ graph, app } = sync);
  });
  afterAll(() => sync?.close());

  it('queues the first sync at startup and stores every person when the worker runs it', async () => {
    expect((await countJobs(app.database.db, app.tenantId, 'directory.sync'))['queued']).toBe(1);
    expect(await app.store.people.count(app.tenantId)).toBe(0);
    await app.worker.drain();
    expect(await app.store.people.count(app.tenantId)).toBe(2500);
    const state = await app.store.directorySync.get(app.tenantId);
    expect(state?.source).toBe('graph');
    expect(state?.deltaLink).toContain('deltatoken');
    expect(state?.lastError).toBeNull();
    expect(state?.lastRequestCount).toBe(Math.ceil(2500 / 999));
    // Background syncs ask Graph to treat them as low priority.
    expect(graph.graphRequests().every((r) => r.headers['x-ms-throttle-priority'] === 'low')).toBe(true);
  });

  it('applies only the changes on the next sync, from the stored delta link, including deletions', async () => {
    const changed = graph.userId(10);
    const deleted = graph.userId(11);
    graph.updateUser(changed, { jobTitle: 'Chief Storyteller' });
    graph.deleteUser(deleted);
    const before = graph.graphRequests().length;
    await app.store.jobs.enqueue(app.tenantId, 'directory.sync', {}, { dedupeKey: 'directory.sync' });
    graph.throttleNext({ retryAfterSeconds: 1 });
    await app.worker.drain();
    expect((await app.store.people.get(app.tenantId, changed))?.jobTitle).toBe('Chief Storyteller');
    expect(await app.store.people.get(app.tenantId, deleted)).toBeNull();
    expect(await app.store.people.count(app.tenantId)).toBe(2499);
    const calls = graph.graphRequests().slice(before);
    // One throttled answer, its retry, and no full re-read.
    expect(calls.filter((r) => r.status === 429)).toHaveLength(1);
    expect(calls.some((r) => r.path.includes('deltatoken'))).toBe(true);
    expect(calls.length).toBeLessThan(6);
  });
});
