import type {
  ConversationReferenceRepository,
  StoredConversationReference,
} from '../conversation-references';

/** In-memory conversation references for unit tests. */
export class MemoryConversationReferences implements ConversationReferenceRepository {
  readonly rows = new Map<string, StoredConversationReference>();

  async get(tenantId: string, personId: string) {
    return this.rows.get(`${tenantId}/${personId}`) ?? null;
  }

  async save(
    tenantId: string,
    personId: string,
    ref: { conversationId: string; reference: Record<string, unknown> },
  ) {
    this.rows.set(`${tenantId}/${personId}`, { personId, ...ref, updatedAt: new Date() });
  }
}
