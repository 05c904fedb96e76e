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
        // Version 1 exactly, not max + 1: an instance starting at the same moment may have stored it
        // since we looked, and a copy as version 2 would be a change nobody made (a join against
        // version 1 would then be refused as stale).
        await deps.store.program.addVersion(input.tenantId, kind, {
          ...DEFAULT_DOCUMENTS[kind],
          createdBy: null,
          version: 1,
        });
      } catch (err) {
        // Another instance seeded it first: the primary key refused ours, which is fine.
        if (!(await deps.store.program.current(input.tenantId, kind))) throw err;
      }
    }
  }
  // Insert-if-missing: a topic comms renamed or a concurrent start's insert is left as it is.
  for (const topic of BUILT_IN_TOPICS) {
    await deps.content.topics.insert(input.tenantId, { ...topic, builtIn: true });
  }
}
