/**
 * Where the bot can reach a person in their 1:1 chat. `reference` is the Bot Framework
 * conversation reference as JSON; only the bot adapter reads inside it.
 */
export interface StoredConversationReference {
  personId: string;
  conversationId: string;
  reference: Record<string, unknown>;
  updatedAt: Date;
}

/** Conversation references of people's 1:1 chats with the bot, one per person. */
export interface ConversationReferenceRepository {
  /** The person's 1:1 chat reference, or null when the bot has never talked with them. */
  get(tenantId: string, personId: string): Promise<StoredConversationReference | null>;
  /** Inserts or replaces the person's reference. */
  save(
    tenantId: string,
    personId: string,
    ref: { conversationId: string; reference: Record<string, unknown> },
  ): Promise<void>;
}
