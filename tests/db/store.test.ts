import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate, rowsOf, type DatabaseHandle } from '../../src/db/database';
import { claimJobs, completeJob, countJobs, failJob } from '../../src/db/job-claims';
import type { Person } from '../../src/domain/person';
import type { Store } from '../../src/ports/store';
import { openTestStore } from '../support/database';

const person = (id: string, managerId: string | null = null): Person => ({
  id,
  displayName: `Person ${id}`,
  mail: `${id}@example.dk`,
  userPrincipalName: `${id}@example.dk`,
  jobTitle: 'Tester',
  department: 'IT',
  officeLocation: 'Aarhus',
  country: 'Denmark',
  managerId,
  preferredLanguage: 'da-DK',
  accountEnabled: true,
});

// The same repository tests run on PGlite by default and on a Postgres server with TEST_DATABASE_URL.
describe('Drizzle store', () => {
  let handle: DatabaseHandle;
  let store: Store;
  let tenantId: string;
  beforeAll(async () => {
    ({ handle, store, tenantId } = await openTestStore());
  });
  afterAll(() => handle.close());

  it('applies migrations once; a second run applies nothing', async () => {
    expect(await migrate(handle.db)).toEqual([]);
    expect(await handle.migrationsApplied()).toBe(true);
  });

  it('upserts people in chunks, updates them, counts reports and removes them, per tenant', async () => {
    const other = randomUUID();
    const many = Array.from({ length: 1500 }, (_, i) => person(`p${i}`, i === 0 ? null : 'p0'));
    await store.people.upsertMany(tenantId, many);
    await store.people.upsertMany(other, [person('p1')]);
    expect(await store.people.count(tenantId)).toBe(1500);
    expect(await store.people.countDirectReports(tenantId, 'p0')).toBe(1499);
    await store.people.upsertMany(tenantId, [{ ...person('p1', 'p0'), jobTitle: 'Lead' }]);
    expect((await store.people.get(tenantId, 'p1'))?.jobTitle).toBe('Lead');
    expect((await store.people.get(other, 'p1'))?.jobTitle).toBe('Tester');
    await store.people.removeMany(tenantId, ['p2', 'p3']);
    expect(await store.people.count(tenantId)).toBe(1498);
    expect(await store.people.count(other)).toBe(1);
    expect((await store.people.getWithReportCount(tenantId, 'p0'))?.directReports).toBe(1497);
  });

  it('searches by name, title or department without treating % as a wildcard', async () => {
    await store.people.upsertMany(tenantId, [{ ...person('search-1'), displayName: 'Åse 100% Hansen' }]);
    const hits = await store.people.search(tenantId, '100%', 10);
    expect(hits.map((p) => p.id)).toEqual(['search-1']);
    expect(await store.people.search(tenantId, '%', 10)).toHaveLength(1);
  });

  it('stores each document edit as a new version, also when two edits race', async () => {
    const first = await store.program.addVersion(tenantId, 'guidelines', {
      bodyDa: 'a',
      bodyEn: 'a',
      createdBy: null,
    });
    const results = await Promise.allSettled([
      store.program.addVersion(tenantId, 'guidelines', { bodyDa: 'b', bodyEn: 'b', createdBy: 'x' }),
      store.program.addVersion(tenantId, 'guidelines', { bodyDa: 'c', bodyEn: 'c', createdBy: 'y' }),
    ]);
    const versions = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.version);
    // Never the same version twice: a racing duplicate is refused by the primary key, not overwritten.
    expect(new Set(versions).size).toBe(versions.length);
    expect(first.version).toBe(1);
    const current = await store.program.current(tenantId, 'guidelines');
    expect(current!.version).toBe(Math.max(...versions));
  });

  it('inserts a membership once and reports a second insert', async () => {
    await store.people.upsertMany(tenantId, [person('m1')]);
    const m = {
      personId: 'm1',
      joinedAt: new Date(),
      guidelinesVersion: 1,
      networks: ['x' as const],
      topics: [],
      source: 'tab' as const,
    };
    const results = await Promise.all([
      store.memberships.insert(tenantId, m),
      store.memberships.insert(tenantId, m),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.memberships.count(tenantId)).toBe(1);
    const profile = await store.profiles.get(tenantId, 'm1');
    expect(profile?.membership?.networks).toEqual(['x']);
    expect(await store.memberships.delete(tenantId, 'm1')).toBe(true);
    expect(await store.memberships.delete(tenantId, 'm1')).toBe(false);
  });

  it('deduplicates waiting jobs and lets two workers claim disjoint jobs', async () => {
    expect(await store.jobs.enqueue(tenantId, 'test.kind', { personId: 'a' }, { dedupeKey: 'k' })).toBe(true);
    expect(await store.jobs.enqueue(tenantId, 'test.kind', { personId: 'a' }, { dedupeKey: 'k' })).toBe(
      false,
    );
    for (let i = 0; i < 9; i++) await store.jobs.enqueue(tenantId, 'test.kind', { personId: `p${i}` });
    const scope = { kinds: ['test.kind'], tenantIds: [tenantId] };
    const [a, b] = await Promise.all([
      claimJobs(handle.db, 'worker-a', 6, 60_000, scope),
      claimJobs(handle.db, 'worker-b', 6, 60_000, scope),
    ]);
    const mine = <T extends { tenantId: string }>(jobs: T[]) => jobs.filter((j) => j.tenantId === tenantId);
    const ids = [...mine(a), ...mine(b)].map((j) => j.id);
    expect(
      await claimJobs(handle.db, 'worker-c', 6, 60_000, { kinds: ['other.kind'], tenantIds: [tenantId] }),
    ).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(10);
    for (const job of mine(a)) await completeJob(handle.db, job.id, 'worker-a');
    // worker-b fails its jobs: they go back to the queue with a backoff, not lost.
    for (const job of mine(b)) await failJob(handle.db, job, 'worker-b', 'boom');
    const counts = await countJobs(handle.db, tenantId, 'test.kind');
    expect(counts['done']).toBe(mine(a).length);
    expect(counts['queued']).toBe(mine(b).length);
  });

  it('cancels waiting jobs for a person who leaves', async () => {
    await store.jobs.enqueue(tenantId, 'bot.welcome', { personId: 'leaver' });
    await store.jobs.enqueue(tenantId, 'bot.welcome', { personId: 'stayer' });
    expect(await store.jobs.cancelForPerson(tenantId, 'leaver')).toBe(1);
    expect((await countJobs(handle.db, tenantId, 'bot.welcome'))['queued']).toBe(1);
  });

  it('anonymises activity and consents but keeps the counts', async () => {
    await store.activity.record(tenantId, 'anon-me', 'joined');
    await store.consents.record(tenantId, 'anon-me', 1, 'tab');
    await store.activity.anonymise(tenantId, 'anon-me');
    await store.consents.anonymise(tenantId, 'anon-me');
    const counts = await store.activity.countByType(tenantId);
    expect(counts['joined']).toBe(1);
    // The raw check that nothing still names the person.
    const rows = await handle.db.execute(
      sql`select count(*)::int as n from activity_events where tenant_id = ${tenantId} and person_id = 'anon-me'
        union all select count(*)::int from consents where tenant_id = ${tenantId} and person_id = 'anon-me'`,
    );
    expect(rowsOf<{ n: number }>(rows).map((r) => Number(r.n))).toEqual([0, 0]);
  });
});
