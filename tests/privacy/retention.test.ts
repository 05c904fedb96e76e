import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';
import type { Dashboard } from '../../src/contracts/dashboard';
import { createClickRetentionStore } from '../../src/db/click-retention-store';
import { rowsOf } from '../../src/db/database';
import { createGamificationStore } from '../../src/db/gamification-store';
import { createPersonalDataReader } from '../../src/db/privacy-store';
import { createSharingStore } from '../../src/db/sharing-store';
import { createStatsStore } from '../../src/db/stats-store';
import { addDays } from '../../src/domain/kpi';
import { systemClock } from '../../src/ports/clock';
import { retainClicks } from '../../src/services/retain-clicks';
import { rollUpStats } from '../../src/services/roll-up-stats';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { employees, joinAs, personWithTitle } from '../support/sharing';
import { insertClicks, insertShare } from '../cockpit/dashboard-fixtures';

// Raw clicks older than CLICK_RETENTION_DAYS are counted per link and day into click_days and then
// deleted, but only for days already rolled up. Every figure built on clicks must read the same
// before and after: the ambassador's impact, an item's stats, the dashboard, gamification's points and
// the personal data export.

const RETENTION_DAYS = 40;

describe('the click retention job', () => {
  let app: TestChorus;
  const [anna, bo] = employees(2);
  let annaToken = '';
  let comms = '';
  let itemA = '';
  let itemB = '';
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  /** Noon UTC `n` days ago (today: a minute ago at the latest, so never in the future). */
  const daysAgo = (n: number) =>
    n === 0
      ? new Date(Math.max(now - 60_000, Date.parse(`${today}T00:00:00Z`)))
      : new Date(Date.parse(`${addDays(today, -n)}T12:00:00Z`));
  const cutOff = addDays(today, -RETENTION_DAYS);

  const retain = () =>
    retainClicks(
      { retention: createClickRetentionStore(app.database.db), clock: systemClock },
      { tenantId: app.tenantId, retentionDays: app.config.clickRetentionDays, batchSize: 2 },
    );
  const rawDays = async () =>
    rowsOf<{ day: string; n: number }>(
      await app.database.db.execute(sql`
        select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n from click_events
        where tenant_id = ${app.tenantId} group by 1 order by 1`),
    );
  const clickDays = async () =>
    rowsOf<{ day: string; code: string; clicks: number; unique_clicks: number }>(
      await app.database.db.execute(sql`
        select day::text, code, clicks, unique_clicks from click_days
        where tenant_id = ${app.tenantId} order by day, code`),
    );
  const getJson = async <T>(path: string, token: string) => {
    const res = await app.api(path, { token });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  /** Every figure built on clicks (the dashboard separately: it changes when days are rolled up). */
  const figures = async () => {
    const gamification = createGamificationStore(app.database.db);
    const facts = await gamification.memberFacts(app.tenantId, new Date());
    const exported = await createPersonalDataReader(app.database.db).collect(app.tenantId, anna!.id);
    return {
      impact365: await getJson(`/api/me/impact?days=365`, annaToken),
      impact90: await getJson(`/api/me/impact?days=90`, annaToken),
      impact30: await getJson(`/api/me/impact?days=30`, annaToken),
      itemA: await getJson(`/api/content/${itemA}/stats`, comms),
      itemB: await getJson(`/api/content/${itemB}/stats`, comms),
      points: Object.fromEntries(facts.map((f) => [f.personId, f.clicks])),
      exported: exported['clicksPerLinkAndDay'],
    };
  };
  const dashboard = async () => {
    const d = await getJson<Dashboard>('/api/admin/dashboard?days=90', comms);
    return { ...d, rolledUpThrough: null, recentAsOf: null };
  };

  let before: Awaited<ReturnType<typeof figures>>;

  beforeAll(async () => {
    app = await startTestChorus({ CLICK_RETENTION_DAYS: String(RETENTION_DAYS) });
    annaToken = await joinAs(app, anna!.id);
    await joinAs(app, bo!.id);
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
    const db = app.database.db;
    const t = app.tenantId;
    itemA = await insertItem(db, t, { title: 'Havvind' });
    itemB = await insertItem(db, t, { title: 'Solceller' });
    const link = async (personId: string, itemId: string, network: string, at: Date) => ({
      code: (await insertShare(db, t, { personId, itemId, network, at })).code,
      itemId,
      personId,
      network,
    });
    const annaA = await link(anna!.id, itemA, 'linkedin', daysAgo(100));
    const annaAx = await link(anna!.id, itemA, 'x', daysAgo(60));
    const annaB = await link(anna!.id, itemB, 'linkedin', daysAgo(60));
    const boB = await link(bo!.id, itemB, 'linkedin', daysAgo(100));
    // Visitor keys are salted per day, so a key never recurs on another day; within a day it repeats.
    await insertClicks(db, t, annaA, [
      { visitor: 'v1', at: daysAgo(100) },
      { visitor: 'v1', at: daysAgo(100) },
      { visitor: 'v2', at: daysAgo(100) },
      { visitor: 'v6', at: daysAgo(RETENTION_DAYS + 1) },
      { visitor: 'v7', at: daysAgo(RETENTION_DAYS) },
      { visitor: 'v7', at: daysAgo(RETENTION_DAYS) },
      { visitor: 'v8', at: daysAgo(10) },
      { visitor: 'v9', at: daysAgo(0) },
    ]);
    await insertClicks(db, t, annaAx, [{ visitor: 'v3', at: daysAgo(60) }]);
    await insertClicks(db, t, annaB, [
      { visitor: 'v4', at: daysAgo(60) },
      { visitor: 'v5', at: daysAgo(60) },
    ]);
    await insertClicks(db, t, boB, [
      { visitor: 'w1', at: daysAgo(100) },
      { visitor: 'w2', at: daysAgo(10) },
    ]);
    before = await figures();
  });
  afterAll(() => app.close());

  it('reads its period from CLICK_RETENTION_DAYS and the fixture counts what it should', () => {
    expect(app.config.clickRetentionDays).toBe(RETENTION_DAYS);
    expect(before.impact365).toMatchObject({ totals: { clicks: 11, uniqueClicks: 9 } });
    expect(before.points).toEqual({ [anna!.id]: 11, [bo!.id]: 2 });
  });

  it('deletes nothing while nothing is rolled up', async () => {
    expect(await retain()).toEqual({ cutOff, days: 0, deleted: 0, rawClicksFrom: null });
    expect((await rawDays()).reduce((n, d) => n + d.n, 0)).toBe(13);
    expect(await clickDays()).toEqual([]);
  });

  it('retires only rolled-up days, even when older days wait for the roll-up', async () => {
    const stats = createStatsStore(app.database.db);
    await stats.rollUpDays(app.tenantId, addDays(today, -100), addDays(today, -100));
    const result = await retain();
    expect(result).toMatchObject({ deleted: 4, rawClicksFrom: addDays(today, -99) });
    // 60 and 41 days ago are past the retention period but not rolled up: their raw rows stay.
    expect(await rawDays()).toEqual([
      { day: addDays(today, -60), n: 3 },
      { day: addDays(today, -(RETENTION_DAYS + 1)), n: 1 },
      { day: cutOff, n: 2 },
      { day: addDays(today, -10), n: 2 },
      { day: today, n: 1 },
    ]);
    expect((await clickDays()).map((d) => [d.day, d.clicks, d.unique_clicks])).toEqual(
      expect.arrayContaining([
        [addDays(today, -100), 3, 2],
        [addDays(today, -100), 1, 1],
      ]),
    );
    expect(await figures()).toEqual(before);
  });

  it('as the daily job after the roll-up: old raw rows go, recent ones stay, every figure is the same', async () => {
    // The roll-up job (queued at startup) rolls every closed day up; the dashboard is then read from it.
    await app.worker.drain();
    expect(await createStatsStore(app.database.db).rolledThrough(app.tenantId)).toBe(addDays(today, -1));
    const dashboardBefore = await dashboard();
    // The 90 days: 60, 41, 40 and 10 days ago and today (not 100 days ago).
    expect(dashboardBefore.kpis.find((k) => k.key === 'clicks')?.value).toBe(9);

    // The job is queued for 00:30 UTC: due now. A second instance running the same at the same time
    // must not count any day twice.
    await app.database.db.execute(sql`
      update jobs set run_at = now() where tenant_id = ${app.tenantId} and kind = 'clicks.retention' and status = 'queued'`);
    const [ran, other] = await Promise.all([app.worker.drain(), retain()]);
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(other.cutOff).toBe(cutOff);
    const job = rowsOf<{ status: string }>(
      await app.database.db.execute(
        sql`select status from jobs where tenant_id = ${app.tenantId} and kind = 'clicks.retention' and status <> 'queued'`,
      ),
    );
    expect(job).toEqual([{ status: 'done' }]);

    expect(await rawDays()).toEqual([
      { day: cutOff, n: 2 },
      { day: addDays(today, -10), n: 2 },
      { day: today, n: 1 },
    ]);
    expect(await createClickRetentionStore(app.database.db).rawClicksFrom(app.tenantId)).toBe(cutOff);
    const retired = await clickDays();
    expect(retired.reduce((n, d) => n + d.clicks, 0)).toBe(8);
    expect(retired.every((d) => d.day < cutOff)).toBe(true);

    expect(await figures()).toEqual(before);
    expect(await dashboard()).toEqual(dashboardBefore);
  });

  it('is a no-op when run again, and a re-run roll-up keeps the retired days', async () => {
    const retired = await clickDays();
    const dashboardBefore = await dashboard();
    expect(await retain()).toEqual({ cutOff, days: 0, deleted: 0, rawClicksFrom: cutOff });
    expect(await clickDays()).toEqual(retired);
    expect((await rawDays()).reduce((n, d) => n + d.n, 0)).toBe(5);

    // Rolling the old days up again must not wipe their clicks (their raw rows are gone).
    await rollUpStats(
      { stats: createStatsStore(app.database.db), clock: systemClock },
      { tenantId: app.tenantId, from: addDays(today, -100) },
    );
    const total60 = rowsOf<{ clicks: number }>(
      await app.database.db.execute(sql`
        select clicks from daily_stats where tenant_id = ${app.tenantId} and dim = 'total'
          and day = ${addDays(today, -60)}::date`),
    );
    expect(total60).toEqual([{ clicks: 3 }]);
    expect(await dashboard()).toEqual(dashboardBefore);
    expect(await figures()).toEqual(before);
  });

  it('anonymises the retired days of a person who leaves', async () => {
    await createSharingStore(app.database.db).anonymise(app.tenantId, bo!.id);
    const left = rowsOf<{ n: number }>(
      await app.database.db.execute(sql`
        select count(*)::int as n from click_days where tenant_id = ${app.tenantId} and person_id = ${bo!.id}`),
    );
    expect(left).toEqual([{ n: 0 }]);
    expect((await clickDays()).reduce((n, d) => n + d.clicks, 0)).toBe(8);
  });
});

describe('CLICK_RETENTION_DAYS', () => {
  const problems = (value: string) => {
    try {
      loadConfig({ CLICK_RETENTION_DAYS: value }, '/srv/chorus');
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    throw new Error('expected a ConfigError');
  };

  it('defaults to 395 days (a year and a month)', () => {
    expect(loadConfig({}, '/srv/chorus').clickRetentionDays).toBe(395);
    expect(loadConfig({ CLICK_RETENTION_DAYS: '90' }, '/srv/chorus').clickRetentionDays).toBe(90);
  });

  it('names the variable and the fix for a bad value', () => {
    expect(problems('7')).toEqual([
      'CLICK_RETENTION_DAYS: must be at least 35 days: the weekly digest and a month of impact read raw clicks',
    ]);
    expect(problems('a year')).toEqual(['CLICK_RETENTION_DAYS: must be a number of days, e.g. 395']);
    expect(problems('90.5')).toEqual(['CLICK_RETENTION_DAYS: must be a whole number of days']);
    expect(problems('99999')).toEqual(['CLICK_RETENTION_DAYS: must be at most 3650 days (ten years)']);
  });

  it('fails startup with a clear message', async () => {
    await expect(startTestChorus({ CLICK_RETENTION_DAYS: '10' })).rejects.toThrow(
      /Chorus cannot start[\s\S]*CLICK_RETENTION_DAYS: must be at least 35 days/,
    );
  });
});
