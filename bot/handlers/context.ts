import type { TurnState } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { Clock } from '../../src/ports/clock';
import type { ContentStore } from '../../src/ports/content';
import type { ConversationReferenceRepository } from '../../src/ports/conversation-references';
import type { BotChannelRepository } from '../../src/ports/outbox';
import type { Store } from '../../src/ports/store';

/** What the bot remembers per conversation (stored through botbuilder Storage, in Postgres). */
export interface ChorusConversationState {
  /** True once the bot greeted this chat: Teams sends both conversationUpdate and installationUpdate. */
  greeted?: boolean;
}

export type ChorusTurnState = TurnState<ChorusConversationState>;

/** The services' ports the bot's handlers use. */
export interface BotDeps {
  store: Pick<Store, 'people'>;
  conversations: ConversationReferenceRepository;
  /** The library, for the message extension's search and link unfurling. */
  content: ContentStore;
  clock: Clock;
  /** Channels the bot is in (for campaign announcements); absent in tests that need none. */
  channels?: BotChannelRepository;
}

/** What every handler gets. */
export interface HandlerContext {
  deps: BotDeps;
  logger: Logger;
  /** The app's tenant, for activities that name none (emulators). */
  fallbackTenantId: string;
  /** Where Chorus is reached (PUBLIC_URL, no trailing slash): card links and images point here. */
  publicUrl: string;
}
