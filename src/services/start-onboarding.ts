import { ONBOARDING_FLOW_VERSION } from '../domain/onboarding';
import type { OnboardingProgress, OnboardingRepository } from '../ports/onboarding';
import type { ServiceDeps } from './deps';

export interface StartOnboardingInput {
  tenantId: string;
  personId: string;
  /** True for the `onboarding` command: start over (a new run), even when done or under way. */
  restart?: boolean;
}

/**
 * Starts a person's onboarding at the welcome step. Without `restart` it keeps progress that exists
 * (so the welcome after joining never resets an onboarding under way); `restart` begins a new run, so
 * cards from the earlier run are answered as old.
 */
export async function startOnboarding(
  deps: Pick<ServiceDeps, 'store' | 'clock'> & { onboarding: OnboardingRepository },
  input: StartOnboardingInput,
): Promise<{ progress: OnboardingProgress; started: boolean }> {
  const now = deps.clock.now();
  const start = { flowVersion: ONBOARDING_FLOW_VERSION, step: 'welcome' as const, now };
  let progress: OnboardingProgress;
  let started: boolean;
  if (input.restart) {
    progress = await deps.onboarding.restart(input.tenantId, input.personId, start);
    started = true;
  } else {
    ({ progress, created: started } = await deps.onboarding.startIfAbsent(
      input.tenantId,
      input.personId,
      start,
    ));
  }
  if (started) {
    await deps.store.activity.record(input.tenantId, input.personId, 'onboarding.started', {
      run: progress.run,
      flowVersion: progress.flowVersion,
    });
  }
  return { progress, started };
}
