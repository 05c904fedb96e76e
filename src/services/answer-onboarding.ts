import { AppError, isAppError } from '../domain/errors';
import {
  judgeSubmit,
  nextOnboardingStep,
  parseChoices,
  type ChoiceProblem,
  type OnboardingCardRef,
  type OnboardingStep,
  type SubmitVerdict,
} from '../domain/onboarding';
import type { OnboardingProgress, OnboardingRepository } from '../ports/onboarding';
import type { ServiceDeps } from './deps';
import { joinProgram } from './join-program';
import { updateMembershipChoices } from './update-membership-choices';

export interface AnswerOnboardingInput {
  tenantId: string;
  personId: string;
  /** The step, run and script version the card was made for. */
  card: OnboardingCardRef;
  /** The guidelines version the card showed (the guidelines step). */
  guidelinesVersion?: number | undefined;
  /** The card's multi-select answers (the choices step): "linkedin,x" as Teams sends them. */
  networks?: unknown;
  topics?: unknown;
}

export type AnswerOnboardingResult =
  /** The answer was applied; `progress` is at the next step. */
  | { kind: 'advanced'; from: OnboardingStep; progress: OnboardingProgress; alreadyAccepted: boolean }
  /** The card is not the one waiting for an answer (see SubmitVerdict); nothing changed. */
  | { kind: 'refused'; verdict: Exclude<SubmitVerdict, 'apply'>; progress: OnboardingProgress | null }
  /** The choices had a stray or missing value; nothing changed. */
  | { kind: 'invalid'; problems: ChoiceProblem[]; progress: OnboardingProgress }
  /** The guidelines changed after the card was sent; the person must read the current version. */
  | { kind: 'guidelines-changed'; currentVersion: number; progress: OnboardingProgress };

type Deps = ServiceDeps & { onboarding: OnboardingRepository };

/**
 * Applies one answer to an onboarding card. The step moves first, with a conditional UPDATE, so a double
 * submit or two instances racing apply it once; the step's own effect (accepting the guidelines through
 * the same join as the tab, saving the choices) follows, and should it fail the step moves back.
 */
export async function answerOnboarding(
  deps: Deps,
  input: AnswerOnboardingInput,
): Promise<AnswerOnboardingResult> {
  const { tenantId, personId, card } = input;
  const progress = await deps.onboarding.get(tenantId, personId);
  const verdict = judgeSubmit(progress, card);
  if (verdict !== 'apply' || !progress) {
    return { kind: 'refused', verdict: verdict === 'apply' ? 'not-started' : verdict, progress };
  }

  // Checked before anything moves: a stray value changes nothing.
  let parsedChoices: Extract<ReturnType<typeof parseChoices>, { ok: true }> | null = null;
  if (card.step === 'choices') {
    const parsed = parseChoices(input.networks, input.topics);
    if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems, progress };
    parsedChoices = parsed;
  }
  let alreadyAccepted = false;
  if (card.step === 'guidelines') {
    const [membership, guidelines] = await Promise.all([
      deps.store.memberships.get(tenantId, personId),
      deps.store.program.current(tenantId, 'guidelines'),
    ]);
    if (!guidelines) throw new AppError('NO_GUIDELINES', 'noGuidelines');
    // Whichever comes first counts: someone who joined in the tab has accepted already.
    alreadyAccepted = membership !== null;
    if (!alreadyAccepted && input.guidelinesVersion !== guidelines.version) {
      return { kind: 'guidelines-changed', currentVersion: guidelines.version, progress };
    }
  }

  const from = card.step;
  const to = nextOnboardingStep(from);
  const now = deps.clock.now();
  const moved = await deps.onboarding.advance(tenantId, personId, {
    flowVersion: card.flowVersion,
    run: card.run,
    from,
    to,
    now,
  });
  if (!moved) {
    // Another submit (or instance) got there first.
    const current = await deps.onboarding.get(tenantId, personId);
    const again = judgeSubmit(current, card);
    return { kind: 'refused', verdict: again === 'apply' ? 'already-answered' : again, progress: current };
  }

  try {
    if (from === 'guidelines' && !alreadyAccepted) {
      try {
        await joinProgram(deps, {
          tenantId,
          personId,
          guidelinesVersion: input.guidelinesVersion ?? -1,
          networks: [],
          topics: [],
          source: 'bot',
        });
      } catch (err) {
        // Joined in the tab a moment ago: that acceptance counts.
        if (isAppError(err) && err.code === 'ALREADY_MEMBER') alreadyAccepted = true;
        else throw err;
      }
    }
    if (from === 'choices' && parsedChoices) {
      await updateMembershipChoices(deps, {
        tenantId,
        personId,
        networks: parsedChoices.networks,
        topics: parsedChoices.topics,
      });
    }
  } catch (err) {
    await deps.onboarding.advance(tenantId, personId, {
      flowVersion: card.flowVersion,
      run: card.run,
      from: to,
      to: from,
      now,
    });
    if (isAppError(err) && err.code === 'GUIDELINES_VERSION_STALE') {
      const current = await deps.store.program.current(tenantId, 'guidelines');
      return { kind: 'guidelines-changed', currentVersion: current?.version ?? 0, progress };
    }
    throw err;
  }

  await deps.store.activity.record(tenantId, personId, 'onboarding.step', { step: from, run: card.run });
  if (to === 'done') {
    await deps.store.activity.record(tenantId, personId, 'onboarding.completed', { run: card.run });
  }
  return { kind: 'advanced', from, progress: moved, alreadyAccepted };
}
