import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/contracts/dashboard';
import { rowsOf } from '../../src/db/database';
import { createStatsStore, SNAPSHOT_FRESH_MS } from '../../src/db/stats-store';
import { systemClock } from '../../src/ports/clock';
import { snapshotRecentStats } from '../../src/services/roll-up-stats';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { personWithTitle } from '../support/sharing';
import { insertClicks, insertMember, insertShare, peopleOfDepartment } from './dashboard-fixtures';

// Today's figures come from a snapshot the job takes every minute, so no dashboard reads today's raw
// clicks. It must say what the raw rows said at its moment, say when that was, and give way to the
// raw rows when it is stale (the jobs are not running).

const DAY = 86_400_000;
const strip = (d: Dashboard) => ({ ...d, rolledUpThrough: null, recentAsOf: null });

describe('the dashboard’s snapshot of today', () => {
  let app: TestChorus;
  let comms = '';
  let link = { code: '', itemId: '', personId: '', network: 'linkedin' };
  const people = peopleOfDepartment(6).map((p) => p.id);
  const now = Date.now();
  // Well inside today (UTC) and before now, whatever the time of day the test runs.
  const today = new Date(
    Math.max(
      now - 60_000,
      Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()),
    ),
  );

  const dashboard = async () => {
    const res = await app.api('/api/admin/dashboard?days=7', { token: comms });
    expect(res.status).toBe(200);
    return (await res.json()) as Dashboard;
  };
  const todayOf = (d: Dashboard) => d.daily.find((p) => p.day === today.toISOString().slice(0, 10))!;
  const snapshot = () =>
    snapshotRecentStats(
      { stats: createStatsStore(app.database.db), clock: systemClock },
      { tenantId: app.tenantId },
    );

  beforeAll(async () => {
    app = await startTestChorus();
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
    const db = app.database.db;
    const t = app.tenantId;
    const itemId = await insertItem(db, t, { title: 'Havvind' });
    for (const id of people)
      await insertMember(db, t, id, { joinedAt: new Date(now - 30 * DAY), networkSize: 300 });
    // Three days ago and today: six sharers, clicks from two visitors today (one of them twice).
    for (const [i, id] of people.entries()) {
      await insertShare(db, t, {
        personId: id,
        itemId,
        network: 'linkedin',
        at: new Date(now - 3 * DAY - i * 1000),
      });
    }
    const first = await insertShare(db, t, { personId: people[0]!, itemId, network: 'x', at: today });
    link = { code: first.code, itemId, personId: people[0]!, network: 'x' };
    await insertClicks(db, t, link, [
      { visitor: 'v1', at: today },
      { visitor: 'v1', at: today },
      { visitor: 'v2', at: today },
      { visitor: 'v3', at: new Date(now - 3 * DAY) },
    ]);
  });
  afterAll(() => app.close());

  it('gives the live numbers at its moment, says when, and counts later clicks at the next one', async () => {
    const live = await dashboard();
    expect(live.recentAsOf).toBeNull();
    expect(todayOf(live)).toMatchObject({ shares: 1, clicks: 3, uniqueClicks: 2 });

    // The roll-up job rolls up every closed day, then takes the first snapshot.
    await app.worker.drain();
    const snap = await dashboard();
    expect(snap.rolledUpThrough).not.toBeNull();
    expect(snap.recentAsOf).not.toBeNull();
    expect(Date.now() - Date.parse(snap.recentAsOf!)).toBeLessThan(SNAPSHOT_FRESH_MS);
    expect(strip(snap)).toEqual(strip(live));
    const stored = rowsOf<{ clicks: number; unique_clicks: number }>(
      await app.database.db.execute(sql`
        select clicks, unique_clicks from daily_stats
        where tenant_id = ${app.tenantId} and dim = 'total' and day = ${today.toISOString().slice(0, 10)}::date`),
    );
    expect(stored).toEqual([{ clicks: 3, unique_clicks: 2 }]);

    // A click after the snapshot: not counted until the next one, which counts it once.
    await insertClicks(app.database.db, app.tenantId, link, [
      { visitor: 'v4', at: new Date(Date.now() - 1) },
    ]);
    expect(todayOf(await dashboard())).toMatchObject({ clicks: 3, uniqueClicks: 2 });
    expect(await snapshot()).not.toBeNull();
    const next = await dashboard();
    expect(todayOf(next)).toMatchObject({ clicks: 4, uniqueClicks: 3 });
    expect(Date.parse(next.recentAsOf!)).toBeGreaterThan(Date.parse(snap.recentAsOf!));
    // The period's clicks: today's four and the one three days ago.
    expect(next.kpis.find((k) => k.key === 'clicks')!.value).toBe(5);
  });

  it('gives way to the raw rows when the snapshot is stale, and the roll-ups stay untouched', async () => {
    const stale = new Date(Date.now() - SNAPSHOT_FRESH_MS - 60_000);
    await app.database.db.execute(
      sql`update stats_rollups set snapshot_at = ${stale} where tenant_id = ${app.tenantId}`,
    );
    await insertClicks(app.database.db, app.tenantId, link, [
      { visitor: 'v5', at: new Date(Date.now() - 1) },
    ]);
    const live = await dashboard();
    expect(live.recentAsOf).toBeNull();
    expect(todayOf(live)).toMatchObject({ clicks: 5, uniqueClicks: 4 });
    // Three days ago is a rolled day: the snapshot never rewrites it.
    const threeDaysAgo = new Date(now - 3 * DAY).toISOString().slice(0, 10);
    expect(live.daily.find((p) => p.day === threeDaysAgo)).toMatchObject({ shares: 6, clicks: 1 });
  });

  it('takes no snapshot before the first roll-up', async () => {
    const other = 'tenant-without-rollups';
    expect(
      await snapshotRecentStats(
        { stats: createStatsStore(app.database.db), clock: systemClock },
        { tenantId: other },
      ),
    ).toBeNull();
  });
});
