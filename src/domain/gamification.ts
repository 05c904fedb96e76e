// Points, badges and the leaderboard's rules (issue 6). Pure: the facts come from the database, and
// nothing here is stored, so an ambassador who leaves loses their points with their data.

/** The actions that earn points. */
export const POINT_ACTIONS = ['joined', 'onboarded', 'share', 'click', 'ownPost', 'sparring'] as const;
export type PointAction = (typeof POINT_ACTIONS)[number];

/** Gamification as comms set it: everything off and private until they switch it on. */
export interface GamificationSettings {
  enabled: boolean;
  points: Record<PointAction, number>;
  /** The team leaderboard (by department) for ambassadors. */
  leaderboard: boolean;
  /** Also list individuals on the leaderboard, but only those who opted in. */
  individualLeaderboard: boolean;
  badges: boolean;
}

/** The settings before comms saves any: all off; the points are a sensible start once switched on. */
export const DEFAULT_GAMIFICATION_SETTINGS: GamificationSettings = {
  enabled: false,
  points: { joined: 10, onboarded: 20, share: 10, click: 1, ownPost: 15, sparring: 5 },
  leaderboard: false,
  individualLeaderboard: false,
  badges: false,
};

/** Teams with fewer ambassadors than this are never shown (no report on groups smaller than five). */
export const MIN_TEAM_SIZE = 5;

/** What one ambassador has done, read from the facts while they are a member. */
export interface PointFacts {
  joined: boolean;
  onboarded: boolean;
  shares: number;
  clicks: number;
  ownPosts: number;
  sparring: number;
  /** Ended challenges in which they reached the threshold. */
  challengesFinished: number;
}

/** How many times each action counted, for the breakdown. */
export function actionCounts(facts: PointFacts): Record<PointAction, number> {
  return {
    joined: facts.joined ? 1 : 0,
    onboarded: facts.onboarded ? 1 : 0,
    share: facts.shares,
    click: facts.clicks,
    ownPost: facts.ownPosts,
    sparring: facts.sparring,
  };
}

/** Points per action and in total, under comms' points per action. */
export function computePoints(facts: PointFacts, points: Record<PointAction, number>) {
  const counts = actionCounts(facts);
  const breakdown = POINT_ACTIONS.map((action) => ({
    action,
    count: counts[action],
    points: counts[action] * points[action],
  }));
  return { total: breakdown.reduce((sum, b) => sum + b.points, 0), breakdown };
}

/** The badges, each a rule over the facts. */
export const BADGES = [
  'onboarded',
  'first_share',
  'ten_shares',
  'first_click',
  'hundred_clicks',
  'own_voice',
  'sparring_partner',
  'challenge_finisher',
] as const;
export type Badge = (typeof BADGES)[number];

const BADGE_RULES: Record<Badge, (f: PointFacts) => boolean> = {
  onboarded: (f) => f.onboarded,
  first_share: (f) => f.shares >= 1,
  ten_shares: (f) => f.shares >= 10,
  first_click: (f) => f.clicks >= 1,
  hundred_clicks: (f) => f.clicks >= 100,
  own_voice: (f) => f.ownPosts >= 1,
  sparring_partner: (f) => f.sparring >= 1,
  challenge_finisher: (f) => f.challengesFinished >= 1,
};

/** The badges the facts earn, in BADGES order. */
export function earnedBadges(facts: PointFacts): Badge[] {
  return BADGES.filter((badge) => BADGE_RULES[badge](facts));
}

/** One ambassador's total, with what the leaderboard may know about them. */
export interface LeaderboardMember {
  personId: string;
  displayName: string;
  team: string | null;
  showOnLeaderboard: boolean;
  points: number;
}

/**
 * The leaderboard: teams (departments) with at least MIN_TEAM_SIZE ambassadors, by total points; and,
 * when `individuals` is on, only the people who opted in. Ambassadors without a department count for
 * no team. Ties are broken by name so the order is stable.
 */
export function buildLeaderboard(
  members: readonly LeaderboardMember[],
  options: { individuals: boolean; top: number },
) {
  const byTeam = new Map<string, { ambassadors: number; points: number }>();
  for (const m of members) {
    if (!m.team) continue;
    const t = byTeam.get(m.team) ?? { ambassadors: 0, points: 0 };
    t.ambassadors += 1;
    t.points += m.points;
    byTeam.set(m.team, t);
  }
  const teams = [...byTeam]
    .filter(([, t]) => t.ambassadors >= MIN_TEAM_SIZE)
    .map(([team, t]) => ({
      team,
      ambassadors: t.ambassadors,
      points: t.points,
      averagePoints: Math.round(t.points / t.ambassadors),
    }))
    .sort((a, b) => b.points - a.points || a.team.localeCompare(b.team, 'da'));
  const individuals = options.individuals
    ? members
        .filter((m) => m.showOnLeaderboard)
        .map((m) => ({ personId: m.personId, displayName: m.displayName, points: m.points }))
        .sort((a, b) => b.points - a.points || a.displayName.localeCompare(b.displayName, 'da'))
        .slice(0, options.top)
    : [];
  return { teams, individuals };
}

/** True when a challenge runs at `now`: from its start up to (not including) its end. */
export function challengeRunning(challenge: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return challenge.startsAt.getTime() <= now.getTime() && now.getTime() < challenge.endsAt.getTime();
}

/** True once a challenge has ended (a draw may be run). */
export function challengeEnded(challenge: { endsAt: Date }, now: Date): boolean {
  return now.getTime() >= challenge.endsAt.getTime();
}
