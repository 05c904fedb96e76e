import { chooseLanguage, type Language } from '../domain/person';
import type { Store } from '../ports/store';

/** The language the bot answers a person in: their directory language, else their client's locale. */
export async function getChatLanguage(
  deps: { store: Pick<Store, 'people'> },
  input: { tenantId: string; personId: string | null; locale: string | null },
): Promise<Language> {
  const person = input.personId ? await deps.store.people.get(input.tenantId, input.personId) : null;
  return chooseLanguage(person?.preferredLanguage, input.locale);
}
