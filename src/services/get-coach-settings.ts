import { DEFAULT_COACH_SETTINGS, type CoachSettings } from '../domain/coach';
import type { CoachSettingsStore } from '../ports/coach-settings';

/** The coach's settings: what comms saved, or the defaults (`updatedAt` null) when they saved none. */
export async function getCoachSettings(
  deps: { coachSettings: CoachSettingsStore },
  input: { tenantId: string },
): Promise<{ settings: CoachSettings; updatedAt: Date | null }> {
  const stored = await deps.coachSettings.get(input.tenantId);
  if (!stored) return { settings: DEFAULT_COACH_SETTINGS, updatedAt: null };
  const { updatedAt, updatedBy: _updatedBy, ...settings } = stored;
  return { settings, updatedAt };
}
