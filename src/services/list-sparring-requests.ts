import type { Clock } from '../ports/clock';
import type { SparringStore } from '../ports/sparring';

/** How many requests the queue shows at most (open ones come first). */
export const QUEUE_LIMIT = 200;

/** Admin → Sparring: open requests oldest first, then answered ones, with the waiting times. */
export async function listSparringRequests(
  deps: { sparring: SparringStore; clock: Clock },
  input: { tenantId: string },
) {
  const now = deps.clock.now();
  const [requests, stats] = await Promise.all([
    deps.sparring.listQueue(input.tenantId, QUEUE_LIMIT),
    deps.sparring.waitTimes(input.tenantId, now),
  ]);
  return { requests, stats, now };
}
