/** One activity of the demo chat (a person's message or the bot's reply), as stored. */
export interface DevChatEntry {
  id: number;
  conversationId: string;
  activity: Record<string, unknown>;
  createdAt: Date;
}

/** Demo only: the log of the local Bot Connector, so the tab can show the chat with the bot. */
export interface DevChatLog {
  /** Appends an activity to a conversation; returns its id (increasing). */
  append(tenantId: string, conversationId: string, activity: Record<string, unknown>): Promise<number>;
  /**
   * Appends an activity unless one with the same `clientKey` (the outbox's idempotency key) is stored
   * in the tenant; then returns that one's id with `duplicate: true` and stores nothing.
   */
  appendOnce(
    tenantId: string,
    conversationId: string,
    activity: Record<string, unknown>,
    clientKey: string,
  ): Promise<{ id: number; duplicate: boolean }>;
  /** Activities of a conversation with an id above `afterId`, oldest first. */
  list(tenantId: string, conversationId: string, afterId: number, limit: number): Promise<DevChatEntry[]>;
  /** True when the conversation has any activity. */
  exists(tenantId: string, conversationId: string): Promise<boolean>;
}
