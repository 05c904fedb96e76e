import { AppError } from '../domain/errors';
import type { Network, Topic } from '../domain/program';
import type { OnboardingRepository } from '../ports/onboarding';

/** Sets a member's networks and topics (at least one network, as when joining in the tab). */
export async function updateMembershipChoices(
  deps: { onboarding: Pick<OnboardingRepository, 'setMembershipChoices'> },
  input: { tenantId: string; personId: string; networks: Network[]; topics: Topic[] },
) {
  if (input.networks.length === 0) throw new AppError('VALIDATION_FAILED', 'networksRequired');
  const updated = await deps.onboarding.setMembershipChoices(input.tenantId, input.personId, {
    networks: [...new Set(input.networks)],
    topics: [...new Set(input.topics)],
  });
  if (!updated) throw new AppError('NOT_A_MEMBER', 'notAMember');
}
