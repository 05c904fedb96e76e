import type { AuditLog } from '../ports/audit-log';
import type { Clock } from '../ports/clock';

/** What recording an admin action needs. */
export interface AuditDeps {
  audit: AuditLog;
  clock: Clock;
}

/**
 * Records one admin action in the audit log, stamped with the clock's time. Keep personal data out of
 * `data` (ids, codes, counts and the names of changed fields are fine; free text and names are not).
 */
export async function recordAudit(
  deps: AuditDeps,
  input: {
    tenantId: string;
    actorId: string | null;
    action: string;
    subject?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await deps.audit.append(input.tenantId, {
    actorId: input.actorId,
    action: input.action,
    subject: input.subject ?? null,
    data: input.data ?? {},
    at: deps.clock.now(),
  });
}
