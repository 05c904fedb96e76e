import type { AuditLog } from '../ports/audit-log';
import type { Clock } from '../ports/clock';
import type { TransactionStores, UnitOfWork } from '../ports/unit-of-work';

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

/** What an audited change records: its action, and optionally a subject and data (no personal data). */
export interface AuditEntry {
  action: string;
  subject?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Makes a change and records its audit entry in one unit of work: `write` changes through the
 * transaction's stores, `entry` says what to record about its result; both commit or neither does.
 */
export async function writeAudited<T>(
  deps: { unitOfWork: UnitOfWork; clock: Clock },
  input: { tenantId: string; actorId: string | null },
  write: (tx: TransactionStores) => Promise<T>,
  entry: (result: T) => AuditEntry,
): Promise<T> {
  return deps.unitOfWork.run(async (tx) => {
    const result = await write(tx);
    await recordAudit(
      { audit: tx.audit, clock: deps.clock },
      { tenantId: input.tenantId, actorId: input.actorId, ...entry(result) },
    );
    return result;
  });
}

/** The fields of `after` whose values differ from `before`'s (every field when there is no `before`). */
export function changedFields<T extends object>(before: Partial<T> | null, after: T): (keyof T)[] {
  return (Object.keys(after) as (keyof T)[]).filter(
    (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after[key]),
  );
}
