import { ONBOARDING_STALL_DAYS, summariseOnboarding, type OnboardingSummary } from '../domain/onboarding';
import type { Clock } from '../ports/clock';
import type { OnboardingRepository } from '../ports/onboarding';

/**
 * Comms' view of onboarding in aggregate: people at each step, completed, stalled (no answer for a
 * week) and the median days to complete. Groups smaller than five are hidden; no person is named.
 */
export async function getOnboardingSummary(
  deps: { onboarding: Pick<OnboardingRepository, 'counts'>; clock: Clock },
  input: { tenantId: string },
): Promise<OnboardingSummary> {
  const stalledBefore = new Date(deps.clock.now().getTime() - ONBOARDING_STALL_DAYS * 86_400_000);
  return summariseOnboarding(await deps.onboarding.counts(input.tenantId, { stalledBefore }));
}
