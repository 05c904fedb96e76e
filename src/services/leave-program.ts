import { AppError } from '../domain/errors';
import type { ServiceDeps } from './deps';

/**
 * Ends a membership in one step. Waiting messages are cancelled, the person's activity and consents
 * are anonymised (aggregate counts survive), and they may join again later.
 */
export async function leaveProgram(deps: ServiceDeps, input: { tenantId: string; personId: string }) {
  await deps.store.transaction(async (store) => {
    const removed = await store.memberships.delete(input.tenantId, input.personId);
    if (!removed)
      throw new AppError('NOT_A_MEMBER', 'You are not an ambassador, so there is nothing to leave');
    await store.jobs.cancelForPerson(input.tenantId, input.personId);
    await store.activity.anonymise(input.tenantId, input.personId);
    await store.consents.anonymise(input.tenantId, input.personId);
    await store.activity.record(input.tenantId, null, 'left');
  });
}
