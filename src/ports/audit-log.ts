/** One admin action to record. `data` holds no personal data: ids, codes, counts, changed field names. */
export interface AuditRecord {
  actorId: string | null;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** One recorded action, with the actor's current name (null once they are gone from the directory). */
export interface AuditLogEntry extends AuditRecord {
  id: number;
  actorName: string | null;
}

/** The audit log: append-only, newest first. */
export interface AuditLog {
  /** Appends one entry. */
  append(tenantId: string, record: AuditRecord): Promise<void>;
  /** Up to `limit` entries older than the entry `before` (all when null), newest first. */
  list(tenantId: string, options: { before: number | null; limit: number }): Promise<AuditLogEntry[]>;
}
