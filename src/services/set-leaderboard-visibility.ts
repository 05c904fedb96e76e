import { AppError } from '../domain/errors';
import type { GamificationStore } from '../ports/gamification';

/** The ambassador's own choice to be named on the leaderboard (private by default). */
export async function setLeaderboardVisibility(
  deps: { gamification: Pick<GamificationStore, 'setShowOnLeaderboard'> },
  input: { tenantId: string; personId: string; show: boolean },
) {
  const changed = await deps.gamification.setShowOnLeaderboard(input.tenantId, input.personId, input.show);
  if (!changed) throw new AppError('NOT_A_MEMBER', 'notAMember');
  return { show: input.show };
}
