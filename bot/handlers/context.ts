import type { LanguageCoach } from '../language-coach';
import type { TurnState } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { Clock } from '../../src/ports/clock';
import type { ContentStore } from '../../src/ports/content';
import type { ConversationReferenceRepository } from '../../src/ports/conversation-references';
import type { BotChannelRepository } from '../../src/ports/outbox';
import type { Store } from '../../src/ports/store';
import type { CoachSettingsStore } from '../../src/ports/coach-settings';
import type { CoachLibraryReader, SparringStore } from '../../src/ports/sparring';
import type { SharingStore } from '../../src/ports/sharing';
import type { ChatPreferencesRepository } from '../../src/ports/chat-preferences';
import type { OnboardingRepository } from '../../src/ports/onboarding';
import type { GamificationStore } from '../../src/ports/gamification';

/** What sparring needs: the coach's settings and library captions, tracked links, the human queue. */
export interface BotSparringDeps {
  store: Pick<Store, 'people' | 'memberships'>;
  coachSettings: CoachSettingsStore;
  coachLibrary: CoachLibraryReader;
  sharing: Pick<SharingStore, 'ensureTrackedLink'>;
  requests: SparringStore;
}

/** What onboarding and the chat commands need: joining and leaving as the tab does, the library, impact. */
export interface BotAmbassadorDeps {
  store: Store;
  onboarding: OnboardingRepository;
  chatPreferences: ChatPreferencesRepository;
  sharing: SharingStore;
  /** Leaving deletes the person's sparring requests too (as in the tab). */
  sparringRequests: Pick<SparringStore, 'deleteForPerson'>;
  /** Leaving forgets the person's prize-draw wins too (as in the tab). */
  gamification?: Pick<GamificationStore, 'anonymise'>;
}

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
  /** Sparring on drafts and "Ask comms"; absent in tests that need none (the routes are then not added). */
  sparring?: BotSparringDeps;
  /** Onboarding and the chat commands (library, stats, pause, leave…); absent in tests that need none. */
  ambassador?: BotAmbassadorDeps;
  /** The `language` override and paused notifications; absent: the bot follows Teams and the directory. */
  chatPreferences?: ChatPreferencesRepository;
}

/** What every handler gets. */
export interface HandlerContext {
  /** The optional language model for extra sparring coaching (null or absent: the rules alone). */
  languageCoach?: LanguageCoach | null;
  deps: BotDeps;
  logger: Logger;
  /** The app's tenant, for activities that name none (emulators). */
  fallbackTenantId: string;
  /** Where Chorus is reached (PUBLIC_URL, no trailing slash): card links and images point here. */
  publicUrl: string;
}
