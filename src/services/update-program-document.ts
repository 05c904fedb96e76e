import type { DocumentKind } from '../domain/program';
import type { ServiceDeps } from './deps';

/** Stores a new version of the purpose or the guidelines. Old versions stay, for consent history. */
export async function updateProgramDocument(
  deps: ServiceDeps,
  input: { tenantId: string; actorId: string; kind: DocumentKind; bodyDa: string; bodyEn: string },
) {
  return deps.store.transaction(async (store) => {
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
}
