import { describe, expect, it } from 'vitest';
import {
  buildLeaderboard,
  challengeEnded,
  challengeRunning,
  computePoints,
  DEFAULT_GAMIFICATION_SETTINGS,
  earnedBadges,
  MIN_TEAM_SIZE,
  type LeaderboardMember,
  type PointFacts,
} from './gamification';

const none: PointFacts = {
  joined: false,
  onboarded: false,
  shares: 0,
  clicks: 0,
  ownPosts: 0,
  sparring: 0,
  challengesFinished: 0,
};

describe('points', () => {
  it('is off and private by default', () => {
    expect(DEFAULT_GAMIFICATION_SETTINGS).toMatchObject({
      enabled: false,
      leaderboard: false,
      individualLeaderboard: false,
      badges: false,
    });
  });

  it('multiplies each fact by its points and adds them up', () => {
    const points = { joined: 10, onboarded: 20, share: 7, click: 1, ownPost: 15, sparring: 3 };
    const facts = { ...none, joined: true, onboarded: true, shares: 4, clicks: 9, ownPosts: 2, sparring: 1 };
    const result = computePoints(facts, points);
    expect(result.total).toBe(10 + 20 + 4 * 7 + 9 + 2 * 15 + 3);
    expect(result.breakdown.find((b) => b.action === 'share')).toEqual({
      action: 'share',
      count: 4,
      points: 28,
    });
    expect(computePoints(none, points).total).toBe(0);
  });
});

describe('badges', () => {
  it('earns each badge at its threshold, not before', () => {
    expect(earnedBadges(none)).toEqual([]);
    expect(earnedBadges({ ...none, shares: 1 })).toEqual(['first_share']);
    expect(earnedBadges({ ...none, shares: 9 })).not.toContain('ten_shares');
    expect(earnedBadges({ ...none, shares: 10 })).toEqual(['first_share', 'ten_shares']);
    expect(earnedBadges({ ...none, clicks: 99 })).toEqual(['first_click']);
    expect(earnedBadges({ ...none, clicks: 100 })).toEqual(['first_click', 'hundred_clicks']);
    expect(
      earnedBadges({ ...none, onboarded: true, sparring: 1, ownPosts: 1, challengesFinished: 1 }),
    ).toEqual(['onboarded', 'own_voice', 'sparring_partner', 'challenge_finisher']);
  });
});

describe('the leaderboard', () => {
  const member = (i: number, team: string | null, points: number, show = false): LeaderboardMember => ({
    personId: `p${i}`,
    displayName: `Person ${i}`,
    team,
    showOnLeaderboard: show,
    points,
  });

  it('shows teams of five or more only, by total points', () => {
    const members = [
      ...Array.from({ length: MIN_TEAM_SIZE }, (_, i) => member(i, 'HR', 10)),
      ...Array.from({ length: MIN_TEAM_SIZE + 1 }, (_, i) => member(10 + i, 'IT', 20)),
      ...Array.from({ length: MIN_TEAM_SIZE - 1 }, (_, i) => member(20 + i, 'Legal', 1000)),
      member(30, null, 5000),
    ];
    const board = buildLeaderboard(members, { individuals: false, top: 10 });
    expect(board.teams).toEqual([
      { team: 'IT', ambassadors: 6, points: 120, averagePoints: 20 },
      { team: 'HR', ambassadors: 5, points: 50, averagePoints: 10 },
    ]);
    expect(board.individuals).toEqual([]);
  });

  it('lists only individuals who opted in, and only when individuals are switched on', () => {
    const members = [member(1, 'HR', 50, true), member(2, 'HR', 90, false), member(3, 'IT', 70, true)];
    expect(
      buildLeaderboard(members, { individuals: true, top: 10 }).individuals.map((i) => i.personId),
    ).toEqual(['p3', 'p1']);
    expect(buildLeaderboard(members, { individuals: false, top: 10 }).individuals).toEqual([]);
    expect(buildLeaderboard(members, { individuals: true, top: 1 }).individuals).toHaveLength(1);
  });
});

describe('challenge periods', () => {
  it('runs from its start up to its end', () => {
    const c = { startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: new Date('2026-01-31T00:00:00Z') };
    expect(challengeRunning(c, new Date('2025-12-31T23:59:59Z'))).toBe(false);
    expect(challengeRunning(c, new Date('2026-01-15T00:00:00Z'))).toBe(true);
    expect(challengeRunning(c, c.endsAt)).toBe(false);
    expect(challengeEnded(c, c.endsAt)).toBe(true);
    expect(challengeEnded(c, new Date('2026-01-30T00:00:00Z'))).toBe(false);
  });
});
