import type { Clock } from '../ports/clock';
import type { SparringStore } from '../ports/sparring';

/** The ambassador's own sparring requests, newest first (their drafts are nobody else's business). */
export async function listMySparringRequests(
  deps: { sparring: SparringStore; clock: Clock },
  input: { tenantId: string; personId: string; limit?: number },
) {
  const requests = await deps.sparring.listForPerson(input.tenantId, input.personId, input.limit ?? 50);
  return { requests, now: deps.clock.now() };
}
