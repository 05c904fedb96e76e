import type { DocumentKind } from '../domain/program';
import type { AuditLog } from '../ports/audit-log';
import type { ServiceDeps } from './deps';
import { recordAudit } from './record-audit';

/** Stores a new version of the purpose or the guidelines. Old versions stay, for consent history. */
export async function updateProgramDocument(
  deps: ServiceDeps & { audit?: AuditLog },
  input: { tenantId: string; actorId: string; kind: DocumentKind; bodyDa: string; bodyEn: string },
) {
  const doc = await deps.store.transaction(async (store) => {
    const doc = await store.program.addVersion(input.tenantId, input.kind, {
      bodyDa: input.bodyDa,
      bodyEn: input.bodyEn,
      createdBy: input.actorId,
    });
    await store.activity.record(input.tenantId, null, `program.${input.kind}.updated`, {
      version: doc.version,
    });
    return doc;
  });
  if (deps.audit) {
    await recordAudit(
      { audit: deps.audit, clock: deps.clock },
      {
        tenantId: input.tenantId,
        actorId: input.actorId,
        action: `program.${input.kind}.updated`,
        subject: `version ${doc.version}`,
        data: { kind: input.kind, version: doc.version },
      },
    );
  }
  return doc;
}
