import type { OnboardingStep } from '../domain/onboarding';
import type { Language } from '../domain/person';
import type { Network, ProgramDocument, Topic } from '../domain/program';
import type { LibraryEntry } from '../ports/content';
import type { OnboardingProgress } from '../ports/onboarding';
import type { ContentDeps, ServiceDeps } from './deps';
import { suggestLibraryItems } from './suggest-library-items';

/** What the card for a step shows, read when it is shown (documents and membership as they are now). */
export type OnboardingStepView =
  | { step: 'welcome' | 'tips' | 'done' }
  | { step: 'purpose'; purpose: ProgramDocument | null }
  | {
      step: 'guidelines';
      guidelines: ProgramDocument | null;
      /** Set when the person is a member already (joined in the tab): the step shows as done. */
      acceptedVersion: number | null;
    }
  | { step: 'choices'; networks: Network[]; topics: Topic[] }
  | { step: 'first-item'; item: LibraryEntry | null };

/** The content of the card for the person's current onboarding step. */
export async function getOnboardingStep(
  deps: ServiceDeps & ContentDeps,
  input: {
    tenantId: string;
    personId: string;
    language: Language;
    progress: Pick<OnboardingProgress, 'step'>;
  },
): Promise<OnboardingStepView> {
  const { tenantId, personId } = input;
  const step: OnboardingStep = input.progress.step;
  switch (step) {
    case 'welcome':
    case 'tips':
    case 'done':
      return { step };
    case 'purpose':
      return { step, purpose: await deps.store.program.current(tenantId, 'purpose') };
    case 'guidelines': {
      const [guidelines, membership] = await Promise.all([
        deps.store.program.current(tenantId, 'guidelines'),
        deps.store.memberships.get(tenantId, personId),
      ]);
      return { step, guidelines, acceptedVersion: membership?.guidelinesVersion ?? null };
    }
    case 'choices': {
      const membership = await deps.store.memberships.get(tenantId, personId);
      return { step, networks: membership?.networks ?? [], topics: membership?.topics ?? [] };
    }
    case 'first-item': {
      const { items } = await suggestLibraryItems(deps, {
        tenantId,
        personId,
        language: input.language,
        limit: 1,
      });
      return { step, item: items[0] ?? null };
    }
  }
}
