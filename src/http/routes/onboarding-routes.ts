import type { OnboardingSummaryView } from '../../contracts';
import { MIN_GROUP_SIZE, type OnboardingSummary } from '../../domain/onboarding';
import { getOnboardingSummary } from '../../services/get-onboarding-summary';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** Exactly what goes on the wire: counts (or hidden), never a person. */
export function presentOnboardingSummary(summary: OnboardingSummary): OnboardingSummaryView {
  return {
    steps: summary.steps.map((s) => ({ step: s.step, people: s.people })),
    completed: summary.completed,
    stalled: summary.stalled,
    medianDaysToComplete: summary.medianDaysToComplete,
    stallDays: summary.stallDays,
    minGroupSize: MIN_GROUP_SIZE,
    empty: summary.empty,
  };
}

/** Comms' view of the bot's onboarding, in aggregate. */
export function registerOnboardingRoutes(r: RouteRegistrar, deps: HttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/admin/onboarding',
    access: ['comms'],
    async handler({ principal }) {
      return presentOnboardingSummary(await getOnboardingSummary(deps, { tenantId: principal!.tenantId }));
    },
  });
}
