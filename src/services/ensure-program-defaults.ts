import { DEFAULT_DOCUMENTS, DOCUMENT_KINDS } from '../domain/program';
import type { ServiceDeps } from './deps';

/** Gives a tenant version 1 of its purpose and guidelines when it has none, so no program starts blank. */
export async function ensureProgramDefaults(
  deps: ServiceDeps,
  input: { tenantId: string; tenantName: string },
) {
  await deps.store.ensureTenant(input.tenantId, input.tenantName);
  for (const kind of DOCUMENT_KINDS) {
    const current = await deps.store.program.current(input.tenantId, kind);
    if (!current) {
      try {
        await deps.store.program.addVersion(input.tenantId, kind, {
          ...DEFAULT_DOCUMENTS[kind],
          createdBy: null,
        });
      } catch (err) {
        // Another instance seeded it at the same moment: the primary key refused ours, which is fine.
        if (!(await deps.store.program.current(input.tenantId, kind))) throw err;
      }
    }
  }
}
