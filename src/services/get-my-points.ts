import { computePoints, earnedBadges, type Badge } from '../domain/gamification';
import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { GamificationStore } from '../ports/gamification';
import { getGamificationSettings } from './get-gamification-settings';

/**
 * The ambassador's own points and badges, computed from the facts now (private to them). With
 * gamification off, everything is empty and `enabled` is false, so the tab hides it all.
 */
export async function getMyPoints(
  deps: { gamification: Pick<GamificationStore, 'getSettings' | 'memberFacts'>; clock: Clock },
  input: { tenantId: string; personId: string },
) {
  const { settings } = await getGamificationSettings(deps, input);
  const off = {
    enabled: false,
    badgesEnabled: false,
    leaderboardEnabled: false,
    individualLeaderboard: false,
    points: 0,
    breakdown: [],
    badges: [] as Badge[],
    showOnLeaderboard: false,
  };
  if (!settings.enabled) return off;
  const [facts] = await deps.gamification.memberFacts(input.tenantId, deps.clock.now(), input.personId);
  if (!facts) throw new AppError('NOT_A_MEMBER', 'notAMember');
  const { total, breakdown } = computePoints(facts, settings.points);
  return {
    enabled: true,
    badgesEnabled: settings.badges,
    leaderboardEnabled: settings.leaderboard,
    individualLeaderboard: settings.individualLeaderboard,
    points: total,
    breakdown,
    badges: settings.badges ? earnedBadges(facts) : [],
    showOnLeaderboard: facts.showOnLeaderboard,
  };
}
