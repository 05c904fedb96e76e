import { ActivityTypes, type Storage } from 'botbuilder';
import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import type { ChorusConversationState, ChorusTurnState, HandlerContext } from './handlers/context';
import { handleHelp } from './handlers/help';
import {
  handleChannelInstall,
  handleInstall,
  handleInstallationUpdate,
  isChannelInstall,
  isPersonalInstall,
} from './handlers/install';
import { handleLibrarySearch, handleLinkUnfurl, SEARCH_COMMAND } from './handlers/message-extension';
import { handleTurnError } from './handlers/turn-error';
import {
  handleUnhandledInvoke,
  handleUnreadable,
  isMalformedExtensionQuery,
  isUnreadable,
} from './handlers/unreadable';
import { handleUnknown } from './handlers/unknown';
import {
  handlePastedDraft,
  handleSparCommand,
  handleSparringSubmit,
  isPastedDraft,
  isSparCommand,
  isSparringSubmit,
} from './handlers/sparring';
import {
  handleLanguage,
  handleLeave,
  handleLeaveAnswer,
  handleLibrary,
  handlePause,
  handleStats,
  isAddressedToBot,
  isCommandValue,
  LANGUAGE_PATTERN,
  LEAVE_PATTERN,
  LIBRARY_PATTERN,
  ONBOARDING_PATTERN,
  PAUSE_PATTERN,
  RESUME_PATTERN,
  STATS_PATTERN,
} from './handlers/commands';
import {
  handleOnboardingCommand,
  handleOnboardingInvoke,
  handleOnboardingSubmit,
  isOnboardingValue,
} from './handlers/onboarding';
import { HELP_PATTERN } from './strings';

export interface ChorusApplicationOptions extends HandlerContext {
  /** Conversation and user state (Postgres in the app; MemoryStorage in unit tests). */
  storage: Storage;
  /** The Teams adapter; unit tests run the application on botbuilder's TestAdapter instead. */
  adapter?: TeamsAdapter;
  botAppId?: string;
}

/** The teams-ai application: routes from activities to handlers. Routes are tried in order. */
export function createChorusApplication(options: ChorusApplicationOptions) {
  const ctx: HandlerContext = {
    deps: options.deps,
    logger: options.logger,
    fallbackTenantId: options.fallbackTenantId,
    publicUrl: options.publicUrl,
    languageCoach: options.languageCoach ?? null,
  };
  const app = new Application<ChorusTurnState>({
    storage: options.storage,
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.botAppId ? { botAppId: options.botAppId } : {}),
    turnStateFactory: () => new TurnState<ChorusConversationState>(),
    // No typing indicator: every answer is immediate, and it would be one more call per turn.
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });

  app.addRoute(
    async (context) =>
      context.activity.type === String(ActivityTypes.ConversationUpdate) && isPersonalInstall(context),
    handleInstall(ctx),
  );
  // Added to a team, or a channel created or renamed there: a place for campaign announcements.
  app.addRoute(
    async (context) =>
      context.activity.type === String(ActivityTypes.ConversationUpdate) && isChannelInstall(context),
    handleChannelInstall(ctx),
  );
  app.activity(ActivityTypes.InstallationUpdate, handleInstallationUpdate(ctx));
  // An invoke whose data holds NUL: refused before any handler tries to store it.
  app.addRoute(async (context) => isUnreadable(context), handleUnreadable(ctx), true);
  // In channels and group chats the bot answers only when @mentioned (card submits are addressed to it).
  app.addRoute(
    async (context) =>
      context.activity.type === String(ActivityTypes.Message) &&
      context.activity.value === undefined &&
      !isAddressedToBot(context.activity),
    async () => {},
  );
  // A message or card submit whose text or data holds NUL: a short answer, nothing stored.
  app.addRoute(async (context) => isUnreadable(context), handleUnreadable(ctx));
  app.message(HELP_PATTERN, handleHelp(ctx));
  if (options.deps.ambassador) {
    // Onboarding cards (Action.Submit as a message with `value`, Action.Execute as an invoke) and commands.
    app.addRoute(
      async (context) =>
        context.activity.type === String(ActivityTypes.Message) && isOnboardingValue(context.activity.value),
      handleOnboardingSubmit(ctx),
    );
    app.addRoute(
      async (context) =>
        context.activity.type === String(ActivityTypes.Invoke) &&
        context.activity.name === 'adaptiveCard/action' &&
        isOnboardingValue(
          (context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data,
        ),
      handleOnboardingInvoke(ctx),
      true,
    );
    app.addRoute(
      async (context) =>
        context.activity.type === String(ActivityTypes.Message) && isCommandValue(context.activity.value),
      handleLeaveAnswer(ctx),
    );
    app.message(ONBOARDING_PATTERN, handleOnboardingCommand(ctx));
    app.message(LIBRARY_PATTERN, handleLibrary(ctx));
    app.message(STATS_PATTERN, handleStats(ctx));
    app.message(PAUSE_PATTERN, handlePause(ctx, true));
    app.message(RESUME_PATTERN, handlePause(ctx, false));
    app.message(LEAVE_PATTERN, handleLeave(ctx));
    app.message(LANGUAGE_PATTERN, handleLanguage(ctx));
  }
  if (options.deps.sparring) {
    // Sparring: card submits, `spar …`, then any longer message in the 1:1 chat taken as a pasted draft
    // (after the commands, before the catch-all).
    app.addRoute(async (context) => isSparringSubmit(context), handleSparringSubmit(ctx));
    app.addRoute(async (context) => isSparCommand(context), handleSparCommand(ctx));
    app.addRoute(async (context) => isPastedDraft(context), handlePastedDraft(ctx));
  }
  app.activity(ActivityTypes.Message, handleUnknown(ctx));
  // The message extension: search the library from the compose box, and unfurl links to items.
  // A query teams-ai cannot flatten is refused first (its route would throw: a 501 to Teams).
  app.addRoute(async (context) => isMalformedExtensionQuery(context), handleUnhandledInvoke(ctx), true);
  app.messageExtensions.query(SEARCH_COMMAND, handleLibrarySearch(ctx));
  app.messageExtensions.queryLink(handleLinkUnfurl(ctx));
  // Last: every other invoke gets a 400 (an Action.Execute the protocol's error), never botbuilder's 501.
  app.addRoute(
    async (context) => context.activity.type === String(ActivityTypes.Invoke),
    handleUnhandledInvoke(ctx),
    true,
  );

  const onTurnError = handleTurnError(ctx);
  app.error(onTurnError);
  return { app, onTurnError };
}
