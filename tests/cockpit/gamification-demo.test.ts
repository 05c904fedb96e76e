import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeList, DrawVerifyResult, DrawView, MyPoints } from '../../src/contracts';
import { createGamificationStore } from '../../src/db/gamification-store';
import { createUnitOfWork } from '../../src/db/unit-of-work';
import { DEMO_DRAW_SEED, seedDemoGamification } from '../../src/demo/demo-gamification';
import { systemClock } from '../../src/ports/clock';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { addMembers, addShares, comms, DAY, departments, peopleOf } from './gamification-support';

// The demo's gamification seed, run on a test tenant with a few ambassadors who shared in the last
// 30 days (the demo activity seeds such shares before it): switched on, a finished challenge whose
// draw used the published seed, a running one, and only once.

describe('the demo gamification seed', () => {
  let app: TestChorus;
  const [team] = departments(8);
  const people = peopleOf(team!, 6);
  const seed = () =>
    seedDemoGamification(
      {
        gamification: createGamificationStore(app.database.db),
        unitOfWork: createUnitOfWork(app.database.db),
        clock: systemClock,
      },
      { tenantId: app.tenantId },
    );

  beforeAll(async () => {
    app = await startTestChorus();
    await addMembers(app, people);
    // Four qualify (2 shares or more within the 30 days); one shared once; one only long ago.
    for (const p of people.slice(0, 4)) await addShares(app, p.id, 2, new Date(Date.now() - 5 * DAY));
    await addShares(app, people[4]!.id, 1, new Date(Date.now() - 5 * DAY));
    await addShares(app, people[5]!.id, 3, new Date(Date.now() - 50 * DAY));
  });
  afterAll(async () => {
    await app.close();
  });

  it('switches gamification on with a finished, drawn challenge and a running one, once', async () => {
    expect(await seed()).toEqual({ seeded: true });
    expect(await seed()).toEqual({ seeded: false });

    const commsToken = await signInAs(app, comms.id);
    const list = (await (
      await app.api('/api/admin/challenges', { token: commsToken })
    ).json()) as ChallengeList;
    expect(list.challenges.map((c) => [c.hashtag, c.status]).sort()).toEqual([
      ['#GrønOmstilling', 'ended'],
      ['#NordlysEnergi', 'running'],
    ]);
    const finished = list.challenges.find((c) => c.status === 'ended')!;
    expect(finished.drawIds).toHaveLength(1);

    const memberToken = await signInAs(app, people[0]!.id);
    const draw = (await (
      await app.api(`/api/draws/${finished.drawIds[0]}`, { token: memberToken })
    ).json()) as DrawView;
    expect(draw.seed).toBe(DEMO_DRAW_SEED);
    expect(draw.entries).toHaveLength(4);
    expect(draw.winners).toHaveLength(3);
    const verify = (await (
      await app.api('/api/draws/verify', {
        method: 'POST',
        token: memberToken,
        json: { seed: draw.seed, entries: draw.entries, winnerCount: draw.winnerCount },
      })
    ).json()) as DrawVerifyResult;
    expect(verify.winners).toEqual(draw.winners.map((w) => w.entrant));

    const mine = (await (await app.api('/api/me/points', { token: memberToken })).json()) as MyPoints;
    expect(mine.enabled).toBe(true);
    expect(mine.badges).toContain('challenge_finisher');
  });
});
