import {
  ConfigurationServiceClientCredentialFactory,
  type Request,
  type Response,
  type Storage,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { Config } from '../src/config/config';
import type { Messenger } from '../src/ports/messenger';
import type { TenantContext } from '../src/ports/tenant-context';
import { createChorusApplication } from './application';
import type { BotDeps } from './handlers/context';
import { createLanguageCoach } from './language-coach';
import { createBotMessenger } from './messenger';
import { tenantOfActivity } from './turn';

export interface CreateBotOptions {
  config: Pick<Config, 'bot' | 'botServiceUrl' | 'publicUrl' | 'languageModel'>;
  logger: Logger;
  /** The app's tenant: activities that name no tenant belong to it. */
  tenantId: string;
  deps: BotDeps;
  /** botbuilder Storage for conversation and user state (Postgres). */
  storage: Storage;
  /** Carries each turn's tenant into the storage. */
  tenants: TenantContext;
  /** Where to create new 1:1 chats when BOT_SERVICE_URL is not set (the demo's local connector). */
  localConnectorUrl?: () => string | null;
  /** The bot's account in chats it creates. Teams: '28:<app id>'. */
  botAccount?: { id: string; name: string };
}

export interface ChorusBot {
  application: ReturnType<typeof createChorusApplication>['app'];
  adapter: TeamsAdapter;
  /** Proactive messages (the 'bot.welcome' job). */
  messenger: Messenger;
  /** Runs one Bot Framework HTTP request (a parsed activity) through the adapter and writes the answer. */
  process(req: Request, res: Response): Promise<void>;
}

/**
 * The bot: a teams-ai Application on teams-ai's TeamsAdapter. With BOT_ID, BOT_PASSWORD and
 * BOT_TENANT_ID set it checks the Bot Framework token on every request (single-tenant app); without
 * them (the demo) it takes unauthenticated activities.
 */
export function createBot(options: CreateBotOptions): ChorusBot {
  const { config, logger } = options;
  const auth = config.bot
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.password,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: config.bot.tenantId,
      }
    : {};
  const adapter = new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
  const botAppId = config.bot?.appId ?? '';

  const { app } = createChorusApplication({
    deps: options.deps,
    logger,
    fallbackTenantId: options.tenantId,
    publicUrl: config.publicUrl,
    languageCoach: createLanguageCoach(config.languageModel, logger),
    storage: options.storage,
    adapter,
    ...(botAppId ? { botAppId } : {}),
  });

  const messenger = createBotMessenger({
    adapter,
    conversations: options.deps.conversations,
    tenants: options.tenants,
    botAppId,
    botAccount: options.botAccount ?? {
      id: botAppId ? `28:${botAppId}` : '28:chorus-demo-bot',
      name: 'Chorus',
    },
    serviceUrl: () => config.botServiceUrl ?? options.localConnectorUrl?.() ?? null,
    logger,
  });

  return {
    application: app,
    adapter,
    messenger,
    process(req, res) {
      const tenantId = tenantOfActivity(req.body ?? {}, options.tenantId);
      return options.tenants.run(tenantId, () =>
        adapter.process(req, res, async (context) => {
          await app.run(context);
        }),
      );
    },
  };
}
