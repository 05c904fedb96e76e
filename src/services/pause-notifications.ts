import type { ChatPreferencesRepository } from '../ports/chat-preferences';

/**
 * `pause` and `resume`: while paused, campaign invitations and announcements to the person's chat are
 * skipped by the outbox (replies to what they asked for, like their welcome, still come).
 * Returns whether anything changed.
 */
export async function setNotificationsPaused(
  deps: { chatPreferences: ChatPreferencesRepository },
  input: { tenantId: string; personId: string; paused: boolean },
): Promise<{ changed: boolean }> {
  const previous = await deps.chatPreferences.setPaused(input.tenantId, input.personId, input.paused);
  return { changed: previous !== input.paused };
}
