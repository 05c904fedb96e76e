import { DEFAULT_GAMIFICATION_SETTINGS, type GamificationSettings } from '../domain/gamification';
import type { GamificationStore } from '../ports/gamification';

/** Gamification's settings: what comms saved, or the defaults (all off; `updatedAt` null). */
export async function getGamificationSettings(
  deps: { gamification: Pick<GamificationStore, 'getSettings'> },
  input: { tenantId: string },
): Promise<{ settings: GamificationSettings; updatedAt: Date | null }> {
  const stored = await deps.gamification.getSettings(input.tenantId);
  if (!stored) return { settings: DEFAULT_GAMIFICATION_SETTINGS, updatedAt: null };
  return { settings: stored.settings, updatedAt: stored.updatedAt };
}
