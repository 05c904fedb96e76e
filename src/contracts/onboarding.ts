import { z } from 'zod';

export const ZOnboardingStepName = z.enum([
  'welcome',
  'purpose',
  'guidelines',
  'choices',
  'tips',
  'first-item',
  'done',
]);

/**
 * What an onboarding card's button sends back (Action.Submit's `data` merged with the card's inputs,
 * or Action.Execute's `data`): the step, run and script version it was made for, and the answers.
 */
export const ZOnboardingSubmit = z.object({
  chorus: z.literal('onboarding'),
  step: ZOnboardingStepName,
  flowVersion: z.number().int().positive(),
  run: z.number().int().positive(),
  guidelinesVersion: z.number().int().positive().optional(),
  /** Multi-select answers, as Teams sends them: "linkedin,x". */
  networks: z.unknown().optional(),
  topics: z.unknown().optional(),
});
export type OnboardingSubmit = z.infer<typeof ZOnboardingSubmit>;

/** A count comms may see, or hidden because the group has fewer than five people. */
export const ZGroupCount = z.object({ hidden: z.boolean(), count: z.number().int().nullable() });
export type GroupCountView = z.infer<typeof ZGroupCount>;

/** GET /api/admin/onboarding: onboarding in aggregate, small groups hidden. */
export const ZOnboardingSummaryView = z.object({
  steps: z.array(z.object({ step: ZOnboardingStepName, people: ZGroupCount })),
  completed: ZGroupCount,
  stalled: ZGroupCount,
  medianDaysToComplete: z.number().nullable(),
  stallDays: z.number().int(),
  minGroupSize: z.number().int(),
  empty: z.boolean(),
});
export type OnboardingSummaryView = z.infer<typeof ZOnboardingSummaryView>;
