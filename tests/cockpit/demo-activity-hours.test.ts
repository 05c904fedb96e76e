import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database';
import { createStatsStore } from '../../src/db/stats-store';
import { seedDemoActivity } from '../../src/demo/demo-activity';
import { manualClock } from '../support/local-connector';
import { startTestChorus, type TestChorus } from '../support/chorus';

// The demo's activity comes from one seeded random sequence. Seeding it at 08:00 and at 20:00 of the
// same day must give the same rows up to 08:00: the later seed only adds what happened since.

const MORNING = Date.parse('2026-12-03T08:00:00.000Z');
const EVENING = Date.parse('2026-12-03T20:00:00.000Z');

/**
 * The shares and clicks before `before`, by what they mean (item ids differ between the two apps). The
 * recruitment demo adds a share or two of its own at fixed offsets in the last days before its clock,
 * so shares are compared up to two weeks before `before`; no other seed writes clicks.
 */
async function activityBefore(app: TestChorus, before: number) {
  const at = new Date(before);
  const sharesUntil = new Date(before - 14 * 86_400_000);
  const shares = rowsOf<Record<string, unknown>>(
    await app.database.db.execute(sql`
      select s.person_id, i.title, s.network, s.shared_at::text as shared_at, s.reactions, s.comments
      from shares s join content_items i on i.tenant_id = s.tenant_id and i.id = s.item_id
      where s.tenant_id = ${app.tenantId} and s.shared_at < ${sharesUntil}
      order by s.shared_at, s.person_id`),
  );
  const clicks = rowsOf<Record<string, unknown>>(
    await app.database.db.execute(sql`
      select c.person_id, i.title, c.network, c.visitor_key, c.at::text as at
      from click_events c join content_items i on i.tenant_id = c.tenant_id and i.id = c.item_id
      where c.tenant_id = ${app.tenantId} and c.at < ${at}
      order by c.at, c.visitor_key`),
  );
  return { shares, clicks };
}

describe('the demo activity seed at different hours of one day', () => {
  let morning: TestChorus;
  let evening: TestChorus;
  const seeded: Record<string, Awaited<ReturnType<typeof seedDemoActivity>>> = {};

  beforeAll(async () => {
    for (const [name, ms] of [
      ['morning', MORNING],
      ['evening', EVENING],
    ] as const) {
      // The library is approved relative to the same clock, as `npm start` would do at that hour.
      const clock = manualClock(ms);
      const app = await startTestChorus({ DEMO_CONTENT: 'true', DEMO_ACTIVITY: 'false' }, { clock });
      if (name === 'morning') morning = app;
      else evening = app;
      seeded[name] = await seedDemoActivity(
        { db: app.database.db, stats: createStatsStore(app.database.db), clock },
        { tenantId: app.tenantId },
      );
    }
  }, 240_000);
  afterAll(async () => {
    await morning?.close();
    await evening?.close();
  });

  it('gives the same shares and clicks up to the earlier hour, and more by the later one', async () => {
    const early = await activityBefore(morning, MORNING);
    const late = await activityBefore(evening, MORNING);
    expect(early.shares.length).toBeGreaterThan(80);
    expect(early.clicks.length).toBeGreaterThan(early.shares.length);
    expect(late.shares).toEqual(early.shares);
    expect(late.clicks).toEqual(early.clicks);
    // Twelve more hours of the last day: at least the clicks that came in meanwhile.
    expect(seeded['evening']!.clicks).toBeGreaterThan(seeded['morning']!.clicks);
  });
});
