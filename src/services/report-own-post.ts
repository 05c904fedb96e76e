import { AppError } from '../domain/errors';
import type { Store } from '../ports/store';

/** The activity type an ambassador's "I wrote my own post" is recorded as (points count these). */
export const OWN_POST_REPORTED = 'own_post_reported';

/**
 * The ambassador says they wrote a post of their own (in their own words, the program's best kind).
 * Recorded as an activity event, so it counts for points and is anonymised when they leave.
 */
export async function reportOwnPost(
  deps: { store: Pick<Store, 'memberships' | 'activity'> },
  input: { tenantId: string; personId: string; url: string | null },
) {
  if (!(await deps.store.memberships.get(input.tenantId, input.personId))) {
    throw new AppError('NOT_A_MEMBER', 'notAMember');
  }
  await deps.store.activity.record(
    input.tenantId,
    input.personId,
    OWN_POST_REPORTED,
    input.url ? { url: input.url } : {},
  );
}
