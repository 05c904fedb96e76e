import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type {
  ChallengeList,
  ChallengeView,
  GamificationSettingsView,
  Leaderboard,
  MyPoints,
} from '../../src/contracts';
import { activityEvents, auditLog, clickEvents } from '../../src/db/schema';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { joinAs } from '../support/sharing';
import {
  addMembers,
  addShares,
  challengeBody,
  comms,
  DAY,
  departments,
  peopleOf,
  problemsOf,
} from './gamification-support';

const SETTINGS = {
  enabled: true,
  points: { joined: 10, onboarded: 20, share: 7, click: 2, ownPost: 15, sparring: 5 },
  leaderboard: true,
  individualLeaderboard: true,
  badges: true,
};

describe('gamification: settings, points, badges and the leaderboard', () => {
  let app: TestChorus;
  let commsToken: string;
  const [bigTeam, smallTeam] = departments(8);
  const big = peopleOf(bigTeam!, 5);
  const small = peopleOf(smallTeam!, 4);
  const me = peopleOf(bigTeam!, 1, 6)[0]!;

  beforeAll(async () => {
    app = await startTestChorus();
    commsToken = await signInAs(app, comms.id);
    await addMembers(app, big);
    await addMembers(app, small, { show: true });
  });
  afterAll(async () => {
    await app.close();
  });

  const put = (json: unknown, token = commsToken, headers: Record<string, string> = {}) =>
    app.api('/api/admin/gamification', { method: 'PUT', token, json, headers });

  it('is off and private by default, and only comms may change it', async () => {
    const res = await app.api('/api/admin/gamification', { token: commsToken });
    expect(res.status).toBe(200);
    const view = (await res.json()) as GamificationSettingsView;
    expect(view).toMatchObject({
      enabled: false,
      leaderboard: false,
      individualLeaderboard: false,
      badges: false,
    });
    expect(view.updatedAt).toBeNull();

    const token = await joinAs(app, me.id);
    expect((await app.api('/api/admin/gamification', { token })).status).toBe(403);
    expect((await put(SETTINGS, token)).status).toBe(403);
    expect((await app.api('/api/admin/gamification')).status).toBe(401);

    // Switched off: the ambassador sees nothing, and the leaderboard is not there.
    const mine = (await (await app.api('/api/me/points', { token })).json()) as MyPoints;
    expect(mine).toMatchObject({ enabled: false, points: 0, badges: [], breakdown: [] });
    expect((await app.api('/api/leaderboard', { token })).status).toBe(404);
    expect(
      ((await (await app.api('/api/challenges', { token })).json()) as ChallengeList).challenges,
    ).toEqual([]);
  });

  it('answers bad settings with 400 naming each field, in the caller’s language, and changes nothing', async () => {
    const bad = await put(
      { ...SETTINGS, enabled: 'yes', points: { ...SETTINGS.points, share: -1, click: 2.5 }, extra: 1 },
      commsToken,
      { 'accept-language': 'da' },
    );
    expect(bad.status).toBe(400);
    const problems = await problemsOf(bad);
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['body', 'body.enabled', 'body.points.click', 'body.points.share'].sort(),
    );
    expect(problems.find((p) => p.field === 'body.points.share')!.message).toBe(
      'point pr. handling er et helt tal fra 0 til 1.000',
    );
    const after = (await (
      await app.api('/api/admin/gamification', { token: commsToken })
    ).json()) as GamificationSettingsView;
    expect(after.enabled).toBe(false);
    expect(after.updatedAt).toBeNull();
  });

  it('saves the settings and records the change in the audit log', async () => {
    const res = await put(SETTINGS);
    expect(res.status).toBe(200);
    const saved = (await res.json()) as GamificationSettingsView;
    expect(saved).toMatchObject(SETTINGS);
    expect(saved.updatedAt).not.toBeNull();
    const again = (await (
      await app.api('/api/admin/gamification', { token: commsToken })
    ).json()) as GamificationSettingsView;
    expect(again).toEqual(saved);
    const audit = await app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, app.tenantId), eq(auditLog.action, 'gamification.updated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(comms.id);
    expect(audit[0]!.data['changed']).toEqual(expect.arrayContaining(['enabled', 'points', 'leaderboard']));
  });

  it('computes the ambassador’s points and badges from the facts, privately', async () => {
    const token = await signInAs(app, me.id);
    await addShares(app, me.id, 3);
    await app.database.db.insert(clickEvents).values(
      Array.from({ length: 4 }, (_, i) => ({
        tenantId: app.tenantId,
        code: 'code-me',
        itemId: 'item-test',
        personId: me.id,
        network: 'linkedin',
        visitorKey: `v${i}`,
      })),
    );
    const posted = await app.api('/api/me/own-posts', {
      method: 'POST',
      token,
      json: { url: 'https://www.linkedin.com/posts/me-123' },
    });
    expect(posted.status).toBe(201);
    const events = await app.database.db
      .select()
      .from(activityEvents)
      .where(and(eq(activityEvents.tenantId, app.tenantId), eq(activityEvents.type, 'own_post_reported')));
    expect(events.map((e) => e.personId)).toEqual([me.id]);

    const mine = (await (await app.api('/api/me/points', { token })).json()) as MyPoints;
    const p = SETTINGS.points;
    expect(mine.points).toBe(p.joined + 3 * p.share + 4 * p.click + p.ownPost);
    expect(mine.breakdown.find((b) => b.action === 'click')).toEqual({
      action: 'click',
      count: 4,
      points: 4 * p.click,
    });
    expect(mine.badges).toEqual(['first_share', 'first_click', 'own_voice']);
    expect(mine.showOnLeaderboard).toBe(false);

    // A bad own-post address is refused, and nothing is recorded.
    const bad = await app.api('/api/me/own-posts', {
      method: 'POST',
      token,
      json: { url: 'ftp://x.example' },
    });
    expect(bad.status).toBe(400);
    expect((await problemsOf(bad)).map((pr) => pr.field)).toEqual(['body.url']);
    // Badges switched off: none shown, points still counted.
    await put({ ...SETTINGS, badges: false });
    const noBadges = (await (await app.api('/api/me/points', { token })).json()) as MyPoints;
    expect(noBadges.badges).toEqual([]);
    expect(noBadges.points).toBe(mine.points);
    await put(SETTINGS);
  });

  it('shows teams of five or more only, and individuals only when they opted in', async () => {
    const token = await signInAs(app, me.id);
    const board = (await (await app.api('/api/leaderboard', { token })).json()) as Leaderboard;
    expect(board.minTeamSize).toBe(5);
    // The big team has 6 ambassadors (five plus me); the small one has 4 and is never shown.
    expect(board.teams.map((t) => t.team)).toEqual([bigTeam]);
    expect(board.teams[0]!.ambassadors).toBe(6);
    expect(JSON.stringify(board)).not.toContain(smallTeam!);
    // The small team's people opted in, so they are listed as individuals; I am not, yet.
    expect(board.individuals.map((i) => i.displayName).sort()).toEqual(
      small.map((p) => p.displayName).sort(),
    );
    expect(board.individuals.some((i) => i.isMe)).toBe(false);

    // I opt in: now I am named, with my points.
    const optIn = await app.api('/api/me/leaderboard', { method: 'PUT', token, json: { show: true } });
    expect(optIn.status).toBe(200);
    const after = (await (await app.api('/api/leaderboard', { token })).json()) as Leaderboard;
    const mine = after.individuals.find((i) => i.isMe)!;
    expect(mine.displayName).toBe(me.displayName);
    expect(mine.points).toBe(
      ((await (await app.api('/api/me/points', { token })).json()) as MyPoints).points,
    );
    // And opt out again.
    await app.api('/api/me/leaderboard', { method: 'PUT', token, json: { show: false } });
    const out = (await (await app.api('/api/leaderboard', { token })).json()) as Leaderboard;
    expect(out.individuals.some((i) => i.isMe)).toBe(false);

    // Bad input, and a non-member.
    const bad = await app.api('/api/me/leaderboard', { method: 'PUT', token, json: { show: 'please' } });
    expect((await problemsOf(bad)).map((pr) => pr.field)).toEqual(['body.show']);
    const outsider = await signInAs(app, peopleOf(smallTeam!, 1, 6)[0]!.id);
    expect(
      (await app.api('/api/me/leaderboard', { method: 'PUT', token: outsider, json: { show: true } })).status,
    ).toBe(409);

    // Individuals switched off by comms: nobody is named, even those who opted in.
    await put({ ...SETTINGS, individualLeaderboard: false });
    const teamsOnly = (await (await app.api('/api/leaderboard', { token })).json()) as Leaderboard;
    expect(teamsOnly.individuals).toEqual([]);
    // The leaderboard switched off: not there.
    await put({ ...SETTINGS, leaderboard: false });
    expect((await app.api('/api/leaderboard', { token })).status).toBe(404);
    await put(SETTINGS);
  });
});

describe('challenges', () => {
  let app: TestChorus;
  let commsToken: string;
  const [team] = departments(8);
  const [sharer, idle] = peopleOf(team!, 2);

  beforeAll(async () => {
    app = await startTestChorus();
    commsToken = await signInAs(app, comms.id);
    await addMembers(app, [sharer!, idle!]);
  });
  afterAll(async () => {
    await app.close();
  });

  const create = (json: unknown, token = commsToken) =>
    app.api('/api/admin/challenges', { method: 'POST', token, json });

  it('refuses bad input field by field, and stores nothing', async () => {
    const now = Date.now();
    const endBeforeStart = await create(
      challengeBody({ startsAt: new Date(now).toISOString(), endsAt: new Date(now - DAY).toISOString() }),
    );
    expect(endBeforeStart.status).toBe(400);
    expect(await problemsOf(endBeforeStart)).toEqual([
      { field: 'body.endsAt', message: 'the challenge must end after it starts' },
    ]);
    const bad = await create(
      challengeBody({ title: ' ', threshold: 0, hashtag: 'no hash', ticketRule: 'many' }),
    );
    expect(bad.status).toBe(400);
    expect((await problemsOf(bad)).map((p) => p.field).sort()).toEqual(
      ['body.hashtag', 'body.threshold', 'body.ticketRule', 'body.title'].sort(),
    );
    const list = (await (
      await app.api('/api/admin/challenges', { token: commsToken })
    ).json()) as ChallengeList;
    expect(list.challenges).toEqual([]);
    const member = await signInAs(app, sharer!.id);
    expect((await create(challengeBody(), member)).status).toBe(403);
  });

  it('lists challenges with each ambassador’s own progress, only while gamification is on', async () => {
    const now = Date.now();
    const res = await create(
      challengeBody({
        title: 'Running',
        startsAt: new Date(now - 5 * DAY).toISOString(),
        endsAt: new Date(now + 5 * DAY).toISOString(),
        threshold: 3,
        ticketRule: 'per_share',
      }),
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as ChallengeView;
    expect(created).toMatchObject({
      title: 'Running',
      status: 'running',
      threshold: 3,
      drawIds: [],
      progress: null,
    });
    const audit = await app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, app.tenantId), eq(auditLog.action, 'challenge.created')));
    expect(audit.map((a) => a.subject)).toEqual([created.id]);

    await addShares(app, sharer!.id, 3, new Date(now - DAY));
    await addShares(app, sharer!.id, 2, new Date(now - 10 * DAY)); // before the start: not counted
    const sharerToken = await signInAs(app, sharer!.id);
    const idleToken = await signInAs(app, idle!.id);
    // Off: hidden from ambassadors.
    const hidden = (await (await app.api('/api/challenges', { token: sharerToken })).json()) as ChallengeList;
    expect(hidden.challenges).toEqual([]);

    await app.api('/api/admin/gamification', { method: 'PUT', token: commsToken, json: SETTINGS });
    const mine = (await (await app.api('/api/challenges', { token: sharerToken })).json()) as ChallengeList;
    expect(mine.challenges.map((c) => c.progress)).toEqual([{ shares: 3, qualified: true, tickets: 3 }]);
    const theirs = (await (await app.api('/api/challenges', { token: idleToken })).json()) as ChallengeList;
    expect(theirs.challenges.map((c) => c.progress)).toEqual([{ shares: 0, qualified: false, tickets: 0 }]);
  });
});
