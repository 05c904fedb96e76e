import type { ServiceDeps } from './deps';

/** Aggregate counts for comms: never a list of who joined or left. */
export async function getProgramStats(deps: ServiceDeps, input: { tenantId: string }) {
  const [people, ambassadors, byType, sync] = await Promise.all([
    deps.store.people.count(input.tenantId),
    deps.store.memberships.count(input.tenantId),
    deps.store.activity.countByType(input.tenantId),
    deps.store.directorySync.get(input.tenantId),
  ]);
  return {
    people,
    ambassadors,
    joinedTotal: byType['joined'] ?? 0,
    leftTotal: byType['left'] ?? 0,
    directory: {
      source: sync?.source ?? 'none',
      lastCompletedAt: sync?.lastCompletedAt ?? null,
      lastError: sync?.lastError ?? null,
      peopleCount: sync?.peopleCount ?? people,
    },
  };
}
