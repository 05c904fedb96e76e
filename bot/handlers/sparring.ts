import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isAppError } from '../../src/domain/errors';
import { render } from '../../src/domain/messages';
import type { Language } from '../../src/domain/person';
import { NETWORKS } from '../../src/domain/program';
import { askComms } from '../../src/services/ask-comms';
import { listMySparringRequests } from '../../src/services/list-my-sparring-requests';
import { getChatLanguage } from '../../src/services/get-chat-language';
import { MAX_DRAFT_CHARS, sparDraft, type SparDeps } from '../../src/services/spar-draft';
import { describeFinding } from '../../src/domain/coach';
import {
  recentRequestsBlock,
  renderExtraCoaching,
  renderFeedbackCard,
  renderGetFeedbackCard,
  renderSparringText,
  type DraftData,
} from '../cards-sparring';
import { isPersonalChat, personIdOf, tenantOfActivity } from '../turn';
import type { BotSparringDeps, HandlerContext } from './context';

/** `spar <draft>` or the Danish `sparring <draft>`; with no draft, the "Get feedback" card. */
export const SPAR_PATTERN = /^\s*(?:spar|sparring)(?=\s|$)\s*([\s\S]*)$/i;

/** A pasted draft is at least this long, or spread over several lines. */
export const DRAFT_MIN_CHARS = 80;
const DRAFT_MIN_LINES = 3;
const DRAFT_MIN_CHARS_MULTILINE = 40;

/**
 * Whether a message in the 1:1 chat looks like a draft post rather than a question or a command: at
 * least 80 characters, or three or more non-empty lines of 40 characters together. Commands are short
 * single words and are routed before this is asked.
 */
export function looksLikeDraft(text: string | undefined): boolean {
  const value = (text ?? '').trim();
  if ([...value].length >= DRAFT_MIN_CHARS) return true;
  const lines = value.split(/\r?\n/).filter((line) => line.trim());
  return lines.length >= DRAFT_MIN_LINES && [...value].length >= DRAFT_MIN_CHARS_MULTILINE;
}

const ZDraftFields = {
  nonce: z.string().min(1).max(100),
  draft: z
    .string()
    .max(MAX_DRAFT_CHARS * 4)
    .default(''),
  network: z.enum(NETWORKS),
  kind: z.enum(['program', 'voluntary']),
};

/** What a sparring card sends back (Action.Submit data merged with the card's inputs). */
export const ZSparringSubmit = z.discriminatedUnion('chorus', [
  z.object({ chorus: z.literal('spar'), ...ZDraftFields }),
  z.object({ chorus: z.literal('askComms'), ...ZDraftFields }),
  // "Suggest first lines", offered only when the optional language model is configured.
  z.object({ chorus: z.literal('openings'), ...ZDraftFields }),
]);
export type SparringSubmit = z.infer<typeof ZSparringSubmit>;

const SUBMIT_KINDS = new Set(['spar', 'askComms', 'openings']);

function sparringValue(context: TurnContext): Record<string, unknown> | null {
  const value: unknown = context.activity.value;
  if (!value || typeof value !== 'object') return null;
  const chorus = (value as { chorus?: unknown }).chorus;
  return typeof chorus === 'string' && SUBMIT_KINDS.has(chorus) ? (value as Record<string, unknown>) : null;
}

/** A submit from a sparring card (message with `value.chorus` of 'spar' or 'askComms'). */
export function isSparringSubmit(context: TurnContext): boolean {
  return context.activity.type === 'message' && sparringValue(context) !== null;
}

/** `spar …` in the 1:1 chat. */
export function isSparCommand(context: TurnContext): boolean {
  const activity = context.activity;
  return (
    activity.type === 'message' &&
    !activity.value &&
    isPersonalChat(activity) &&
    SPAR_PATTERN.test(activity.text ?? '')
  );
}

/** A message in the 1:1 chat that looks like a draft post. */
export function isPastedDraft(context: TurnContext): boolean {
  const activity = context.activity;
  return (
    activity.type === 'message' &&
    !activity.value &&
    isPersonalChat(activity) &&
    looksLikeDraft(activity.text)
  );
}

interface Turn {
  tenantId: string;
  personId: string | null;
  language: Language;
  deps: SparDeps & { requests: BotSparringDeps['requests'] };
}

async function turnOf(ctx: HandlerContext, sparring: BotSparringDeps, context: TurnContext): Promise<Turn> {
  const activity = context.activity;
  const tenantId = tenantOfActivity(activity, ctx.fallbackTenantId);
  const personId = personIdOf(activity);
  const language = await getChatLanguage(ctx.deps, { tenantId, personId, locale: activity.locale ?? null });
  return {
    tenantId,
    personId,
    language,
    deps: { ...sparring, clock: ctx.deps.clock, publicUrl: ctx.publicUrl },
  };
}

/** Answers an expected problem (an empty or too long draft, someone outside the directory) in words. */
async function answeringProblems(context: TurnContext, language: Language, work: () => Promise<void>) {
  try {
    await work();
  } catch (err) {
    if (isAppError(err) && (err.code === 'VALIDATION_FAILED' || err.code === 'FORBIDDEN')) {
      const words = render(err.text, language);
      await context.sendActivity(words.charAt(0).toUpperCase() + words.slice(1) + '.');
      return;
    }
    throw err;
  }
}

/**
 * Asks the optional language model for extra coaching on top of the rules' findings and sends it as a
 * second card. With no model, a timeout or an error, nothing is sent: the rules' card stands alone.
 */
async function sendExtraCoaching(
  ctx: HandlerContext,
  context: TurnContext,
  turn: Turn,
  spar: Awaited<ReturnType<typeof sparDraft>>,
  wantOpenings: boolean,
) {
  if (!ctx.languageCoach) return;
  const coaching = await ctx.languageCoach.coach(context, {
    draft: spar.text,
    language: turn.language,
    network: spar.network,
    findings: spar.result.findings.map((f) => ({
      severity: f.severity,
      reason: describeFinding(f, turn.language).reason,
    })),
    wantOpenings,
  });
  if (coaching) await context.sendActivity(renderExtraCoaching(turn.language, coaching));
}

/** Coaches a draft and sends the feedback card (then, with a language model, its extra coaching). */
async function sendFeedback(
  ctx: HandlerContext,
  context: TurnContext,
  turn: Turn,
  data: Omit<DraftData, 'kind'> & { kind: DraftData['kind'] | null },
  wantOpenings = false,
) {
  const spar = await sparDraft(turn.deps, {
    tenantId: turn.tenantId,
    personId: turn.personId,
    text: data.draft,
    network: data.network,
    kind: data.kind,
    language: turn.language,
  });
  await context.sendActivity(
    renderFeedbackCard({
      language: turn.language,
      data: { draft: spar.text, network: spar.network, kind: spar.kind },
      result: spar.result,
      trackedLinks: spar.trackedLinks,
      askNonce: randomUUID(),
      againNonce: randomUUID(),
      openingsNonce: ctx.languageCoach ? randomUUID() : null,
    }),
  );
  await sendExtraCoaching(ctx, context, turn, spar, wantOpenings);
}

function requireSparring(ctx: HandlerContext): BotSparringDeps {
  if (!ctx.deps.sparring) throw new Error('sparring is not configured for the bot');
  return ctx.deps.sparring;
}

/** `spar <draft>`: feedback at once. `spar` alone: the "Get feedback" card and the latest requests. */
export function handleSparCommand(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const turn = await turnOf(ctx, requireSparring(ctx), context);
    const draft = SPAR_PATTERN.exec(context.activity.text ?? '')?.[1]?.trim() ?? '';
    if (!draft) {
      const recent = turn.personId
        ? (
            await listMySparringRequests(
              { sparring: turn.deps.requests, clock: turn.deps.clock },
              { tenantId: turn.tenantId, personId: turn.personId, limit: 3 },
            )
          ).requests
        : [];
      await context.sendActivity(
        renderGetFeedbackCard(turn.language, {
          nonce: randomUUID(),
          recent: recentRequestsBlock(turn.language, recent),
        }),
      );
      return;
    }
    await answeringProblems(context, turn.language, () =>
      sendFeedback(ctx, context, turn, { draft, network: 'linkedin', kind: null }),
    );
  };
}

/** A draft pasted into the chat: coached as a LinkedIn post (the card's "Check again" can change it). */
export function handlePastedDraft(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const turn = await turnOf(ctx, requireSparring(ctx), context);
    await answeringProblems(context, turn.language, () =>
      sendFeedback(ctx, context, turn, {
        draft: context.activity.text ?? '',
        network: 'linkedin',
        kind: null,
      }),
    );
  };
}

/**
 * A sparring card's submit: "Get feedback" / "Check again" coach the draft; "Ask comms" sends it to the
 * human queue once per card (the card's nonce is the request key). A stray or old value gets a clear
 * answer instead of a crash.
 */
export function handleSparringSubmit(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const turn = await turnOf(ctx, requireSparring(ctx), context);
    const parsed = ZSparringSubmit.safeParse(context.activity.value);
    if (!parsed.success) {
      ctx.logger.info(
        { issues: parsed.error.issues.map((i) => i.path.join('.')) },
        'sparring card not understood',
      );
      await context.sendActivity(renderSparringText(turn.language, 'cardNotUnderstood'));
      return;
    }
    const submit = parsed.data;
    await answeringProblems(context, turn.language, async () => {
      if (submit.chorus === 'spar') {
        await sendFeedback(ctx, context, turn, submit);
        return;
      }
      if (submit.chorus === 'openings') {
        // Only offered with a language model; an old card after it was switched off gets the rules.
        const spar = await sparDraft(turn.deps, {
          tenantId: turn.tenantId,
          personId: turn.personId,
          text: submit.draft,
          network: submit.network,
          kind: submit.kind,
          language: turn.language,
        });
        if (ctx.languageCoach) await sendExtraCoaching(ctx, context, turn, spar, true);
        else await sendFeedback(ctx, context, turn, submit);
        return;
      }
      const { created } = await askComms(
        { ...turn.deps, sparring: turn.deps.requests },
        {
          tenantId: turn.tenantId,
          personId: turn.personId,
          requestKey: submit.nonce,
          text: submit.draft,
          network: submit.network,
          kind: submit.kind,
          language: turn.language,
        },
      );
      await context.sendActivity(
        renderSparringText(turn.language, created ? 'askCommsSent' : 'askCommsAlreadySent'),
      );
    });
  };
}
