import type { Activity, TurnContext } from 'botbuilder';
import { ZOnboardingSubmit } from '../../src/contracts/onboarding';
import { isAppError } from '../../src/domain/errors';
import { render } from '../../src/domain/messages';
import { ONBOARDING_STEP_COUNT, stepNumber, type OnboardingStep } from '../../src/domain/onboarding';
import type { Language } from '../../src/domain/person';
import type { OnboardingProgress } from '../../src/ports/onboarding';
import { answerOnboarding, type AnswerOnboardingResult } from '../../src/services/answer-onboarding';
import { getChatLanguage } from '../../src/services/get-chat-language';
import { getOnboardingStep } from '../../src/services/get-onboarding-step';
import { startOnboarding } from '../../src/services/start-onboarding';
import {
  choiceProblemsText,
  ONBOARDING_STRINGS,
  onboardingText,
  renderOnboardingStep,
  renderReceiptCard,
} from '../cards-onboarding';
import { STRINGS } from '../strings';
import { isPersonalChat, personIdOf, tenantOfActivity } from '../turn';
import type { BotAmbassadorDeps, HandlerContext } from './context';
import { cardActionError } from './unreadable';

/** The person a turn is about, and the language to answer in. */
export async function whoIsAsking(ctx: HandlerContext, activity: Partial<Activity>) {
  const tenantId = tenantOfActivity(activity, ctx.fallbackTenantId);
  const personId = personIdOf(activity);
  const language = await getChatLanguage(ctx.deps, { tenantId, personId, locale: activity.locale ?? null });
  return { tenantId, personId, language };
}

/** The deps onboarding and the commands need; the app adds their routes only when they are present. */
export function ambassadorDeps(
  ctx: HandlerContext,
): BotAmbassadorDeps & { clock: HandlerContext['deps']['clock'] } {
  const deps = ctx.deps.ambassador;
  if (!deps) throw new Error('onboarding and the chat commands need deps.ambassador');
  return { ...deps, clock: ctx.deps.clock };
}

/** The card for where `progress` stands, read now. */
async function currentCard(
  ctx: HandlerContext,
  who: { tenantId: string; personId: string; language: Language },
  progress: Pick<OnboardingProgress, 'step' | 'run' | 'flowVersion'>,
  displayName: string | null,
): Promise<Partial<Activity>> {
  const deps = ambassadorDeps(ctx);
  const view = await getOnboardingStep(
    { store: deps.store, clock: deps.clock, content: ctx.deps.content },
    { tenantId: who.tenantId, personId: who.personId, language: who.language, progress },
  );
  return renderOnboardingStep(
    {
      language: who.language,
      flowVersion: progress.flowVersion,
      run: progress.run,
      publicUrl: ctx.publicUrl,
    },
    view,
    displayName,
  );
}

/** `onboarding` / `introduktion`: starts the onboarding over, from the welcome card. */
export function handleOnboardingCommand(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const activity = context.activity;
    const who = await whoIsAsking(ctx, activity);
    const s = ONBOARDING_STRINGS[who.language];
    if (!isPersonalChat(activity)) {
      await context.sendActivity(onboardingText(s.personalOnly));
      return;
    }
    const deps = ambassadorDeps(ctx);
    const person = who.personId ? await deps.store.people.get(who.tenantId, who.personId) : null;
    if (!who.personId || !person) {
      await context.sendActivity(onboardingText(s.notInDirectory));
      return;
    }
    const { progress } = await startOnboarding(deps, {
      tenantId: who.tenantId,
      personId: who.personId,
      restart: true,
    });
    await context.sendActivity(
      await currentCard(ctx, { ...who, personId: who.personId }, progress, person.displayName),
    );
  };
}

/** What to say after an answer, and what to put in place of the answered card (Action.Execute). */
interface OnboardingReply {
  activities: Partial<Activity>[];
  /** The invoke answer: a receipt card for an applied answer, else the short text (an error if unreadable). */
  receipt:
    | { kind: 'card'; card: Record<string, unknown> }
    | { kind: 'text'; text: string }
    | { kind: 'error'; text: string };
}

/** True for a card submit or Action.Execute from an onboarding card (however well-formed). */
export function isOnboardingValue(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { chorus?: unknown }).chorus === 'onboarding'
  );
}

/** Applies one card answer and says what follows: the next card, or why nothing changed. */
async function answer(
  ctx: HandlerContext,
  activity: Partial<Activity>,
  data: unknown,
): Promise<OnboardingReply> {
  const who = await whoIsAsking(ctx, activity);
  const s = ONBOARDING_STRINGS[who.language];
  const say = (text: string, extra: Partial<Activity>[] = []): OnboardingReply => ({
    activities: [onboardingText(text), ...extra],
    receipt: { kind: 'text', text },
  });
  const parsed = ZOnboardingSubmit.safeParse(data);
  if (!parsed.success) {
    ctx.logger.info(
      { problems: parsed.error.issues.map((i) => i.path.join('.')) },
      'malformed onboarding answer',
    );
    return { ...say(s.malformed), receipt: { kind: 'error', text: s.malformed } };
  }
  if (!who.personId) return say(s.notInDirectory);
  const personId = who.personId;
  const submit = parsed.data;
  const deps = ambassadorDeps(ctx);
  let result: AnswerOnboardingResult;
  try {
    result = await answerOnboarding(deps, {
      tenantId: who.tenantId,
      personId,
      card: { step: submit.step, flowVersion: submit.flowVersion, run: submit.run },
      guidelinesVersion: submit.guidelinesVersion,
      networks: submit.networks,
      topics: submit.topics,
    });
  } catch (err) {
    // Expected refusals (not in the directory, no guidelines…) in the person's words; the rest is a failure.
    if (isAppError(err)) return say(render(err.text, who.language));
    throw err;
  }
  const displayName = activity.from?.name ?? null;
  const card = (progress: OnboardingProgress) =>
    currentCard(ctx, { ...who, personId }, progress, displayName);
  switch (result.kind) {
    case 'advanced': {
      // "I accept" pressed after joining in the tab meanwhile: say the earlier consent counts.
      const joinedMeanwhile =
        result.alreadyAccepted && result.from === 'guidelines' && submit.guidelinesVersion !== undefined;
      const notes = joinedMeanwhile ? [onboardingText(s.acceptedInTab)] : [];
      return {
        activities: [...notes, await card(result.progress)],
        receipt: { kind: 'card', card: renderReceiptCard(who.language, result.from) },
      };
    }
    case 'invalid':
      return say(choiceProblemsText(result.problems, who.language));
    case 'guidelines-changed':
      return say(s.guidelinesChanged(result.currentVersion), [await card(result.progress)]);
    case 'refused': {
      const progress = result.progress;
      switch (result.verdict) {
        case 'not-started':
          return say(s.notStarted);
        case 'completed':
          return say(s.completed);
        case 'already-answered':
          return say(s.alreadyAnswered(stepOf(progress), ONBOARDING_STEP_COUNT));
        case 'old-card':
          return progress && progress.step !== 'done'
            ? say(s.oldCard, [await card(progress)])
            : say(s.completed);
      }
    }
  }
}

const stepOf = (progress: { step: OnboardingStep } | null) => (progress ? stepNumber(progress.step) : 1);

/** Action.Submit from an onboarding card: a message whose `value` is the card's data and inputs. */
export function handleOnboardingSubmit(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const reply = await answer(ctx, context.activity, context.activity.value);
    for (const activity of reply.activities) await context.sendActivity(activity);
  };
}

/**
 * Action.Execute from an onboarding card (invoke `adaptiveCard/action`): the answered card is replaced
 * by a receipt (or the short text, when nothing changed), and what follows comes as new messages.
 */
export function handleOnboardingInvoke(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const value = context.activity.value as { action?: { data?: unknown } } | undefined;
    let reply: OnboardingReply;
    try {
      reply = await answer(ctx, context.activity, value?.action?.data);
    } catch (err) {
      // Teams expects an invoke answer even when the turn fails: the short failure, details in the log.
      ctx.logger.error({ err, activityType: 'invoke' }, 'onboarding answer failed');
      const who = await whoIsAsking(ctx, context.activity).catch(() => null);
      const text = STRINGS[who?.language ?? 'da'].failure;
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
        },
      });
      return;
    }
    if (reply.receipt.kind === 'error') {
      // Unreadable data: the protocol's 400, whose message Teams shows on the card.
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: cardActionError(reply.receipt.text) },
      });
      return;
    }
    for (const activity of reply.activities) await context.sendActivity(activity);
    const body =
      reply.receipt.kind === 'card'
        ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.receipt.card }
        : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.receipt.text };
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  };
}
