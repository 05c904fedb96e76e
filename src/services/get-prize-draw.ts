import { AppError } from '../domain/errors';
import type { DrawRecord, DrawWinnerRecord, GamificationStore } from '../ports/gamification';

/**
 * A published draw: its seed, frozen entries and winners (the route shows names only to comms).
 * Public to every signed-in person, so anyone can check it was fair.
 */
export async function getPrizeDraw(
  deps: { gamification: Pick<GamificationStore, 'getDraw' | 'getChallenge' | 'drawWinners'> },
  input: { tenantId: string; drawId: string },
): Promise<{ draw: DrawRecord; challengeTitle: string; winners: DrawWinnerRecord[] }> {
  const draw = await deps.gamification.getDraw(input.tenantId, input.drawId);
  if (!draw) throw new AppError('NOT_FOUND', 'noSuchDraw');
  const [challenge, winners] = await Promise.all([
    deps.gamification.getChallenge(input.tenantId, draw.challengeId),
    deps.gamification.drawWinners(input.tenantId, draw.id),
  ]);
  return { draw, challengeTitle: challenge?.title ?? '', winners };
}
