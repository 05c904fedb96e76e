import type { ServiceDeps } from './deps';

/** People for the demo sign-in picker, by name, title or department. */
export async function searchPeople(
  deps: ServiceDeps,
  input: { tenantId: string; query: string; limit: number },
) {
  return deps.store.people.search(input.tenantId, input.query.trim(), input.limit);
}
