import { chooseLanguage, type Language } from '../domain/person';
import type { ChatPreferencesRepository } from '../ports/chat-preferences';
import type { Store } from '../ports/store';

/**
 * The language the bot answers a person in: the one they chose with the `language` command, else their
 * directory language, else their client's locale.
 */
export async function getChatLanguage(
  deps: { store: Pick<Store, 'people'>; chatPreferences?: ChatPreferencesRepository | undefined },
  input: { tenantId: string; personId: string | null; locale: string | null },
): Promise<Language> {
  const [person, preferences] = input.personId
    ? await Promise.all([
        deps.store.people.get(input.tenantId, input.personId),
        deps.chatPreferences?.get(input.tenantId, input.personId) ?? null,
      ])
    : [null, null];
  if (preferences?.language) return preferences.language;
  return chooseLanguage(person?.preferredLanguage, input.locale);
}
