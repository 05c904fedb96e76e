import type { Directory } from '../ports/directory';
import type { ServiceDeps } from './deps';

/**
 * Reads the directory (from the stored delta link when there is one) and applies each page as it
 * arrives, so memory stays flat for large organisations. The new delta link is saved only after the
 * last page, so an interrupted sync starts over from the previous link and loses nothing.
 */
export async function syncDirectory(
  deps: ServiceDeps & { directory: Directory },
  input: { tenantId: string; background: boolean },
) {
  const { store, directory, clock } = deps;
  const previous = await store.directorySync.get(input.tenantId);
  const startedAt = clock.now();
  // A directory of another kind (demo → graph) must start from scratch.
  const deltaLink = previous?.source === directory.kind ? previous.deltaLink : null;
  let upserted = 0;
  let removed = 0;
  const changes = directory.readChanges(deltaLink, { background: input.background });
  try {
    for await (const page of changes.pages) {
      await store.people.upsertMany(input.tenantId, page.upserts);
      await store.people.removeMany(input.tenantId, page.removedIds);
      upserted += page.upserts.length;
      removed += page.removedIds.length;
    }
  } catch (err) {
    await store.directorySync.save(input.tenantId, {
      source: directory.kind,
      deltaLink,
      lastStartedAt: startedAt,
      lastCompletedAt: previous?.lastCompletedAt ?? null,
      lastError: err instanceof Error ? err.message : String(err),
      peopleCount: previous?.peopleCount ?? 0,
      lastRequestCount: changes.requestCount(),
    });
    throw err;
  }
  if (upserted + removed > 0) await store.people.refreshStatistics();
  const peopleCount = await store.people.count(input.tenantId);
  await store.directorySync.save(input.tenantId, {
    source: directory.kind,
    deltaLink: changes.nextDeltaLink(),
    lastStartedAt: startedAt,
    lastCompletedAt: clock.now(),
    lastError: null,
    peopleCount,
    lastRequestCount: changes.requestCount(),
  });
  return { upserted, removed, peopleCount, requests: changes.requestCount() };
}
