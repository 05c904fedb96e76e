import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isAppError } from '../../src/domain/errors';
import type { Language } from '../../src/domain/person';
import { getImpact } from '../../src/services/get-impact';
import { leaveProgram } from '../../src/services/leave-program';
import { setNotificationsPaused } from '../../src/services/pause-notifications';
import { setChatLanguage } from '../../src/services/set-chat-language';
import { suggestLibraryItems } from '../../src/services/suggest-library-items';
import {
  COMMAND_STRINGS,
  commandText,
  renderLeaveConfirmation,
  renderLibraryList,
  renderStats,
} from '../cards-commands';
import { isPersonalChat } from '../turn';
import type { HandlerContext } from './context';
import { ambassadorDeps, whoIsAsking } from './onboarding';

// The chat commands (issue 5 §5), in both languages. Each parses the text, calls one service and
// presents the result. Anything personal is answered only in the person's 1:1 chat with the bot.

const command = (...words: string[]) => new RegExp(`^\\s*(?:${words.join('|')})\\s*[.!]*\\s*$`, 'i');

export const ONBOARDING_PATTERN = command('onboarding', 'introduktion', 'intro');
export const LIBRARY_PATTERN = command('library', 'bibliotek', 'biblioteket');
export const STATS_PATTERN = command('stats', 'statistik', 'statistics');
export const PAUSE_PATTERN = command('pause', 'sæt på pause');
export const RESUME_PATTERN = command('resume', 'genoptag');
export const LEAVE_PATTERN = command('leave', 'meld ud', 'meld mig ud', 'forlad');
export const LANGUAGE_PATTERN = /^\s*(?:language|sprog)(?:\s+(\S+))?\s*[.!]*\s*$/i;

/** How many days `stats` covers. */
export const STATS_DAYS = 30;

/**
 * True when the bot is @mentioned in the activity (Teams lists mentions in `entities`). teams-ai strips
 * the mention from the text (removeRecipientMention), so the entity is what remains to check.
 */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((entity) => {
    const mentioned = (entity as { type?: string; mentioned?: { id?: string } }).mentioned;
    return entity.type === 'mention' && !!botId && mentioned?.id === botId;
  });
}

/** In channels and group chats the bot answers only when @mentioned; in its 1:1 chat, always. */
export function isAddressedToBot(activity: Partial<Activity>): boolean {
  return isPersonalChat(activity) || mentionsBot(activity);
}

type Who = { tenantId: string; personId: string; language: Language };

/** Runs a personal command: in the 1:1 chat, for someone in the directory; a short answer otherwise. */
function personal(ctx: HandlerContext, run: (context: TurnContext, who: Who) => Promise<void>) {
  return async (context: TurnContext) => {
    const who = await whoIsAsking(ctx, context.activity);
    const s = COMMAND_STRINGS[who.language];
    if (!isPersonalChat(context.activity)) {
      await context.sendActivity(commandText(s.personalOnly));
      return;
    }
    if (!who.personId) {
      await context.sendActivity(commandText(s.notInDirectory));
      return;
    }
    await run(context, { ...who, personId: who.personId });
  };
}

/** `library` / `bibliotek`: the top three items for the person's topics. */
export function handleLibrary(ctx: HandlerContext) {
  return personal(ctx, async (context, who) => {
    const deps = ambassadorDeps(ctx);
    const { items, topics } = await suggestLibraryItems(
      { store: deps.store, content: ctx.deps.content, clock: deps.clock },
      {
        tenantId: who.tenantId,
        personId: who.personId,
        language: who.language,
        limit: 3,
        fallbackToAll: true,
      },
    );
    await context.sendActivity(
      renderLibraryList(items, { language: who.language, publicUrl: ctx.publicUrl, topics }),
    );
  });
}

/** `stats` / `statistik`: the person's own shares and clicks (the same numbers as the Impact page). */
export function handleStats(ctx: HandlerContext) {
  return personal(ctx, async (context, who) => {
    const deps = ambassadorDeps(ctx);
    const impact = await getImpact(deps, {
      tenantId: who.tenantId,
      personId: who.personId,
      days: STATS_DAYS,
    });
    await context.sendActivity(renderStats(impact, who.language));
  });
}

/** `pause` and `resume` / `genoptag`: non-essential proactive messages. */
export function handlePause(ctx: HandlerContext, paused: boolean) {
  return personal(ctx, async (context, who) => {
    const s = COMMAND_STRINGS[who.language];
    const { changed } = await setNotificationsPaused(ambassadorDeps(ctx), {
      tenantId: who.tenantId,
      personId: who.personId,
      paused,
    });
    const answer = paused ? (changed ? s.paused : s.alreadyPaused) : changed ? s.resumed : s.notPaused;
    await context.sendActivity(commandText(answer));
  });
}

/** `leave` / `meld ud`: a confirmation card; leaving itself happens on its button. */
export function handleLeave(ctx: HandlerContext) {
  return personal(ctx, async (context, who) => {
    const deps = ambassadorDeps(ctx);
    if (!(await deps.store.memberships.get(who.tenantId, who.personId))) {
      await context.sendActivity(commandText(COMMAND_STRINGS[who.language].notAMember));
      return;
    }
    await context.sendActivity(renderLeaveConfirmation(who.language));
  });
}

/** What the leave card's buttons send back. */
export const ZLeaveAnswer = z.object({
  chorus: z.literal('command'),
  command: z.literal('leave'),
  confirm: z.boolean(),
});

/** True for a submit from a command card (the leave confirmation). */
export function isCommandValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { chorus?: unknown }).chorus === 'command';
}

/** The leave card's buttons: leave as in the tab (a second confirm: "you have already left"), or stay. */
export function handleLeaveAnswer(ctx: HandlerContext) {
  return personal(ctx, async (context, who) => {
    const s = COMMAND_STRINGS[who.language];
    const parsed = ZLeaveAnswer.safeParse(context.activity.value);
    if (!parsed.success) {
      await context.sendActivity(commandText(s.malformed));
      return;
    }
    const deps = ambassadorDeps(ctx);
    if (!parsed.data.confirm) {
      const member = await deps.store.memberships.get(who.tenantId, who.personId);
      await context.sendActivity(commandText(member ? s.leaveCancelled : s.notAMember));
      return;
    }
    try {
      await leaveProgram(
        { ...deps, sparring: deps.sparringRequests },
        { tenantId: who.tenantId, personId: who.personId },
      );
    } catch (err) {
      if (isAppError(err) && err.code === 'NOT_A_MEMBER') {
        await context.sendActivity(commandText(s.alreadyLeft));
        return;
      }
      throw err;
    }
    await context.sendActivity(commandText(s.left));
  });
}

const LANGUAGE_WORDS: Record<string, Language | 'auto'> = {
  da: 'da',
  dansk: 'da',
  danish: 'da',
  en: 'en',
  english: 'en',
  engelsk: 'en',
  auto: 'auto',
  teams: 'auto',
};

/** `language [da|en|auto]` / `sprog …`: shows or sets the language the bot writes in. */
export function handleLanguage(ctx: HandlerContext) {
  return personal(ctx, async (context, who) => {
    const deps = ambassadorDeps(ctx);
    const argument = LANGUAGE_PATTERN.exec(context.activity.text ?? '')?.[1]?.toLowerCase();
    if (!argument) {
      const chosen = (await deps.chatPreferences.get(who.tenantId, who.personId))?.language ?? null;
      const s = COMMAND_STRINGS[who.language];
      await context.sendActivity(commandText(s.languageIs(s.languageName[who.language], chosen !== null)));
      return;
    }
    const wanted = LANGUAGE_WORDS[argument];
    if (!wanted) {
      await context.sendActivity(
        commandText(COMMAND_STRINGS[who.language].languageUnknown(argument.slice(0, 40))),
      );
      return;
    }
    await setChatLanguage(deps, {
      tenantId: who.tenantId,
      personId: who.personId,
      language: wanted === 'auto' ? null : wanted,
    });
    if (wanted !== 'auto') {
      await context.sendActivity(commandText(COMMAND_STRINGS[wanted].languageSet));
      return;
    }
    const now = await whoIsAsking(ctx, context.activity);
    const s = COMMAND_STRINGS[now.language];
    await context.sendActivity(commandText(s.languageCleared(s.languageName[now.language])));
  });
}
