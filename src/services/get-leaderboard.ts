import { buildLeaderboard, computePoints, MIN_TEAM_SIZE } from '../domain/gamification';
import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { GamificationStore } from '../ports/gamification';
import { getGamificationSettings } from './get-gamification-settings';

/** How many opted-in individuals the leaderboard lists at most. */
export const LEADERBOARD_TOP = 20;

/**
 * The leaderboard for ambassadors: teams (departments) of at least five, and individuals only when
 * comms allows it and only those who opted in. Not found while gamification or the leaderboard is off.
 */
export async function getLeaderboard(
  deps: { gamification: Pick<GamificationStore, 'getSettings' | 'memberFacts'>; clock: Clock },
  input: { tenantId: string; personId: string },
) {
  const { settings } = await getGamificationSettings(deps, input);
  if (!settings.enabled) throw new AppError('NOT_FOUND', 'gamificationOff');
  if (!settings.leaderboard) throw new AppError('NOT_FOUND', 'leaderboardOff');
  const members = await deps.gamification.memberFacts(input.tenantId, deps.clock.now());
  if (!members.some((m) => m.personId === input.personId)) throw new AppError('NOT_A_MEMBER', 'notAMember');
  const board = buildLeaderboard(
    members.map((m) => ({
      personId: m.personId,
      displayName: m.displayName,
      team: m.team,
      showOnLeaderboard: m.showOnLeaderboard,
      points: computePoints(m, settings.points).total,
    })),
    { individuals: settings.individualLeaderboard, top: LEADERBOARD_TOP },
  );
  return {
    minTeamSize: MIN_TEAM_SIZE,
    teams: board.teams,
    individuals: board.individuals.map((i) => ({
      displayName: i.displayName,
      points: i.points,
      isMe: i.personId === input.personId,
    })),
  };
}
