import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { ReachPrefill } from '../../src/contracts/digest';
import { memberships, programCanvas, shares } from '../../src/db/schema';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { insertItem } from '../support/content-fixtures';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { employees, joinAs, personWithTitle } from '../support/sharing';

const DAY = 24 * 60 * 60_000;
const enabledPeople = generateDemoOrg().filter((p) => p.accountEnabled).length;

async function setNetworkSize(app: TestChorus, personId: string, size: number) {
  await app.database.db
    .update(memberships)
    .set({ networkSize: size })
    .where(and(eq(memberships.tenantId, app.tenantId), eq(memberships.personId, personId)));
}

async function addShare(app: TestChorus, personId: string, itemId: string, daysAgo: number, shared = true) {
  const at = new Date(Date.now() - daysAgo * DAY);
  await app.database.db.insert(shares).values({
    tenantId: app.tenantId,
    id: randomUUID(),
    personId,
    itemId,
    network: 'linkedin',
    linkCode: randomUUID(),
    status: shared ? 'shared' : 'prepared',
    preparedAt: at,
    sharedAt: shared ? at : null,
  });
}

describe('GET /api/admin/reach: the calculator prefilled from the org’s real numbers', () => {
  let app: TestChorus;
  let comms: string;
  beforeAll(async () => {
    app = await startTestChorus();
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
  });
  afterAll(async () => {
    await app.close();
  });

  const reach = async (token = comms) => {
    const res = await app.api('/api/admin/reach', { token });
    return { status: res.status, body: (await res.json()) as ReachPrefill };
  };

  it('hides averages under five ambassadors and falls back to the stated assumptions', async () => {
    const few = employees(3, 20);
    for (const p of few) await joinAs(app, p.id);
    for (const p of few) await setNetworkSize(app, p.id, 1000);
    const { status, body } = await reach();
    expect(status).toBe(200);
    expect(body.actuals).toMatchObject({
      employees: enabledPeople,
      members: 3,
      statedNetworkSizes: 3,
      averageNetworkSize: null,
      sharesPerWeek: null,
      postsPerAmbassadorPerWeek: null,
      weeklyReach: null,
    });
    expect(body.inputs).toEqual({
      employees: enabledPeople,
      participationPercent: Math.round((3 / enabledPeople) * 100 * 100) / 100,
      averageConnections: 500,
      organicReachPercent: 5,
      postsPerWeek: 1,
    });
    expect(body.assumed).toEqual({ averageConnections: true, organicReachRate: true, postsPerWeek: true });
    expect(body.minGroupSize).toBe(5);
  });

  it('uses the real numbers once there are five or more, counting only the last four weeks’ shares', async () => {
    // Three more ambassadors (six in all) state 100…600 connections: average 350.
    const more = employees(3, 23);
    for (const p of more) await joinAs(app, p.id);
    const all = [...employees(3, 20), ...more];
    for (const [i, p] of all.entries()) await setNetworkSize(app, p.id, (i + 1) * 100);
    // The canvas says 8 % organic reach.
    await app.database.db
      .insert(programCanvas)
      .values({ tenantId: app.tenantId, canvas: { reach: { organicReachRate: 0.08 } } })
      .onConflictDoUpdate({
        target: programCanvas.tenantId,
        set: { canvas: sql`jsonb_set(${programCanvas.canvas}, '{reach}', '{"organicReachRate": 0.08}')` },
      });
    // 12 shares in the last 28 days; one older, and one only prepared, do not count.
    const item = await insertItem(app.database.db, app.tenantId);
    for (let i = 0; i < 12; i++) await addShare(app, all[i % 6]!.id, item, (i * 2) % 27);
    await addShare(app, all[0]!.id, item, 40);
    await addShare(app, all[1]!.id, item, 1, false);

    const { body } = await reach();
    // 12 shares ÷ 4 weeks = 3 a week; ÷ 6 ambassadors = 0.5 each; reach = 3 × 350 × 0.08 = 84.
    expect(body.actuals).toEqual({
      employees: enabledPeople,
      members: 6,
      statedNetworkSizes: 6,
      averageNetworkSize: 350,
      sharesPerWeek: 3,
      postsPerAmbassadorPerWeek: 0.5,
      weeklyReach: expect.closeTo(84, 8) as number,
    });
    expect(body.inputs).toEqual({
      employees: enabledPeople,
      participationPercent: Math.round((6 / enabledPeople) * 100 * 100) / 100,
      averageConnections: 350,
      organicReachPercent: 8,
      postsPerWeek: 0.5,
    });
    expect(body.assumed).toEqual({ averageConnections: false, organicReachRate: false, postsPerWeek: false });
  });

  it('is for comms only', async () => {
    const employee = await signInAs(app, employees(1, 40)[0]!.id);
    expect((await reach(employee)).status).toBe(403);
    expect((await app.api('/api/admin/reach')).status).toBe(401);
  });
});
