import type { AuditLog, AuditLogEntry } from '../ports/audit-log';

/** The most entries one CSV export holds; an older tail is left out rather than exhausting memory. */
export const AUDIT_EXPORT_MAX = 50_000;

/** One page of the audit log, newest first; `nextCursor` is null on the last page. */
export async function listAuditLog(
  deps: { audit: AuditLog },
  input: { tenantId: string; cursor: string | null; limit: number },
): Promise<{ entries: AuditLogEntry[]; nextCursor: string | null }> {
  const before = input.cursor === null ? null : Number(input.cursor);
  // One more than asked tells whether another page follows without a second query.
  const rows = await deps.audit.list(input.tenantId, { before, limit: input.limit + 1 });
  const entries = rows.slice(0, input.limit);
  const last = entries[entries.length - 1];
  return { entries, nextCursor: rows.length > input.limit && last ? String(last.id) : null };
}

/** Every entry of the audit log for an export, newest first (at most AUDIT_EXPORT_MAX). */
export async function exportAuditLog(
  deps: { audit: AuditLog },
  input: { tenantId: string },
): Promise<AuditLogEntry[]> {
  const all: AuditLogEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await listAuditLog(deps, { tenantId: input.tenantId, cursor, limit: 1_000 });
    all.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor !== null && all.length < AUDIT_EXPORT_MAX);
  return all.slice(0, AUDIT_EXPORT_MAX);
}
