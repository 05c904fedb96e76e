import { Channels, TurnContext, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { ConversationReferenceRepository } from '../src/ports/conversation-references';
import type { Messenger } from '../src/ports/messenger';
import type { TenantContext } from '../src/ports/tenant-context';
import { renderBotMessage } from './cards';
import { referenceToStore } from './turn';

export interface BotMessengerOptions {
  adapter: Pick<TeamsAdapter, 'continueConversationAsync' | 'createConversationAsync'>;
  conversations: ConversationReferenceRepository;
  tenants: TenantContext;
  /** The bot's app id; empty in the demo, where nothing is authenticated. */
  botAppId: string;
  /** The bot's account in a new chat (Teams: '28:<app id>'). */
  botAccount: { id: string; name: string };
  /** Where to create a 1:1 chat with someone the bot has not talked with yet; null when unknown. */
  serviceUrl: () => string | null;
  logger: Logger;
}

// Undefined lets the adapter use its own cloud's scope (the type asks for a string).
const ADAPTER_DEFAULT_AUDIENCE = undefined as unknown as string;

/** Statuses meaning the person cannot be reached (app not installed, chat gone), so retrying is useless. */
const UNREACHABLE = new Set([403, 404]);

/**
 * The Messenger port on the Bot Framework: sends in the person's stored 1:1 chat, or first creates
 * that chat (and stores its reference) when the bot has never talked with them.
 */
export function createBotMessenger(options: BotMessengerOptions): Messenger {
  const { adapter, conversations, logger } = options;

  const createChat = async (tenantId: string, personId: string) => {
    const serviceUrl = options.serviceUrl();
    if (!serviceUrl) {
      logger.warn(
        { tenantId, personId },
        'no chat with this person yet, and BOT_SERVICE_URL is not set to create one',
      );
      return null;
    }
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: options.botAccount,
      // Teams accepts the Entra object id for a 1:1 chat with a person who has the app.
      members: [{ id: personId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    const made: { reference?: Partial<ConversationReference> } = {};
    await adapter.createConversationAsync(
      options.botAppId,
      Channels.Msteams,
      serviceUrl,
      ADAPTER_DEFAULT_AUDIENCE,
      parameters,
      async (context) => {
        const created = TurnContext.getConversationReference(context.activity);
        made.reference = {
          ...created,
          user: { id: personId, name: '', aadObjectId: personId },
          conversation: { ...created.conversation!, conversationType: 'personal', tenantId },
        };
      },
    );
    const conversationId = made.reference?.conversation?.id;
    if (!made.reference || !conversationId) throw new Error('the connector created no conversation');
    const stored = referenceToStore(made.reference);
    await conversations.save(tenantId, personId, { conversationId, reference: stored });
    return stored;
  };

  return {
    async sendToPerson(tenantId, personId, message) {
      return options.tenants.run(tenantId, async () => {
        try {
          const known = await conversations.get(tenantId, personId);
          const reference = known?.reference ?? (await createChat(tenantId, personId));
          if (!reference) return false;
          await adapter.continueConversationAsync(options.botAppId, reference, async (context) => {
            await context.sendActivity(renderBotMessage(message));
          });
          return true;
        } catch (err) {
          const status = (err as { statusCode?: unknown }).statusCode;
          if (typeof status === 'number' && UNREACHABLE.has(status)) {
            logger.warn({ err, tenantId, personId, status }, 'the bot cannot reach this person');
            return false;
          }
          throw err;
        }
      });
    },
  };
}
