import { BUILT_IN_TOPICS } from '../domain/content';
import { DEFAULT_DOCUMENTS, DOCUMENT_KINDS } from '../domain/program';
import type { ContentStore } from '../ports/content';
import type { ServiceDeps } from './deps';

/**
 * Gives a tenant version 1 of its purpose and guidelines when it has none, so no program starts blank,
 * and the built-in content topics. Safe to run on every start and on several instances at once.
 */
export async function ensureProgramDefaults(
  deps: ServiceDeps & { content: ContentStore },
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
  // Insert-if-missing: a topic comms renamed or a concurrent start's insert is left as it is.
  for (const topic of BUILT_IN_TOPICS) {
    await deps.content.topics.insert(input.tenantId, { ...topic, builtIn: true });
  }
}
