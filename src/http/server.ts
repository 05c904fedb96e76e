import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fastifyStatic from '@fastify/static';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import type { ClientConfig } from '../contracts';
import type { Config } from '../config/config';
import type { DatabaseHandle } from '../db/database';
import type { ContentStore } from '../ports/content';
import type { CampaignStore, SharePointNewsPages } from '../ports/campaigns';
import type { NominationStore } from '../ports/nominations';
import type { OutboxStore } from '../ports/outbox';
import type { CoachSettingsStore } from '../ports/coach-settings';
import type { CanvasStore } from '../ports/canvas';
import type { AuditLog } from '../ports/audit-log';
import type { UnitOfWork } from '../ports/unit-of-work';
import type { SparringStore } from '../ports/sparring';
import type { ChatPreferencesRepository } from '../ports/chat-preferences';
import type { DigestStore } from '../ports/digest';
import type { StatsStore } from '../ports/stats';
import type { ConversionStore } from '../ports/conversions';
import type { GamificationStore } from '../ports/gamification';
import type { OnboardingRepository } from '../ports/onboarding';
import type { ClickRecorder, SharingStore } from '../ports/sharing';
import type { RoleDeps } from '../services/deps';
import { getRoles } from '../services/get-roles';
import type { Authenticator } from './auth/authenticator';
import type { DevSessions } from './auth/dev-session';
import { handleError, sendNoRoute } from './errors';
import { readImageBody } from './image-body';
import { createRouteRegistrar, type RouteRegistrar } from './route';
import { createTrackedLinkListener } from './tracked-link-endpoint';
import { registerDevSignInRoutes } from './routes/dev-routes';
import { registerContentRoutes } from './routes/content-routes';
import { registerProgramRoutes } from './routes/program-routes';
import { registerSharingRoutes } from './routes/sharing-routes';
import { registerCampaignRoutes } from './routes/campaign-routes';
import { registerTeamRoutes } from './routes/team-routes';
import { registerPeopleRoutes } from './routes/people-routes';
import { registerSparringRoutes } from './routes/sparring-routes';
import { registerOnboardingRoutes } from './routes/onboarding-routes';
import { createRequestLimiter } from './request-limiter';
import { securityHeaders } from './security-headers';
import { registerOperationsRoutes } from './routes/operations-routes';
import type { OperationsReader } from '../ports/operations';
import type { PersonalDataReader } from '../ports/privacy';
import { registerPrivacyRoutes } from './routes/privacy-routes';
import { registerCanvasRoutes } from './routes/canvas-routes';
import { registerDashboardRoutes } from './routes/dashboard-routes';
import { registerDigestRoutes } from './routes/digest-routes';
import { registerGamificationRoutes } from './routes/gamification-routes';
import { noopTelemetry, type Telemetry } from '../observability/telemetry';
import { registerRequestTelemetry } from './request-telemetry';

/** The Bot Framework endpoint, provided by bot/ (a thin adapter over the same services). */
export interface BotEndpoint {
  /** Processes one POST /api/messages request and writes the reply. */
  handle(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

export interface HttpDeps extends RoleDeps {
  /** The tenant this process serves: public routes (/media/<id>, /r/<code>) have no principal to name it. */
  tenantId: string;
  content: ContentStore;
  sharing: SharingStore;
  clicks: ClickRecorder;
  /** The metrics endpoint's reads (queues, sends, syncs). */
  operations: OperationsReader;
  /** A person's own data, for their download. */
  personalData: PersonalDataReader;
  campaigns: CampaignStore;
  nominations: NominationStore;
  /** Human sparring requests (the queue in Admin, the ambassador's own list, deleted on leave). */
  sparring: SparringStore;
  coachSettings: CoachSettingsStore;
  /** The program canvas (issue 6). */
  canvas: CanvasStore;
  /** Admin actions: written by admin services, read by Admin → Canvas. */
  audit: AuditLog;
  /**
   * A change with its audit entry and the messages it causes, as one transaction (admin changes,
   * prize draws, sparring replies, announcements, nominations, joins through a campaign).
   */
  unitOfWork: UnitOfWork;
  /** Onboarding progress (comms' aggregate; deleted on leave). */
  onboarding: OnboardingRepository;
  /** Chat preferences (deleted on leave). */
  chatPreferences: ChatPreferencesRepository;
  /** The reach calculator's numbers and the weekly digest's reads (issue 6). */
  digest: DigestStore;
  /** The dashboard's numbers and the daily roll-ups (issue 6). */
  stats: StatsStore;
  /** Conversions the career site reports, and its key (issue 6). */
  conversions: ConversionStore;
  /** Gamification: settings, challenges and prize draws (issue 6; winners forgotten on leave). */
  gamification: GamificationStore;
  outbox: OutboxStore;
  /** Publishes campaigns as SharePoint news pages; null or absent when SHAREPOINT_SITE_ID is unset. */
  sharepoint?: SharePointNewsPages | null;
  config: Config;
  logger: Logger;
  /** Spans and metrics for each request (no-ops without APPLICATIONINSIGHTS_CONNECTION_STRING). */
  telemetry?: Telemetry;
  database: DatabaseHandle;
  authenticator: Authenticator;
  devSessions: DevSessions | null;
  demoTenantId: string | null;
  bot: BotEndpoint | null;
  /** Extra route groups (for example the demo chat), registered with the same checks. */
  extraRoutes?: ((r: RouteRegistrar) => void)[];
  /** Folder with the built tab (index.html); the server answers with a hint when it is missing. */
  tabDir: string;
}

export interface ChorusServer {
  app: FastifyInstance;
  /** Routes declared with an access rule. */
  routes: RouteRegistrar['routes'];
  /** Every route Fastify knows, declared or not (the authorization test compares the two). */
  registered: { method: string; url: string }[];
}

/** Builds the one Fastify app: API, bot endpoint, health checks and the built tab. */
export async function buildServer(deps: HttpDeps): Promise<ChorusServer> {
  let closing = false;
  const trackedLink = createTrackedLinkListener(
    {
      ...deps,
      trustProxy: deps.config.trustProxy,
      limiter: createRequestLimiter(deps.config.rateLimits.redirect),
      onError: (err) => deps.logger.error({ err }, 'tracked link failed'),
    },
    () => closing,
  );
  const app: FastifyInstance = Fastify({
    // Tracked links are answered on the request event itself; everything else goes to Fastify.
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!trackedLink(req, res)) handler(req, res);
      }),
    // pino's Logger is a FastifyBaseLogger; widening it keeps FastifyInstance's default generics.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: deps.logger as FastifyBaseLogger,
    // The correlation id: the caller's, when it sends one, so a request can be followed across systems.
    genReqId: (req) => {
      const given = req.headers['x-correlation-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    bodyLimit: 1024 * 1024,
    // Unique-click keys hash the client address; behind a proxy it comes from X-Forwarded-For.
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
  });
  // Each request runs as an operation: its correlation id reaches every log line and span it causes.
  registerRequestTelemetry(app, deps.telemetry ?? noopTelemetry);
  const security = securityHeaders(deps.config.mode === 'production');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', String(request.id));
    // API answers carry personal data: never kept by a browser or a proxy.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    // A route may set a stricter policy of its own (uploaded images are sandboxed).
    for (const [name, value] of Object.entries(security)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
  });
  app.setErrorHandler(handleError);
  // Once closing, tracked links go through Fastify too, which answers 503 and closes the connection.
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Image uploads (POST /api/images) send the raw bytes: every image/* type is read into a Buffer, up to
  // the image limit, so the upload service can say exactly what is wrong (SVG, too large, wrong bytes).
  app.addContentTypeParser(/^image\//i, readImageBody);
  // CSV imports (conversions) arrive as text; the routes parse them and report problems per line.
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );
  const registered: ChorusServer['registered'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registered.push({ method, url: route.url });
  });

  const rolesOf = (p: { tenantId: string; personId: string; groups: string[] }) => getRoles(deps, p);
  const r = createRouteRegistrar(app, {
    authenticate: (request) => deps.authenticator.authenticate(request.headers.authorization),
    rolesOf,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await deps.database.ping();
      if (!(await deps.database.migrationsApplied())) {
        return reply.code(503).send({ status: 'not-ready', reason: 'database migrations are not applied' });
      }
      return { status: 'ready', database: deps.database.kind };
    } catch {
      return reply.code(503).send({ status: 'not-ready', reason: 'database is not reachable' });
    }
  });

  r.add({
    method: 'GET',
    url: '/api/config',
    access: 'public',
    async handler(): Promise<ClientConfig> {
      return {
        mode: deps.config.mode,
        devSignIn: deps.config.devSignIn,
        demoChat: deps.config.mode === 'demo' && !!deps.extraRoutes?.length,
        ssoClientId: deps.config.sso?.clientId ?? null,
        sharepointPublishing: !!deps.sharepoint,
      };
    },
  });
  registerProgramRoutes(r, deps);
  registerContentRoutes(r, deps);
  registerSharingRoutes(r, deps);
  registerCampaignRoutes(r, deps);
  registerTeamRoutes(r, deps);
  registerPeopleRoutes(r, deps);
  registerSparringRoutes(r, deps);
  registerOnboardingRoutes(r, deps);
  registerCanvasRoutes(r, deps);
  registerDashboardRoutes(r, deps);
  registerGamificationRoutes(r, deps);
  registerDigestRoutes(r, deps);
  registerOperationsRoutes(r, deps);
  registerPrivacyRoutes(r, deps);
  if (deps.config.devSignIn && deps.devSessions && deps.demoTenantId) {
    registerDevSignInRoutes(r, deps, deps.demoTenantId);
  }
  for (const extra of deps.extraRoutes ?? []) extra(r);

  if (deps.bot) {
    const bot = deps.bot;
    r.routes.push({ method: 'POST', url: '/api/messages', access: 'public', hasBody: true });
    // Bot Framework authenticates this route itself (JWT from the Bot Connector), inside the adapter.
    app.post('/api/messages', async (request, reply) => {
      await bot.handle(request, reply);
      return reply;
    });
  }

  const hasTab = existsSync(path.join(deps.tabDir, 'index.html'));
  if (hasTab) {
    await app.register(fastifyStatic, {
      root: deps.tabDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (request.method === 'GET' && !url.startsWith('/api/') && hasTab) {
      // The tab is a single-page app: unknown page paths get index.html.
      return reply.sendFile('index.html');
    }
    if (request.method === 'GET' && url === '/' && !hasTab) {
      return reply.type('text/plain').send('The tab is not built. Run: npm run build:tab');
    }
    return sendNoRoute(request, reply);
  });

  return { app, routes: r.routes, registered };
}
