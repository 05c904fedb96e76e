import { AppError } from '../domain/errors';
import type { ChatPreferencesRepository } from '../ports/chat-preferences';
import type { OnboardingRepository } from '../ports/onboarding';
import type { SharingStore } from '../ports/sharing';
import type { SparringStore } from '../ports/sparring';
import type { GamificationStore } from '../ports/gamification';
import type { ServiceDeps } from './deps';

/**
 * Ends a membership in one step. Waiting messages are cancelled, the person's activity, consents,
 * tracked links, shares and clicks are anonymised (aggregate counts survive, and links already posted
 * keep redirecting), their bot onboarding progress and chat preferences are deleted, and they may join
 * again later.
 */
export async function leaveProgram(
  deps: ServiceDeps & {
    sharing: SharingStore;
    onboarding: Pick<OnboardingRepository, 'delete'>;
    chatPreferences: Pick<ChatPreferencesRepository, 'delete'>;
    /** Sparring requests are deleted: the drafts are the person's own. */
    sparring: Pick<SparringStore, 'deleteForPerson'>;
    /** Prize-draw wins are forgotten (the published draw keeps only pseudonyms). */
    gamification?: Pick<GamificationStore, 'anonymise'>;
  },
  input: { tenantId: string; personId: string },
) {
  const { tenantId, personId } = input;
  if (!(await deps.store.memberships.get(tenantId, personId))) {
    throw new AppError('NOT_A_MEMBER', 'notAMember');
  }
  // Sharing data first: should the membership step then fail, the person is still a member (and can
  // leave again) with nothing personal left behind, never the other way round.
  await deps.sharing.anonymise(tenantId, personId);
  await deps.store.transaction(async (store) => {
    const removed = await store.memberships.delete(tenantId, personId);
    if (!removed) throw new AppError('NOT_A_MEMBER', 'notAMember');
    await store.jobs.cancelForPerson(tenantId, personId);
    await store.activity.anonymise(tenantId, personId);
    await store.consents.anonymise(tenantId, personId);
    await store.activity.record(tenantId, null, 'left');
  });
  // Once more, for a share the person may have prepared between the first pass and leaving.
  await deps.sharing.anonymise(tenantId, personId);
  await Promise.all([
    deps.onboarding.delete(tenantId, personId),
    deps.chatPreferences.delete(tenantId, personId),
    deps.sparring.deleteForPerson(tenantId, personId),
    deps.gamification?.anonymise(tenantId, personId),
  ]);
}
