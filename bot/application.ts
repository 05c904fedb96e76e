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
import { handleUnknown } from './handlers/unknown';
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
  app.message(HELP_PATTERN, handleHelp(ctx));
  app.activity(ActivityTypes.Message, handleUnknown(ctx));
  // The message extension: search the library from the compose box, and unfurl links to items.
  app.messageExtensions.query(SEARCH_COMMAND, handleLibrarySearch(ctx));
  app.messageExtensions.queryLink(handleLinkUnfurl(ctx));

  const onTurnError = handleTurnError(ctx);
  app.error(onTurnError);
  return { app, onTurnError };
}
