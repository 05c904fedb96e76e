import type { Language } from '../domain/person';
import type { ChatPreferencesRepository } from '../ports/chat-preferences';

/** The `language` command: the bot answers the person in `language` from now on (null: follow Teams). */
export async function setChatLanguage(
  deps: { chatPreferences: ChatPreferencesRepository },
  input: { tenantId: string; personId: string; language: Language | null },
): Promise<void> {
  await deps.chatPreferences.setLanguage(input.tenantId, input.personId, input.language);
}
