import http from 'node:http';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickEvents, shares, trackedLinks } from '../../src/db/schema';
import { dayRange } from '../../src/domain/sharing';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { BROWSER_UA, codeOf, employees, joinAs, personWithTitle } from '../support/sharing';

interface Counts {
  shares: number;
  clicks: number;
  uniqueClicks: number;
}
interface Impact {
  days: number;
  totals: Counts & { reactions: number; comments: number };
  byItem: (Counts & { itemId: string; title: string })[];
  byNetwork: (Counts & { network: string })[];
  daily: { date: string; shares: number; clicks: number }[];
}
interface ItemStats extends Counts {
  itemId: string;
  byNetwork: (Counts & { network: string })[];
}

const DAY = 86_400_000;

describe('My impact, item stats, and leaving the program', () => {
  let app: TestChorus;
  // The app's clock, moved by the test: shares and clicks land on the days the chart shows.
  const today = new Date();
  let now = today;
  const [anna, bo] = employees(2, 10);
  let tokenA = '';
  let tokenB = '';
  let tokenComms = '';
  let tokenApprover = '';
  let windItem = '';
  let jobsItem = '';
  let windCode = '';

  const visit = (code: string, userAgent = BROWSER_UA) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(`${app.url}/r/${code}`, { headers: { 'user-agent': userAgent } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        })
        .on('error', reject);
    });
  const share = async (token: string, itemId: string, network: string, text = 'Se her') => {
    const prepared = (await (
      await app.api(`/api/library/${itemId}/share`, { method: 'POST', token, json: { network } })
    ).json()) as { shareId: string; trackedUrl: string };
    const res = await app.api(`/api/shares/${prepared.shareId}/complete`, {
      method: 'POST',
      token,
      json: { text, via: 'intent' },
    });
    expect(res.status).toBe(200);
    return { shareId: prepared.shareId, code: codeOf(prepared.trackedUrl) };
  };
  const impact = async (token: string, query = '') => {
    const res = await app.api(`/api/me/impact${query}`, { token });
    expect(res.status).toBe(200);
    return (await res.json()) as Impact;
  };
  const stats = async (token: string, itemId: string) => {
    const res = await app.api(`/api/content/${itemId}/stats`, { token });
    expect(res.status).toBe(200);
    return (await res.json()) as ItemStats;
  };

  beforeAll(async () => {
    app = await startTestChorus({}, { clock: { now: () => now } });
    tokenA = await joinAs(app, anna!.id);
    tokenB = await joinAs(app, bo!.id);
    tokenComms = await signInAs(app, personWithTitle('Head of Communication').id);
    tokenApprover = await signInAs(app, personWithTitle('HR Director').id);
    windItem = await insertItem(app.database.db, app.tenantId, { title: 'Havvind' });
    jobsItem = await insertItem(app.database.db, app.tenantId, {
      title: 'Vi søger montører',
      language: 'en',
      captions: { en: ['We are hiring'] },
    });

    // Two days ago: Anna shares the wind item on LinkedIn; three clicks from two visitors, one crawler.
    now = new Date(today.getTime() - 2 * DAY);
    const wind = await share(tokenA, windItem, 'linkedin');
    windCode = wind.code;
    await visit(windCode);
    await visit(windCode);
    await visit(windCode, `${BROWSER_UA} Firefox/128.0`);
    await visit(windCode, 'LinkedInBot/1.0');
    // Today: Anna shares the jobs item on X (one click), Bo shares the wind item on X (two clicks).
    now = today;
    const jobs = await share(tokenA, jobsItem, 'x');
    await visit(jobs.code);
    const boWind = await share(tokenB, windItem, 'x');
    await visit(boWind.code);
    await visit(boWind.code, `${BROWSER_UA} other`);
    await app.api(`/api/shares/${wind.shareId}`, {
      method: 'PATCH',
      token: tokenA,
      json: { reactions: 40, comments: 6 },
    });
    await app.api(`/api/shares/${jobs.shareId}`, { method: 'PATCH', token: tokenA, json: { reactions: 2 } });
  });
  afterAll(() => app.close());

  it('shows an ambassador their own shares, clicks and unique clicks per item, network and day', async () => {
    const mine = await impact(tokenA, '?days=7');
    expect(mine.days).toBe(7);
    expect(mine.totals).toEqual({ shares: 2, clicks: 4, uniqueClicks: 3, reactions: 42, comments: 6 });
    expect(mine.byItem).toEqual([
      { itemId: windItem, title: 'Havvind', shares: 1, clicks: 3, uniqueClicks: 2 },
      { itemId: jobsItem, title: 'Vi søger montører', shares: 1, clicks: 1, uniqueClicks: 1 },
    ]);
    expect(mine.byNetwork).toEqual([
      { network: 'linkedin', shares: 1, clicks: 3, uniqueClicks: 2 },
      { network: 'x', shares: 1, clicks: 1, uniqueClicks: 1 },
    ]);
    expect(mine.daily.map((d) => d.date)).toEqual(dayRange(today, 7));
    const byDate = new Map(mine.daily.map((d) => [d.date, d]));
    expect(byDate.get(dayRange(today, 3)[0]!)).toMatchObject({ shares: 1, clicks: 3 });
    expect(byDate.get(dayRange(today, 1)[0]!)).toMatchObject({ shares: 1, clicks: 1 });
    expect(mine.daily.reduce((n, d) => n + d.clicks, 0)).toBe(4);
  });

  it('narrows to the days asked for, defaulting to 30', async () => {
    const todayOnly = await impact(tokenA, '?days=1');
    expect(todayOnly.totals).toMatchObject({ shares: 1, clicks: 1, uniqueClicks: 1, reactions: 2 });
    expect(todayOnly.daily).toHaveLength(1);
    expect((await impact(tokenA)).daily).toHaveLength(30);
    expect((await app.api('/api/me/impact?days=0', { token: tokenA })).status).toBe(400);
    expect((await app.api('/api/me/impact?days=366', { token: tokenA })).status).toBe(400);
  });

  it("is private: nobody gets another person's impact, not even by asking for it", async () => {
    const bos = await impact(tokenB, `?days=7&personId=${anna!.id}`);
    expect(bos.totals).toMatchObject({ shares: 1, clicks: 2, uniqueClicks: 2 });
    expect(bos.byItem.map((i) => i.itemId)).toEqual([windItem]);
    const comms = await impact(tokenComms, `?days=7&personId=${anna!.id}`);
    expect(comms.totals).toMatchObject({ shares: 0, clicks: 0 });
    const impactRoutes = app.server.routes.filter((r) => r.url.includes('impact'));
    expect(impactRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/me/impact']);
  });

  it('gives comms and approvers aggregate stats per item, and no one else', async () => {
    const expected: ItemStats = {
      itemId: windItem,
      shares: 2,
      clicks: 5,
      // The same browser two days ago and today is two visitors: the key's salt rotates daily.
      uniqueClicks: 4,
      byNetwork: [
        { network: 'linkedin', shares: 1, clicks: 3, uniqueClicks: 2 },
        { network: 'x', shares: 1, clicks: 2, uniqueClicks: 2 },
      ],
    };
    expect(await stats(tokenComms, windItem)).toEqual(expected);
    expect(await stats(tokenApprover, windItem)).toEqual(expected);
    expect(JSON.stringify(expected)).not.toContain(anna!.id);
    expect((await app.api(`/api/content/${windItem}/stats`, { token: tokenA })).status).toBe(403);
    expect((await app.api('/api/content/no-such-item/stats', { token: tokenComms })).status).toBe(404);
  });

  it('anonymises the person’s links, shares and clicks when they leave; aggregates and the link survive', async () => {
    const before = await stats(tokenComms, windItem);
    expect((await app.api('/api/membership', { method: 'DELETE', token: tokenA })).status).toBe(204);

    const db = app.database.db;
    for (const table of [trackedLinks, shares, clickEvents]) {
      const rows = await db
        .select()
        .from(table)
        .where(and(eq(table.tenantId, app.tenantId), eq(table.personId, anna!.id)));
      expect(rows).toHaveLength(0);
    }
    const mine = await impact(tokenA, '?days=7');
    expect(mine.totals).toEqual({ shares: 0, clicks: 0, uniqueClicks: 0, reactions: 0, comments: 0 });
    expect(mine.byItem).toEqual([]);
    expect(await stats(tokenComms, windItem)).toEqual(before);

    // The link already posted keeps working, and its clicks still count for the item, for nobody.
    expect(await visit(windCode, `${BROWSER_UA} after`)).toBe(302);
    const after = await stats(tokenComms, windItem);
    expect(after.clicks).toBe(before.clicks + 1);
    const click = await db
      .select({ personId: clickEvents.personId })
      .from(clickEvents)
      .where(and(eq(clickEvents.tenantId, app.tenantId), eq(clickEvents.code, windCode)));
    expect(click.every((c) => c.personId === null)).toBe(true);
    // Bo's numbers are untouched.
    expect((await impact(tokenB, '?days=7')).totals).toMatchObject({ shares: 1, clicks: 2 });
  });
});
