import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config/config';
import { analyze, migrate, openDatabase, type DatabaseHandle } from './db/database';
import { createSecretSource } from './db/secrets';
import { createDrizzleStore } from './db/store';
import { createClickRecorder } from './db/click-recorder';
import { createOperationsReader } from './db/operations-store';
import { createPersonalDataReader } from './db/privacy-store';
import { createContentStore } from './db/content-store';
import { createSharingStore } from './db/sharing-store';
import { createCoachLibraryReader, createSparringStore } from './db/sparring-store';
import { createCoachSettingsStore } from './db/coach-settings-store';
import { createCanvasStore } from './db/canvas-store';
import { createAuditLogStore } from './db/audit-log-store';
import { createOnboardingStore } from './db/onboarding-store';
import { createChatPreferencesStore } from './db/chat-preferences-store';
import { createDigestStore } from './db/digest-store';
import { createStatsStore } from './db/stats-store';
import { createClickRetentionStore } from './db/click-retention-store';
import { createConversionStore } from './db/conversion-store';
import { createGamificationStore } from './db/gamification-store';
import { createCampaignStore } from './db/campaign-store';
import { createNominationStore } from './db/nomination-store';
import { createBotChannelRepository, createOutboxContentReader, createOutboxStore } from './db/outbox-store';
import { createBotStorage } from './db/bot-storage';
import { createConversationReferenceRepository } from './db/conversation-references';
import { createDevChatLog } from './db/dev-chat-log';
import { createUnitOfWork } from './db/unit-of-work';
import {
  DEMO_TENANT_ID,
  DEMO_TENANT_NAME,
  demoApprovers,
  demoCommsAdmins,
  generateDemoOrg,
} from './demo/demo-org';
import { DemoDirectory } from './demo/demo-directory';
import { seedDemoContent } from './demo/demo-content';
import { seedDemoCoachSettings } from './demo/demo-coach';
import { seedDemoCanvas } from './demo/demo-canvas';
import { seedDemoRecruitment } from './demo/demo-recruitment';
import { seedDemoActivity } from './demo/demo-activity';
import { seedDemoGamification } from './demo/demo-gamification';
import {
  createDevChat,
  DEMO_BOT_ACCOUNT,
  DEMO_CHANNELS,
  DEV_CONNECTOR_PATH,
  DEV_GRAPH_PATH,
  devChatConnectorStore,
} from './demo/dev-chat';
import { createLocalConnector } from './demo/local-connector';
import type { RoleRules } from './domain/roles';
import { createAuthenticator } from './http/auth/authenticator';
import { createDevSessions } from './http/auth/dev-session';
import { createTeamsTokenVerifier } from './http/auth/teams-sso';
import { buildServer, type BotEndpoint, type ChorusServer } from './http/server';
import { createBotEndpoint } from './http/bot-endpoint';
import { registerDevChatRoutes } from './http/routes/dev-chat-routes';
import { registerDevInboxRoutes } from './http/routes/dev-inbox-routes';
import type { RouteRegistrar } from './http/route';
import { startJobWorker, type JobWorker } from './jobs/job-worker';
import { startOutboxWorker, type OutboxWorker } from './jobs/outbox-worker';
import { createActivityFeedClient } from './graph/activity-feed';
import { createAppTokenProvider } from './graph/token-provider';
import { createTeamsAppInstaller } from './graph/teams-install';
import type { OutboxPace } from './ports/outbox';
import { createLogger } from './logger';
import { contextualLogger } from './observability/context';
import { createTelemetry, type Telemetry } from './observability/telemetry';
import { systemClock, type Clock } from './ports/clock';
import type { Directory } from './ports/directory';
import { createTenantContext } from './ports/tenant-context';
import type { Store } from './ports/store';
import type { TransactionStores } from './ports/unit-of-work';
import { ensureProgramDefaults } from './services/ensure-program-defaults';
import { sendWelcome } from './services/send-welcome';
import { syncDirectory } from './services/sync-directory';
import { sendWeeklyDigests } from './services/send-weekly-digests';
import { rollUpDueAt, rollUpStats, snapshotRecentStats } from './services/roll-up-stats';
import { retainClicks, retentionDueAt } from './services/retain-clicks';
import { isoWeekOf, nextDigestAt } from './domain/digest';
import { createGraphDirectoryFromConfig } from './graph/create-graph-directory';
import { createSharePointPagesFromConfig } from './graph/sharepoint-pages';
import { createBot } from '../bot/create-bot';
import { createConnectorClient } from '../bot/connector-client';
import { createOutboxTransport, DEFAULT_TEAMS_SERVICE_URL } from '../bot/outbox-transport';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ChorusOptions {
  config: Config;
  logger?: Logger;
  /** Replaces the configured directory (tests point Graph at a local server this way). */
  directory?: Directory;
  tabDir?: string;
  clock?: Clock;
  /** Demo mode only: the tenant to seed (tests give each test its own). */
  demoTenantId?: string;
  /**
   * An open database to use instead of opening `config.database`: tests run two tenants' instances on
   * one database (PGlite in memory cannot be opened twice). The caller closes it.
   */
  sharedDatabase?: DatabaseHandle;
  /** Tests: replaces stores inside each unit of work (an audit log or outbox whose writes fail). */
  transactionStores?: (stores: TransactionStores) => TransactionStores;
}

export interface Chorus {
  config: Config;
  server: ChorusServer;
  store: Store;
  database: DatabaseHandle;
  /** Traces and metrics (Application Insights when configured); `flush()` exports now. */
  telemetry: Telemetry;
  /** The job worker; `drain()` also sends what the outbox has due (tests). */
  worker: JobWorker;
  /** The outbox worker, running once `listen()` resolved (it needs the local connector's URL in the demo). */
  outbox: OutboxWorker | null;
  tenantId: string;
  /** The URL it listens on, once `listen()` resolved. */
  url: string | null;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** The composition root: config → database → adapters → services → HTTP and bot. */
export async function createChorus(options: ChorusOptions): Promise<Chorus> {
  const { config } = options;
  const baseLogger = options.logger ?? createLogger(config.logLevel);
  // Logs through the running operation's logger (HTTP request, bot turn, job), with its correlation id.
  const logger = contextualLogger(baseLogger);
  const telemetry = createTelemetry(config.applicationInsights);
  const clock = options.clock ?? systemClock;
  const database = options.sharedDatabase ?? (await openDatabase(config.database));
  const applied = await migrate(database.db);
  if (applied.length) logger.info({ applied }, 'database migrations applied');
  if (database.kind === 'pglite') await analyze(database.db);
  const store = createDrizzleStore(database.db);
  const content = createContentStore(database.db);
  // Sparring: the coach's settings and library captions, the human sparring queue (bot and Admin).
  const sharing = createSharingStore(database.db);
  const sparring = createSparringStore(database.db);
  const coachSettings = createCoachSettingsStore(database.db);
  // The program canvas and the audit log of admin actions (issue 6).
  const canvas = createCanvasStore(database.db);
  const audit = createAuditLogStore(database.db);
  // Writes that must commit together (a change, its audit entry, the messages it causes).
  const unitOfWork = createUnitOfWork(database.db, {
    outbox: { maxAttempts: config.outbox.maxAttempts },
    ...(options.transactionStores ? { decorate: options.transactionStores } : {}),
  });
  const coachLibrary = createCoachLibraryReader(database.db);
  // The bot's onboarding progress and per-person chat preferences (language override, pause).
  const onboarding = createOnboardingStore(database.db);
  const chatPreferences = createChatPreferencesStore(database.db);
  // The reach calculator's numbers and the weekly digest's reads (issue 6).
  const digest = createDigestStore(database.db);
  // Gamification: settings, challenges and prize draws (issue 6).
  const gamification = createGamificationStore(database.db);
  // The dashboard's numbers, their daily roll-ups, and reported conversions (issue 6).
  const stats = createStatsStore(database.db);
  const conversions = createConversionStore(database.db);

  let directory: Directory;
  let tenantId: string;
  let tenantName: string;
  let roleRules: RoleRules = config.roles;
  if (config.directory.kind === 'demo') {
    const org = generateDemoOrg();
    directory = options.directory ?? new DemoDirectory(org);
    tenantId = options.demoTenantId ?? DEMO_TENANT_ID;
    tenantName = DEMO_TENANT_NAME;
    if (!roleRules.commsAdmins.length && !roleRules.commsAdminGroupId) {
      roleRules = { ...roleRules, commsAdmins: demoCommsAdmins(org) };
    }
    if (!roleRules.approvers.length && !roleRules.approverGroupId) {
      roleRules = { ...roleRules, approvers: demoApprovers(org) };
    }
  } else {
    directory = options.directory ?? createGraphDirectoryFromConfig(config.directory);
    tenantId = config.directory.tenantId;
    tenantName = tenantId;
  }
  const deps = { store, clock, roleRules };
  await ensureProgramDefaults({ ...deps, content }, { tenantId, tenantName });
  if (config.demoContent) {
    await seedDemoContent({ content, clock }, { tenantId, roleRules });
    await seedDemoCoachSettings({ coachSettings, clock }, { tenantId });
    await seedDemoCanvas({ canvas, clock }, { tenantId });
  }

  const devSessions = config.devSignIn ? createDevSessions(createSecretSource(database.db), tenantId) : null;
  const sso = config.sso
    ? createTeamsTokenVerifier({
        clientId: config.sso.clientId,
        tenantId: config.sso.tenantId,
        jwksUrl: config.sso.jwksUrl,
        ...(config.sso.appIdUri ? { appIdUri: config.sso.appIdUri } : {}),
      })
    : null;
  const authenticator = createAuthenticator({ sso, dev: devSessions });

  // The bot: its state and conversation references in Postgres, each row under the turn's tenant.
  // Demo mode without bot credentials adds the local Bot Connector and the tab's chat with the bot.
  const demoChat = config.mode === 'demo' && config.bot === null;
  const tenants = createTenantContext();
  const conversations = createConversationReferenceRepository(database.db);
  const channels = createBotChannelRepository(database.db);
  let listeningOrigin = (): string | null => null;
  const bot = createBot({
    config,
    logger,
    tenantId,
    deps: {
      store,
      conversations,
      content,
      clock,
      channels,
      sparring: { store, coachSettings, coachLibrary, sharing, requests: sparring },
      ambassador: { store, onboarding, chatPreferences, sharing, sparringRequests: sparring, gamification },
      chatPreferences,
    },
    storage: createBotStorage(database.db, () => tenants.current() ?? tenantId),
    tenants,
    ...(demoChat
      ? {
          botAccount: DEMO_BOT_ACCOUNT,
          localConnectorUrl: () => {
            const origin = listeningOrigin();
            return origin ? `${origin}${DEV_CONNECTOR_PATH}` : null;
          },
        }
      : {}),
  });
  // DEMO_CHAT_AS (demo directory only): Agents Playground's test user is in no directory, so its
  // messages act as that demo person and it can hold an onboarding. Everyone in the directory is left alone.
  const demoChatAs = config.demoChatAs;
  const demoChatPersonId = demoChatAs
    ? (generateDemoOrg().find((p) => p.userPrincipalName?.toLowerCase() === demoChatAs)?.id ?? null)
    : null;
  if (demoChatAs && !demoChatPersonId) {
    logger.warn({ upn: demoChatAs }, 'DEMO_CHAT_AS names no one in the demo directory; it is ignored');
  }
  const botEndpoint: BotEndpoint = createBotEndpoint(bot, {
    localOnly: config.bot === null,
    ...(demoChatPersonId
      ? {
          senderFor: async (aadObjectId: string | undefined) =>
            aadObjectId && (await store.people.get(tenantId, aadObjectId)) ? aadObjectId : demoChatPersonId,
        }
      : {}),
  });
  // The demo's stand-in for Teams: the same Bot Connector REST calls, Teams' limits, and a record in
  // dev_chat_activities that keeps one copy per outbox key, so the tab shows what each person received.
  const botRoutes: ((r: RouteRegistrar) => void)[] = [];
  if (demoChat) {
    const log = createDevChatLog(database.db);
    const localConnector = createLocalConnector({
      store: devChatConnectorStore(log),
      basePath: DEV_CONNECTOR_PATH,
      defaultTenantId: tenantId,
      onlyTenantId: tenantId,
      limits: { tenantRps: config.devConnectorTenantRps },
      clock,
    });
    botRoutes.push((r) => registerDevChatRoutes(r, createDevChat({ log, store }), localConnector, tenantId));
    botRoutes.push((r) => registerDevInboxRoutes(r, log));
    // Announcements need channels; in Teams they are recorded when the bot is added to a team.
    for (const channel of DEMO_CHANNELS) {
      await channels.upsert(tenantId, { ...channel, serviceUrl: `${config.publicUrl}${DEV_CONNECTOR_PATH}` });
    }
  }

  // ---- the outbox: every proactive Teams message, paced and retried (docs/design/recruitment.md §5) ----
  const outbox = createOutboxStore(database.db, { maxAttempts: config.outbox.maxAttempts });
  const outboxPace: OutboxPace = {
    ratePerSec: config.outbox.ratePerSecond,
    burst: config.outbox.burst,
    maxAheadMs: 1_000,
    leaseMs: config.outbox.leaseMs,
  };
  // A request must end well within its lease, or a slow answer could be taken for a crash and resent.
  const requestTimeoutMs = Math.min(10_000, Math.floor(config.outbox.leaseMs / 2));
  const botTokens = config.bot
    ? createAppTokenProvider({
        tenantId: config.bot.tenantId,
        clientId: config.bot.appId,
        clientSecret: config.bot.password,
        ...(config.directory.kind === 'graph' ? { authorityHost: config.directory.authorityHost } : {}),
        scopes: ['https://api.botframework.com/.default'],
      })
    : null;
  const graph = config.directory.kind === 'graph' ? config.directory : null;
  const graphTokens = graph
    ? createAppTokenProvider({
        tenantId: graph.tenantId,
        clientId: graph.clientId,
        clientSecret: graph.clientSecret,
        authorityHost: graph.authorityHost,
      })
    : null;
  // Proactive install: people the bot cannot reach get the app installed for them through Graph.
  const install = config.proactiveInstall;
  const installTokens = install
    ? createAppTokenProvider({
        tenantId: install.tenantId,
        clientId: install.clientId,
        clientSecret: install.clientSecret,
        authorityHost: install.authorityHost,
      })
    : null;
  const demoOrigin = () => listeningOrigin();
  const feed = graph
    ? createActivityFeedClient({
        baseUrl: graph.graphBaseUrl,
        getToken: () => graphTokens!.getToken(),
        timeoutMs: requestTimeoutMs,
      })
    : demoChat
      ? createActivityFeedClient({
          // The demo's Graph stand-in lives on this server, whose port is known once it listens.
          baseUrl: () => `${demoOrigin() ?? config.publicUrl}${DEV_GRAPH_PATH}`,
          getToken: null,
          timeoutMs: requestTimeoutMs,
        })
      : null;
  const outboxTransport = createOutboxTransport({
    connector: createConnectorClient({
      getToken: botTokens ? () => botTokens.getToken() : undefined,
      timeoutMs: requestTimeoutMs,
    }),
    feed,
    install: install
      ? createTeamsAppInstaller({
          baseUrl: install.graphBaseUrl,
          getToken: () => installTokens!.getToken(),
          catalogAppId: install.catalogAppId,
          timeoutMs: requestTimeoutMs,
        })
      : null,
    // Creating the chat, installing and sending share one lease; the install may use a third of it.
    installBudgetMs: Math.floor(config.outbox.leaseMs / 3),
    content: createOutboxContentReader(database.db),
    sparring,
    chatPreferences,
    conversations,
    botAccount: demoChat
      ? DEMO_BOT_ACCOUNT
      : { id: config.bot ? `28:${config.bot.appId}` : '28:chorus-demo-bot', name: 'Chorus' },
    links: { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId },
    serviceUrl: (stored) => {
      // The demo's own connector moves with the port it listens on; anything else stored is kept.
      if (demoChat && (stored === null || stored.includes(DEV_CONNECTOR_PATH))) {
        const origin = listeningOrigin();
        const local = origin ? `${origin}${DEV_CONNECTOR_PATH}` : null;
        return config.botServiceUrl ?? local ?? stored ?? DEFAULT_TEAMS_SERVICE_URL;
      }
      return stored ?? config.botServiceUrl ?? DEFAULT_TEAMS_SERVICE_URL;
    },
  });
  let outboxWorker: OutboxWorker | null = null;
  const startOutbox = () =>
    startOutboxWorker({
      queue: outbox,
      transport: outboxTransport,
      logger,
      telemetry,
      tenantIds: [tenantId],
      pace: outboxPace,
      pollMs: config.outbox.pollMs,
      poll: config.outbox.enabled,
    });

  const worker = startJobWorker({
    db: database.db,
    logger,
    telemetry,
    pollMs: config.jobs.pollMs,
    poll: config.jobs.enabled,
    tenantIds: [tenantId],
    handlers: {
      'directory.sync': async (job) => {
        const result = await syncDirectory(
          { ...deps, directory },
          { tenantId: job.tenantId, background: true },
        );
        logger.info({ ...result, tenantId: job.tenantId }, 'directory synced');
      },
      'bot.welcome': async (job) => {
        // The welcome is the first card of the bot's onboarding (it creates the progress row).
        await sendWelcome(
          { ...deps, outbox, onboarding },
          {
            tenantId: job.tenantId,
            personId: String(job.payload['personId']),
          },
        );
        outboxWorker?.nudge();
      },
      'digest.weekly': async (job) => {
        // The week it was scheduled for, even when it runs late (an instance was down on Monday).
        const week = typeof job.payload['week'] === 'string' ? job.payload['week'] : undefined;
        const result = await sendWeeklyDigests(
          { digest, outbox, clock },
          { tenantId: job.tenantId, ...(week ? { week } : {}) },
        );
        logger.info({ ...result, tenantId: job.tenantId }, 'weekly digests queued');
        outboxWorker?.nudge();
      },
      'stats.rollup': async (job) => {
        const result = await rollUpStats({ stats, clock }, { tenantId: job.tenantId });
        logger.info({ ...result, tenantId: job.tenantId }, 'statistics rolled up');
        await snapshotRecentStats({ stats, clock }, { tenantId: job.tenantId });
      },
      'stats.snapshot': async (job) => {
        const result = await snapshotRecentStats({ stats, clock }, { tenantId: job.tenantId });
        logger.debug({ result, tenantId: job.tenantId }, "today's statistics counted");
      },
      'clicks.retention': async (job) => {
        // Only rolled-up days leave; a day the roll-up has not reached waits for a later run.
        const result = await retainClicks(
          { retention: createClickRetentionStore(database.db), clock },
          { tenantId: job.tenantId, retentionDays: config.clickRetentionDays },
        );
        logger.info({ ...result, tenantId: job.tenantId }, 'raw clicks past the retention period deleted');
      },
    },
  });

  // Keep the directory sync scheduled: one waiting job per tenant at most (dedupe key), due when the
  // last sync is older than the interval. Every instance may call this; Postgres keeps it single.
  const scheduleSync = async () => {
    const state = await store.directorySync.get(tenantId);
    const due = state?.lastCompletedAt
      ? new Date(state.lastCompletedAt.getTime() + config.directorySyncMinutes * 60_000)
      : clock.now();
    await store.jobs.enqueue(
      tenantId,
      'directory.sync',
      {},
      { dedupeKey: 'directory.sync', runAt: due, maxAttempts: 3 },
    );
  };
  if (directory.kind === 'demo') {
    // The demo org is generated locally and small: sync before serving, so sign-in has people at once.
    await syncDirectory({ ...deps, directory }, { tenantId, background: false });
  }
  await scheduleSync();
  const scheduleTimer = config.jobs.enabled
    ? setInterval(
        () => void scheduleSync().catch((err: unknown) => logger.warn({ err }, 'scheduling sync failed')),
        60_000,
      )
    : null;
  scheduleTimer?.unref();

  // The weekly digest (issue 6): one waiting job per tenant (dedupe key), due next Monday 08:00
  // Copenhagen time. The job row is durable, so an instance that was down then runs it when it starts;
  // once it has run, the next check queues the week after.
  const scheduleDigest = async () => {
    const runAt = nextDigestAt(clock.now());
    await store.jobs.enqueue(
      tenantId,
      'digest.weekly',
      { week: isoWeekOf(runAt) },
      { dedupeKey: 'digest.weekly', runAt, maxAttempts: 3 },
    );
  };
  await scheduleDigest();
  const digestTimer = config.jobs.enabled
    ? setInterval(
        () =>
          void scheduleDigest().catch((err: unknown) => logger.warn({ err }, 'scheduling the digest failed')),
        60_000,
      )
    : null;
  digestTimer?.unref();

  // The daily roll-up (issue 6): one waiting job per tenant (dedupe key), due at once when a closed day
  // is waiting, else ten minutes after the next UTC midnight.
  // Every minute, today's figures so far are counted once into a snapshot (one waiting job per tenant),
  // so no dashboard reads today's raw clicks.
  const scheduleRollUp = async () => {
    const runAt = rollUpDueAt(clock.now(), await stats.rolledThrough(tenantId));
    await store.jobs.enqueue(
      tenantId,
      'stats.rollup',
      {},
      { dedupeKey: 'stats.rollup', runAt, maxAttempts: 3 },
    );
    await store.jobs.enqueue(
      tenantId,
      'stats.snapshot',
      {},
      { dedupeKey: 'stats.snapshot', runAt: clock.now(), maxAttempts: 1 },
    );
    // Raw clicks past CLICK_RETENTION_DAYS: daily at 00:30 UTC, after the roll-up (one waiting job).
    await store.jobs.enqueue(
      tenantId,
      'clicks.retention',
      {},
      { dedupeKey: 'clicks.retention', runAt: retentionDueAt(clock.now()), maxAttempts: 3 },
    );
  };
  await scheduleRollUp();
  const rollUpTimer = config.jobs.enabled
    ? setInterval(
        () =>
          void scheduleRollUp().catch((err: unknown) =>
            logger.warn({ err }, 'scheduling the roll-up failed'),
          ),
        60_000,
      )
    : null;
  rollUpTimer?.unref();

  // PGlite runs each statement on this thread, one at a time: one batch in flight makes the batches
  // (and so the throughput) largest. A server commits in parallel, so let a few batches overlap.
  const clicks = createClickRecorder(database.db, logger, {
    maxInFlight: database.kind === 'pglite' ? 1 : 4,
  });

  // Queue depth and click-write lag as gauges, read when metrics are exported (not at all without them).
  const operationsReader = createOperationsReader(database.db);
  telemetry.observe({
    queues: () => operationsReader.snapshot(tenantId, clock.now()),
    clickWriteLagSeconds: () => clicks.stats().oldestWaitMs / 1000,
  });

  const campaigns = createCampaignStore(database.db);
  const nominations = createNominationStore(database.db);
  // The demo campaign needs the people synced above and the demo channels; the outbox worker delivers
  // its invitations once the app listens.
  if (config.demoContent) {
    await seedDemoRecruitment(
      { ...deps, campaigns, nominations, outbox, unitOfWork, content, sharing, publicUrl: config.publicUrl },
      { tenantId, now: clock.now() },
    );
    // 90 days of shares, clicks and conversions for the dashboard, once, then rolled up.
    if (config.demoActivity) await seedDemoActivity({ db: database.db, stats, clock }, { tenantId });
    // Gamification on, a finished challenge with its draw and a running one, once (after the shares).
    await seedDemoGamification({ gamification, unitOfWork, clock }, { tenantId });
  }

  const server = await buildServer({
    ...deps,
    tenantId,
    content,
    sharing,
    clicks,
    operations: operationsReader,
    personalData: createPersonalDataReader(database.db),
    campaigns,
    nominations,
    outbox,
    sparring,
    coachSettings,
    canvas,
    audit,
    unitOfWork,
    onboarding,
    chatPreferences,
    digest,
    gamification,
    stats,
    conversions,
    sharepoint: config.sharepoint ? createSharePointPagesFromConfig(config.sharepoint) : null,
    config,
    // Fastify's own logger: each request gets a child with its correlation id.
    logger: baseLogger,
    telemetry,
    database,
    authenticator,
    devSessions,
    demoTenantId: config.devSignIn ? tenantId : null,
    bot: botEndpoint,
    extraRoutes: botRoutes,
    tabDir: options.tabDir ?? path.join(ROOT, 'dist', 'tab'),
  });

  listeningOrigin = () => (server.app.addresses().length > 0 ? server.app.listeningOrigin : null);

  const chorus: Chorus = {
    config,
    server,
    store,
    database,
    telemetry,
    worker: {
      async drain() {
        const n = await worker.drain();
        // Jobs queue messages (the welcome): send what is due, so a test sees the result at once.
        if (outboxWorker) await outboxWorker.drain();
        return n;
      },
      stop: () => worker.stop(),
    },
    outbox: null,
    tenantId,
    url: null,
    async listen() {
      const address = await server.app.listen({ port: config.port, host: config.host });
      chorus.url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
      // The outbox starts once the local connector (this server, in the demo) can be reached.
      outboxWorker ??= startOutbox();
      chorus.outbox = outboxWorker;
      return chorus.url;
    },
    async close() {
      if (scheduleTimer) clearInterval(scheduleTimer);
      if (digestTimer) clearInterval(digestTimer);
      if (rollUpTimer) clearInterval(rollUpTimer);
      // Stop taking requests and let in-flight ones finish, then finish jobs in hand, then close the DB.
      // The outbox stops claiming, lets requests already sent finish and be recorded, and puts messages
      // still waiting for their slot back in the queue, before the server (the demo's connector) goes.
      if (outboxWorker) await outboxWorker.close();
      await server.app.close();
      // Acknowledged clicks are already committed; this flushes any batch still forming.
      await clicks.close();
      await worker.stop();
      // The last spans and metrics (the gauges still read the database), then the database.
      await telemetry.shutdown();
      if (!options.sharedDatabase) await database.close();
    },
  };
  return chorus;
}

async function run() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }
  const started = Date.now();
  const base = config.publicUrl;
  process.stdout.write(
    [
      `Chorus (${config.mode} mode) is starting`,
      `  Tab:          ${base}/`,
      `  Bot endpoint: ${base}/api/messages`,
      config.devSignIn
        ? '  Sign in:      open the tab and pick a demo person under "Sign in as…" (e.g. a Communication colleague for Admin)'
        : '  Sign in:      open Chorus inside Teams (single sign-on)',
      '',
    ].join('\n'),
  );
  const logger = createLogger(config.logLevel);
  const chorus = await createChorus({ config, logger });
  await chorus.listen();
  process.stdout.write(`Chorus is ready at ${base}/ (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    chorus
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run().catch((err: unknown) => {
    process.stderr.write(`Chorus failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
