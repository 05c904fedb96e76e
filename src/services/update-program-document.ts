import type { DocumentKind } from '../domain/program';
import type { Clock } from '../ports/clock';
import type { UnitOfWork } from '../ports/unit-of-work';
import { writeAudited } from './record-audit';

/**
 * Stores a new version of the purpose or the guidelines, with its activity event and audit entry in
 * the same transaction. Old versions stay, for consent history.
 */
export async function updateProgramDocument(
  deps: { unitOfWork: UnitOfWork; clock: Clock },
  input: { tenantId: string; actorId: string; kind: DocumentKind; bodyDa: string; bodyEn: string },
) {
  return writeAudited(
    deps,
    input,
    async (tx) => {
      const doc = await tx.store.program.addVersion(input.tenantId, input.kind, {
        bodyDa: input.bodyDa,
        bodyEn: input.bodyEn,
        createdBy: input.actorId,
      });
      await tx.store.activity.record(input.tenantId, null, `program.${input.kind}.updated`, {
        version: doc.version,
      });
      return doc;
    },
    (doc) => ({
      action: `program.${input.kind}.updated`,
      subject: `version ${doc.version}`,
      data: { kind: input.kind, version: doc.version },
    }),
  );
}
