import { challengeEnded, challengeRunning } from '../domain/gamification';
import { ticketsFor } from '../domain/prize-draw';
import type { Clock } from '../ports/clock';
import type { ChallengeRecord, GamificationStore } from '../ports/gamification';
import { getGamificationSettings } from './get-gamification-settings';

export type ChallengeStatus = 'upcoming' | 'running' | 'ended';

/** A challenge with its status, its draws and (for an ambassador) their own progress. */
export interface ChallengeSummary extends ChallengeRecord {
  status: ChallengeStatus;
  drawIds: string[];
  progress: { shares: number; qualified: boolean; tickets: number } | null;
}

/** Where a challenge stands at `now`. */
export function challengeStatus(c: ChallengeRecord, now: Date): ChallengeStatus {
  if (challengeEnded(c, now)) return 'ended';
  return challengeRunning(c, now) ? 'running' : 'upcoming';
}

/**
 * The challenges: every one for comms; for an ambassador (`personId`) the same with their own progress,
 * and none while gamification is off (it is hidden entirely then).
 */
export async function listChallenges(
  deps: {
    gamification: Pick<
      GamificationStore,
      'getSettings' | 'listChallenges' | 'drawIdsByChallenge' | 'sharesInPeriod'
    >;
    clock: Clock;
  },
  input: { tenantId: string; personId: string | null },
): Promise<ChallengeSummary[]> {
  const { tenantId, personId } = input;
  if (personId !== null) {
    const { settings } = await getGamificationSettings(deps, { tenantId });
    if (!settings.enabled) return [];
  }
  const now = deps.clock.now();
  const [list, draws] = await Promise.all([
    deps.gamification.listChallenges(tenantId),
    deps.gamification.drawIdsByChallenge(tenantId),
  ]);
  return Promise.all(
    list.map(async (c): Promise<ChallengeSummary> => {
      let progress: ChallengeSummary['progress'] = null;
      if (personId !== null) {
        const [mine] = await deps.gamification.sharesInPeriod(tenantId, c, personId);
        const shares = mine?.shares ?? 0;
        const tickets = ticketsFor(c.ticketRule, shares, c.threshold);
        progress = { shares, qualified: tickets > 0, tickets };
      }
      return { ...c, status: challengeStatus(c, now), drawIds: draws.get(c.id) ?? [], progress };
    }),
  );
}
