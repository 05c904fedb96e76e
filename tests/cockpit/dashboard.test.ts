import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Kpi } from '../../src/contracts/dashboard';
import { rowsOf } from '../../src/db/database';
import { contentItems, dailyStats, memberActivityMonths } from '../../src/db/schema';
import { lastClosedDay } from '../../src/services/roll-up-stats';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { personWithTitle } from '../support/sharing';
import {
  canvasWith,
  insertCanvas,
  insertClicks,
  insertConversion,
  insertEvent,
  insertMember,
  insertShare,
  insertSparring,
  noon,
  peopleOfDepartment,
} from './dashboard-fixtures';

// A small tenant where every number is known. The period is the 7 days ending 2026-03-30
// (2026-03-24 … 03-30); the previous period is 03-17 … 03-23. The app's clock is the real one (sign-in
// sessions need it), so every closed day up to yesterday is rolled up.
//
// Members: P1–P5 in one department (X), P6–P8 in another (Y). All joined 2026-01-01 except P7
// (joined 03-25). Stated network sizes: P1 1000, P2 500, P3 200, P4 300, P5 100, P6 400.
// Current period: P1 shares A on linkedin (03-25; 10 reactions, 2 comments), P2 A on x (03-26),
//   P3 J (jobs) on linkedin (03-27), P4 A on linkedin (03-28; 5 reactions), P5 J on linkedin (03-29).
//   P6 reports an own post (03-26); P7 asks for sparring (03-30); P8 does nothing.
//   Clicks: P1's A link 3 clicks by 2 visitors on 03-25 and 1 on 03-26 (4 clicks, 3 unique);
//   P3's J link 2 clicks by 1 visitor (03-27); P5's J link 1 click (03-30).
//   Conversions: 2 applications (one through P3's J link), 1 conversion.
//   Network sizes changed: P1 +100 (03-25), P2 −50 (03-26).
// Previous period: P1 A linkedin (03-18, 2 clicks by 2 visitors), P2 A x (03-19; 7 reactions),
//   P3 J linkedin (03-20), P6 A linkedin (03-21): 4 sharers. 1 application. P3 +20 (03-20).
// Canvas: monthly targets shares 60, clicks 300, followers 30, applications 6, jobInteractions 90;
// organic reach rate 0.1.

const END = '2026-03-30';

describe('the program dashboard', () => {
  let app: TestChorus;
  let comms = '';
  let itemA = '';
  let itemJ = '';
  const x = peopleOfDepartment(5);
  const y = peopleOfDepartment(3, [x[0]!.department!]);
  const [p1, p2, p3, p4, p5] = x.map((p) => p.id) as [string, string, string, string, string];
  const [p6, p7, p8] = y.map((p) => p.id) as [string, string, string];
  const shareIds: Record<string, string> = {};

  /** member_activity_months says what the 'person' rows of daily_stats say, month by month. */
  async function expectSummaryMatchesRollUps() {
    const mismatches = await app.database.db.execute(sql`
      with d as (
        select key, date_trunc('month', day)::date as month, sum(shares)::int as shares, sum(clicks)::int as clicks,
          sum(case when shares > 0 then 1 << (extract(day from day)::int - 1) else 0 end)::int as bits
        from daily_stats where tenant_id = ${app.tenantId} and dim = 'person' group by 1, 2
      ),
      a as (
        select person_id as key, month, shares_cum[31] as shares, clicks_cum[31] as clicks, shared_days as bits
        from member_activity_months where tenant_id = ${app.tenantId}
      )
      select * from d full join a using (key, month)
      where d.shares is distinct from a.shares or d.clicks is distinct from a.clicks or d.bits is distinct from a.bits`);
    expect(rowsOf(mismatches)).toEqual([]);
  }

  const dashboard = async (query = `?days=7&end=${END}`) => {
    const res = await app.api(`/api/admin/dashboard${query}`, { token: comms });
    expect(res.status).toBe(200);
    return (await res.json()) as Dashboard;
  };
  const kpi = (d: Dashboard, key: Kpi['key']) => d.kpis.find((k) => k.key === key)!;

  beforeAll(async () => {
    app = await startTestChorus();
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
    const db = app.database.db;
    const t = app.tenantId;
    itemA = await insertItem(db, t, { title: 'Havvind' });
    itemJ = await insertItem(db, t, { title: 'Vi søger montører' });
    await db
      .update(contentItems)
      .set({ topic: 'jobs' })
      .where(and(eq(contentItems.tenantId, t), eq(contentItems.id, itemJ)));

    const jan = new Date('2026-01-01T09:00:00Z');
    const sizes: Record<string, number | null> = {
      [p1]: 1000,
      [p2]: 500,
      [p3]: 200,
      [p4]: 300,
      [p5]: 100,
      [p6]: 400,
    };
    for (const id of [p1, p2, p3, p4, p5, p6, p8]) {
      await insertMember(db, t, id, {
        joinedAt: jan,
        networkSize: sizes[id] ?? null,
        showOnLeaderboard: id === p1 || id === p3,
      });
    }
    await insertMember(db, t, p7, { joinedAt: noon('2026-03-25') });

    // Current period.
    const s1 = await insertShare(db, t, {
      personId: p1,
      itemId: itemA,
      network: 'linkedin',
      at: noon('2026-03-25', 8),
      reactions: 10,
      comments: 2,
    });
    await insertShare(db, t, { personId: p2, itemId: itemA, network: 'x', at: noon('2026-03-26') });
    const s3 = await insertShare(db, t, {
      personId: p3,
      itemId: itemJ,
      network: 'linkedin',
      at: noon('2026-03-27'),
    });
    const s4 = await insertShare(db, t, {
      personId: p4,
      itemId: itemA,
      network: 'linkedin',
      at: noon('2026-03-28'),
      reactions: 5,
    });
    const s5 = await insertShare(db, t, {
      personId: p5,
      itemId: itemJ,
      network: 'linkedin',
      at: noon('2026-03-29'),
    });
    shareIds['p4'] = s4.id;
    await insertEvent(db, t, p6, 'own_post_reported', noon('2026-03-26'));
    await insertSparring(db, t, p7, noon('2026-03-30', 9));
    const l1 = { code: s1.code, itemId: itemA, personId: p1, network: 'linkedin' };
    await insertClicks(db, t, l1, [
      { visitor: 'v1', at: noon('2026-03-25', 9) },
      { visitor: 'v1', at: noon('2026-03-25', 10) },
      { visitor: 'v2', at: noon('2026-03-25', 11) },
      { visitor: 'v1', at: noon('2026-03-26', 9) },
    ]);
    await insertClicks(db, t, { code: s3.code, itemId: itemJ, personId: p3, network: 'linkedin' }, [
      { visitor: 'v3', at: noon('2026-03-27', 13) },
      { visitor: 'v3', at: noon('2026-03-27', 14) },
    ]);
    await insertClicks(db, t, { code: s5.code, itemId: itemJ, personId: p5, network: 'linkedin' }, [
      { visitor: 'v4', at: noon('2026-03-30', 8) },
    ]);
    await insertConversion(db, t, {
      kind: 'application',
      at: noon('2026-03-28'),
      itemId: itemJ,
      personId: p3,
      network: 'linkedin',
      code: s3.code,
    });
    await insertConversion(db, t, { kind: 'application', at: noon('2026-03-29') });
    await insertConversion(db, t, { kind: 'conversion', at: noon('2026-03-24', 1) });
    await insertEvent(db, t, p1, 'network_size_changed', noon('2026-03-25'), { delta: 100 });
    await insertEvent(db, t, p2, 'network_size_changed', noon('2026-03-26'), { delta: -50 });

    // Previous period (P1's share reuses its tracked link, as the share flow does).
    await insertShare(db, t, { personId: p1, itemId: itemA, network: 'linkedin', at: noon('2026-03-18') });
    await insertClicks(db, t, l1, [
      { visitor: 'v8', at: noon('2026-03-18', 13) },
      { visitor: 'v9', at: noon('2026-03-18', 14) },
    ]);
    await insertShare(db, t, {
      personId: p2,
      itemId: itemA,
      network: 'x',
      at: noon('2026-03-19'),
      reactions: 7,
    });
    await insertShare(db, t, { personId: p3, itemId: itemJ, network: 'linkedin', at: noon('2026-03-20') });
    await insertShare(db, t, { personId: p6, itemId: itemA, network: 'linkedin', at: noon('2026-03-21') });
    await insertConversion(db, t, { kind: 'application', at: noon('2026-03-22') });
    await insertEvent(db, t, p3, 'network_size_changed', noon('2026-03-20'), { delta: 20 });
    // Outside both periods: counts nowhere.
    await insertShare(db, t, { personId: p4, itemId: itemA, network: 'x', at: noon('2026-03-16') });
    await insertConversion(db, t, { kind: 'conversion', at: noon('2026-03-31', 1) });

    await insertCanvas(
      db,
      t,
      canvasWith(
        {
          period: 'month',
          result: { shares: 60, clicks: 300, reactions: null, followers: 30 },
          effect: { applications: 6, conversions: null, jobInteractions: 90 },
        },
        0.1,
      ),
    );
  });
  afterAll(() => app.close());

  it('counts every KPI by its definition, for the period and the one before, with scaled targets', async () => {
    const d = await dashboard();
    expect(d.period).toEqual({
      from: '2026-03-24',
      to: END,
      previousFrom: '2026-03-17',
      previousTo: '2026-03-23',
      days: 7,
    });
    const figures = Object.fromEntries(
      d.kpis.map((k) => [k.key, [k.value, k.previous, k.target, k.goal, k.unit]]),
    );
    expect(figures).toEqual({
      // 7 members active now (5 sharers, P6's own post, P7's sparring); 4 before: hidden.
      activeAmbassadors: [7, null, null, null, 'count'],
      // 7 of the 8 members enrolled by 03-30 were active in 03-01 … 03-30. Before: in 02-22 … 03-23,
      // P1, P2, P3, P6 and P4 (its 03-16 share) were active, of the 7 enrolled by 03-23 (not P7).
      adoptionRate: [7 / 8, 5 / 7, null, null, 'ratio'],
      shareRate: [5 / 7, null, null, null, 'ratio'],
      shares: [5, 4, 14, 'result', 'count'],
      clicks: [7, 2, 70, 'result', 'count'],
      uniqueClicks: [5, 2, null, null, 'count'],
      // (1000 + 500 + 200 + 300 + 100) × 0.1; before, four sharers stated a size: hidden.
      estimatedReach: [210, null, null, null, 'count'],
      reactions: [15, 7, null, 'result', 'count'],
      comments: [2, 0, null, null, 'count'],
      followers: [100, 20, 7, 'result', 'count'],
      applications: [2, 1, 1, 'effect', 'count'],
      conversions: [1, 0, null, 'effect', 'count'],
      jobInteractions: [3, 0, 21, 'effect', 'count'],
    });
  });

  it('lists top content, networks, departments (five or more members) and opted-in contributors', async () => {
    const d = await dashboard();
    expect(d.topContent).toEqual([
      { itemId: itemA, title: 'Havvind', shares: 3, clicks: 4, uniqueClicks: 3, conversions: 0 },
      { itemId: itemJ, title: 'Vi søger montører', shares: 2, clicks: 3, uniqueClicks: 2, conversions: 1 },
    ]);
    expect(d.networks).toEqual([
      { network: 'linkedin', shares: 4, clicks: 7 },
      { network: 'x', shares: 1, clicks: 0 },
    ]);
    expect(d.topDepartments).toEqual([
      { department: x[0]!.department, ambassadors: 5, shares: 5, clicks: 7 },
    ]);
    expect(d.hiddenDepartments).toBe(1);
    expect(d.topContributors).toEqual([
      { name: x[0]!.displayName, department: x[0]!.department, shares: 1, clicks: 4 },
      { name: x[2]!.displayName, department: x[2]!.department, shares: 1, clicks: 2 },
    ]);
    const names = JSON.stringify(d);
    for (const hidden of [x[1]!, x[3]!, x[4]!, ...y]) expect(names).not.toContain(hidden.displayName);
  });

  it('gives one zero-filled point per day; a day with fewer than five sharers hides its count', async () => {
    const d = await dashboard();
    expect(d.daily.map((p) => p.day)).toEqual([
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(d.daily[0]).toEqual({
      day: '2026-03-24',
      shares: 0,
      clicks: 0,
      uniqueClicks: 0,
      activeAmbassadors: 0,
    });
    expect(d.daily[1]).toEqual({
      day: '2026-03-25',
      shares: 1,
      clicks: 3,
      uniqueClicks: 2,
      activeAmbassadors: 0,
      activeAmbassadorsHidden: true,
    });
    expect(d.daily.reduce((n, p) => n + p.clicks, 0)).toBe(7);
    expect(d.funnel.every((f) => f.count === null)).toBe(true);
  });

  it('marks today, still under way, as the partial day; a period ending earlier has none', async () => {
    const utcDay = () => new Date().toISOString().slice(0, 10);
    expect((await dashboard()).daily.filter((p) => p.partial !== undefined)).toEqual([]);

    for (const query of ['?days=7', `?days=30&end=${utcDay()}`]) {
      const before = utcDay();
      const d = await dashboard(query);
      // The server's today, whichever side of midnight (UTC) the request fell on.
      expect([before, utcDay()]).toContain(d.period.to);
      const partial = d.daily.filter((p) => p.partial !== undefined);
      expect(partial).toEqual([expect.objectContaining({ day: d.period.to, partial: true })]);
      expect(d.daily.at(-1)!.day).toBe(d.period.to);
    }
  });

  it('gives the same numbers from the roll-ups as from the raw tables, and keeps them exact', async () => {
    const before = await dashboard();
    const before30 = await dashboard(`?days=30&end=${END}`);
    expect(before.rolledUpThrough).toBeNull();
    await app.worker.drain();
    const after = await dashboard();
    expect(after.rolledUpThrough).toBe(lastClosedDay(new Date()));
    expect({ ...after, rolledUpThrough: null, recentAsOf: null }).toEqual(before);
    expect({ ...(await dashboard(`?days=30&end=${END}`)), rolledUpThrough: null, recentAsOf: null }).toEqual(
      before30,
    );
    const rows = await app.database.db
      .select()
      .from(dailyStats)
      .where(and(eq(dailyStats.tenantId, app.tenantId), eq(dailyStats.dim, 'total')));
    expect(rows.reduce((n, r) => n + r.shares, 0)).toBe(10);
    await expectSummaryMatchesRollUps();
    // Rolled up through 03-27 (3 raw days, read once for every dimension) or 03-20 (each query reads
    // its raw days): the same numbers.
    for (const through of ['2026-03-27', '2026-03-20']) {
      await app.database.db.execute(
        sql`update stats_rollups set rolled_through = ${through}, snapshot_at = null where tenant_id = ${app.tenantId}`,
      );
      expect({ ...(await dashboard()), rolledUpThrough: null, recentAsOf: null }).toEqual(before);
      expect({
        ...(await dashboard(`?days=30&end=${END}`)),
        rolledUpThrough: null,
        recentAsOf: null,
      }).toEqual(before30);
    }
    await app.worker.drain();
    // P1 shared on 03-18 and 03-25, with 2, 3 and 1 clicks on 03-18, 03-25 and 03-26.
    const [p1March] = await app.database.db
      .select()
      .from(memberActivityMonths)
      .where(and(eq(memberActivityMonths.tenantId, app.tenantId), eq(memberActivityMonths.personId, p1)));
    expect(p1March).toMatchObject({ month: '2026-03-01', sharedDays: 2 ** 17 + 2 ** 24 });
    expect(p1March!.sharesCum.slice(16, 26)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
    expect(p1March!.clicksCum.slice(16, 31)).toEqual([0, 2, 2, 2, 2, 2, 2, 2, 5, 6, 6, 6, 6, 6, 6]);

    // Re-running a day replaces it: same rows.
    await app.database.db.execute(
      sql`update stats_rollups set rolled_through = '2026-03-20' where tenant_id = ${app.tenantId}`,
    );
    await app.worker.drain();
    const countAfter = await app.database.db
      .select()
      .from(dailyStats)
      .where(and(eq(dailyStats.tenantId, app.tenantId), eq(dailyStats.dim, 'total')));
    expect(countAfter.length).toBe(rows.length);
    await expectSummaryMatchesRollUps();

    // Feedback on a rolled-up day (03-28) lands in the roll-up in the same transaction.
    const p4Token = await signInAs(app, p4);
    const res = await app.api(`/api/shares/${shareIds['p4']}`, {
      method: 'PATCH',
      token: p4Token,
      json: { reactions: 9, comments: 3 },
    });
    expect(res.status).toBe(200);
    const updated = await dashboard();
    expect(kpi(updated, 'reactions').value).toBe(19);
    expect(kpi(updated, 'comments').value).toBe(5);
  });

  it('merges a leaver’s rolled-up rows into the anonymous key; totals stay', async () => {
    const before = await dashboard();
    const token = await signInAs(app, p1);
    expect((await app.api('/api/membership', { method: 'DELETE', token })).status).toBe(204);
    const db = app.database.db;
    const mine = await db
      .select()
      .from(dailyStats)
      .where(and(eq(dailyStats.tenantId, app.tenantId), eq(dailyStats.key, p1)));
    expect(mine).toHaveLength(0);
    const anonymous = await db
      .select()
      .from(dailyStats)
      .where(
        and(eq(dailyStats.tenantId, app.tenantId), eq(dailyStats.dim, 'person'), eq(dailyStats.key, '')),
      );
    expect(anonymous.reduce((n, r) => n + r.clicks, 0)).toBeGreaterThanOrEqual(5);
    // The monthly activity summary follows: nothing under P1's id, their days under ''.
    const summary = await db
      .select()
      .from(memberActivityMonths)
      .where(eq(memberActivityMonths.tenantId, app.tenantId));
    expect(summary.filter((r) => r.personId === p1)).toHaveLength(0);
    expect(summary.some((r) => r.personId === '')).toBe(true);
    await expectSummaryMatchesRollUps();
    const after = await dashboard();
    for (const key of ['shares', 'clicks', 'uniqueClicks', 'reactions', 'comments'] as const) {
      expect(kpi(after, key).value).toBe(kpi(before, key).value);
    }
    // P1 was a member who shared: now 6 active, 4 sharers (hidden), and no longer named.
    expect(kpi(after, 'activeAmbassadors').value).toBe(6);
    expect(kpi(after, 'shareRate').value).toBeNull();
    expect(after.topContributors.map((c) => c.name)).toEqual([x[2]!.displayName]);
  });

  it('is for comms only, and names bad input', async () => {
    const member = await signInAs(app, p2);
    expect((await app.api('/api/admin/dashboard', { token: member })).status).toBe(403);
    const bad = await app.api('/api/admin/dashboard?days=14&end=2026-13-01', {
      token: comms,
      headers: { 'accept-language': 'da' },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems).toEqual([{ field: 'query.days', message: 'vælg 7, 30 eller 90 dage' }]);
    const future = await app.api('/api/admin/dashboard?days=7&end=2099-01-01', { token: comms });
    expect(future.status).toBe(400);
    const notADay = await app.api('/api/admin/dashboard?days=7&end=2026-02-30', { token: comms });
    expect(
      ((await notADay.json()) as { error: { problems: { field: string }[] } }).error.problems[0]!.field,
    ).toBe('end');
  });
});
