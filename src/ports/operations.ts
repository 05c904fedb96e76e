/** What the metrics endpoint reports about the shared queues and syncs (from the database). */
export interface OperationsSnapshot {
  /** Jobs by kind and status (queued, running; finished ones are left out). */
  jobs: { kind: string; status: string; count: number }[];
  /** Outbox messages by state (queued, sending, failed, dead). */
  outbox: { state: string; count: number }[];
  /** Messages the outbox delivered in the last minute. */
  outboxSentLastMinute: number;
  /** 429 answers from Teams or Graph in the last hour. */
  outboxThrottledLastHour: number;
  /** The directory sync's last run; null before the first. */
  directorySync: { lastCompletedAt: Date | null; lastError: string | null; peopleCount: number } | null;
  /** The last day the dashboard's roll-up covers (YYYY-MM-DD), or null. */
  statsRolledThrough: string | null;
}

/** Reads the operations snapshot for one tenant. */
export interface OperationsReader {
  snapshot(tenantId: string, now: Date): Promise<OperationsSnapshot>;
}
