import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditLog } from '../ports/audit-log';
import type { Db } from './database';
import { auditLog, people } from './schema';

/** The audit log in Postgres (audit_log), with the actor's name from the directory. */
export function createAuditLogStore(db: Db): AuditLog {
  return {
    async append(tenantId, record) {
      await db.insert(auditLog).values({
        tenantId,
        actorId: record.actorId,
        action: record.action,
        subject: record.subject,
        data: record.data,
        at: record.at,
      });
    },

    async list(tenantId, options) {
      // Newest first by id: ids rise with every insert, so they order entries even within one instant.
      const rows = await db
        .select({
          id: auditLog.id,
          actorId: auditLog.actorId,
          action: auditLog.action,
          subject: auditLog.subject,
          data: auditLog.data,
          at: auditLog.at,
          actorName: people.displayName,
        })
        .from(auditLog)
        .leftJoin(people, and(eq(people.tenantId, auditLog.tenantId), eq(people.id, auditLog.actorId)))
        .where(
          options.before === null
            ? eq(auditLog.tenantId, tenantId)
            : and(eq(auditLog.tenantId, tenantId), lt(auditLog.id, options.before)),
        )
        .orderBy(desc(auditLog.id))
        .limit(options.limit);
      return rows.map((row) => ({ ...row, actorName: row.actorName ?? null }));
    },
  };
}
