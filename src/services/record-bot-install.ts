import { chooseLanguage, type Language } from '../domain/person';
import type { ConversationReferenceRepository } from '../ports/conversation-references';
import type { Store } from '../ports/store';

export interface RecordBotInstallInput {
  tenantId: string;
  personId: string;
  conversationId: string;
  /** The Bot Framework conversation reference, as JSON. */
  reference: Record<string, unknown>;
  locale: string | null;
}

/**
 * Someone installed the bot (or opened its 1:1 chat): remember where to reach them, and say in
 * which language and by which name to greet them.
 */
export async function recordBotInstall(
  deps: { store: Pick<Store, 'people'>; conversations: ConversationReferenceRepository },
  input: RecordBotInstallInput,
): Promise<{ language: Language; displayName: string | null }> {
  const [person] = await Promise.all([
    deps.store.people.get(input.tenantId, input.personId),
    deps.conversations.save(input.tenantId, input.personId, {
      conversationId: input.conversationId,
      reference: input.reference,
    }),
  ]);
  return {
    language: chooseLanguage(person?.preferredLanguage, input.locale),
    displayName: person?.displayName ?? null,
  };
}
