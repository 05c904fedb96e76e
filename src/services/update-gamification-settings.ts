import type { GamificationSettings } from '../domain/gamification';
import type { Clock } from '../ports/clock';
import type { GamificationStore } from '../ports/gamification';
import type { UnitOfWork } from '../ports/unit-of-work';
import { changedFields, writeAudited } from './record-audit';

/**
 * Saves gamification's settings (comms, from Admin). The input is already checked by the contract.
 * Individuals on the leaderboard need the leaderboard itself, so switching it off switches them off.
 * The settings and their audit entry are stored in one transaction.
 */
export async function updateGamificationSettings(
  deps: { gamification: Pick<GamificationStore, 'getSettings'>; unitOfWork: UnitOfWork; clock: Clock },
  input: { tenantId: string; actorId: string; settings: GamificationSettings },
) {
  const s = input.settings;
  const settings: GamificationSettings = {
    enabled: s.enabled,
    points: { ...s.points },
    leaderboard: s.leaderboard,
    individualLeaderboard: s.leaderboard && s.individualLeaderboard,
    badges: s.badges,
  };
  const before = (await deps.gamification.getSettings(input.tenantId))?.settings ?? null;
  // The switches and points are not personal data: the audit keeps the old and new values.
  const changed = changedFields(before, settings);
  const stored = await writeAudited(
    deps,
    input,
    (tx) =>
      tx.gamification.putSettings(input.tenantId, settings, {
        updatedBy: input.actorId,
        at: deps.clock.now(),
      }),
    () => ({ action: 'gamification.updated', data: { changed, before, after: settings } }),
  );
  return { settings: stored.settings, updatedAt: stored.updatedAt };
}
