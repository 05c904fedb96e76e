import path from 'node:path';
import { z } from 'zod';

/**
 * The one reader of process.env. Every variable is listed in .env.example with its meaning.
 * Startup fails with every problem listed at once, so a misconfigured deploy is fixed in one go.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const optionalUrl = (hint: string) =>
  z
    .string()
    .url({ message: `must be a full URL, ${hint}` })
    .optional();

const ZEnv = z.object({
  CHORUS_MODE: z
    .enum(['demo', 'production'], { message: "must be 'demo' (embedded, seeded demo org) or 'production'" })
    .default('demo'),
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int()
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3978),
  HOST: z.string().min(1).optional(),
  PUBLIC_URL: optionalUrl('for example https://chorus.contoso.com'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DEV_SIGNIN: bool.optional(),
  DEV_SIGNIN_ALLOW_REMOTE: bool.default('false'),
  DIRECTORY: z.enum(['demo', 'graph'], { message: "must be 'demo' or 'graph'" }).optional(),
  DIRECTORY_SYNC_MINUTES: z.coerce.number().int().min(5, 'must be at least 5 minutes').max(1440).default(60),
  AAD_TENANT_ID: z.string().uuid({ message: 'must be your Entra tenant id (a GUID)' }).optional(),
  AAD_CLIENT_ID: z.string().uuid({ message: 'must be the Entra app (client) id, a GUID' }).optional(),
  AAD_CLIENT_SECRET: z.string().min(1).optional(),
  AAD_APP_ID_URI: z.string().min(1).optional(),
  AAD_AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
  AAD_JWKS_URL: z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
  BOT_ID: z.string().min(1).optional(),
  BOT_PASSWORD: z.string().min(1).optional(),
  BOT_TENANT_ID: z.string().min(1).optional(),
  BOT_SERVICE_URL: optionalUrl('the Bot Connector service URL, e.g. https://smba.trafficmanager.net/emea/'),
  COMMS_ADMINS: list.optional(),
  COMMS_ADMIN_GROUP_ID: z.string().uuid().optional(),
  APPROVERS: list.optional(),
  APPROVER_GROUP_ID: z.string().uuid().optional(),
  TRUST_PROXY: bool.default('false'),
  /** Requests per client address and minute (per instance); 0 turns a limit off. */
  /** A bearer token for GET /metrics; without it, only this machine may read the metrics. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Traces and metrics go to this Application Insights resource; unset, nothing is exported. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().optional(),
  RATE_LIMIT_SIGNIN_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  RATE_LIMIT_CONVERSIONS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Over this, a tracked link still redirects but the click is not counted. */
  RATE_LIMIT_REDIRECT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /**
   * Days of raw click rows (with their visitor keys) kept; older days are counted per tracked link and
   * day, and their raw rows deleted. 395 (a year and a month) keeps the longest impact view (365 days)
   * and a year-over-year month on raw rows, so unique visitors there stay exact. At least 35: the
   * weekly digest and a month's impact always count distinct visitors from raw rows.
   */
  CLICK_RETENTION_DAYS: z.coerce
    .number({ message: 'must be a number of days, e.g. 395' })
    .int('must be a whole number of days')
    .min(35, 'must be at least 35 days: the weekly digest and a month of impact read raw clicks')
    .max(3650, 'must be at most 3650 days (ten years)')
    .default(395),
  JOBS_ENABLED: bool.default('true'),
  DEMO_CONTENT: bool.optional(),
  DEMO_ACTIVITY: bool.optional(),
  OUTBOX_ENABLED: bool.default('true'),
  OUTBOX_RATE_PER_SECOND: z.coerce
    .number({ message: 'must be a number of messages per second' })
    .min(1, 'must be at least 1 message per second')
    .max(50, 'must be at most 50: Teams allows 50 requests per second per app and tenant')
    .default(30),
  OUTBOX_BURST: z.coerce.number().int().min(1).max(50).default(5),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1, 'must be at least 1').max(50).default(8),
  OUTBOX_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(3, 'must be at least 3 seconds (longer than one request)')
    .max(600)
    .default(30),
  OUTBOX_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(500),
  DEV_CONNECTOR_TENANT_RPS: z.coerce.number().min(1).max(10_000).default(50),
  TEAMS_APP_ID: z.string().min(1).optional(),
  PROACTIVE_INSTALL: bool.default('false'),
  TEAMS_APP_CATALOG_ID: z
    .string()
    .uuid({
      message:
        "must be the app's id in your org's Teams app catalogue (GET /appCatalogs/teamsApps?$filter=externalId eq '<manifest id>' shows it), not the manifest id",
    })
    .optional(),
  SHAREPOINT_SITE_ID: z
    .string()
    .regex(/^[a-z0-9.-]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i, {
      message:
        'must be the Graph site id, <hostname>,<site collection id>,<web id>; GET /sites/<hostname>:/sites/<path>?$select=id shows it',
    })
    .optional(),
  /** Demo only: the demo person (UPN) that chat senders outside the directory act as (Agents Playground). */
  DEMO_CHAT_AS: z.string().email({ message: "must be a demo person's user principal name" }).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** An OpenAI-compatible server (e.g. a self-hosted gateway); OpenAI's own API when unset. */
  OPENAI_BASE_URL: optionalUrl('the base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
  AZURE_OPENAI_ENDPOINT: z
    .string()
    .url()
    .refine((v) => v.startsWith('https://'), { message: 'must be an https:// URL (Azure OpenAI resource)' })
    .optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().min(1).optional(),
  AZURE_OPENAI_API_VERSION: z.string().min(1).default('2024-10-21'),
  /** How long the optional language model may take before the coach answers with the rules alone. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(500, 'must be at least 500 ms').max(60_000).default(8000),
});

export type DatabaseConfig =
  { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };

/** The parsed, validated configuration. Nothing else reads process.env. */
export interface Config {
  mode: 'demo' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  database: DatabaseConfig;
  devSignIn: boolean;
  directory:
    | { kind: 'demo' }
    | {
        kind: 'graph';
        tenantId: string;
        clientId: string;
        clientSecret: string;
        authorityHost: string;
        graphBaseUrl: string;
      };
  directorySyncMinutes: number;
  sso: { tenantId: string; clientId: string; appIdUri: string | null; jwksUrl: string } | null;
  bot: { appId: string; password: string; tenantId: string } | null;
  botServiceUrl: string | null;
  roles: {
    commsAdmins: string[];
    commsAdminGroupId: string | null;
    approvers: string[];
    approverGroupId: string | null;
  };
  jobs: { enabled: boolean; pollMs: number };
  /** Days of raw clicks kept (CLICK_RETENTION_DAYS); older days live on as counts per link and day. */
  clickRetentionDays: number;
  /** The outbox of proactive Teams messages (docs/design/recruitment.md §5). */
  outbox: {
    enabled: boolean;
    /** The tenant's sending rate; Teams allows 50 requests/s per app and tenant. */
    ratePerSecond: number;
    burst: number;
    maxAttempts: number;
    /** A claimed message not recorded by its slot plus this is resent (marked "possibly repeated"). */
    leaseMs: number;
    pollMs: number;
  };
  /** The demo's local Bot Connector: the tenant limit it enforces (Teams: 50/s). */
  devConnectorTenantRps: number;
  /** The Teams app id (manifest id): card buttons become Teams deep links to the Campaigns tab. */
  teamsAppId: string | null;
  /**
   * Proactive install (PROACTIVE_INSTALL): people the bot cannot reach get the app installed through
   * Graph (TeamsAppInstallation.ReadWriteSelfForUser.All, app-only), then their chat is used. Null when off.
   */
  proactiveInstall: {
    catalogAppId: string;
    tenantId: string;
    clientId: string;
    clientSecret: string;
    authorityHost: string;
    graphBaseUrl: string;
  } | null;
  /**
   * Publishing campaigns as SharePoint news pages in one site, with the app's own Graph token
   * (Sites.Selected granted on that site); null when SHAREPOINT_SITE_ID is unset.
   */
  sharepoint: {
    siteId: string;
    tenantId: string;
    clientId: string;
    clientSecret: string;
    authorityHost: string;
    graphBaseUrl: string;
  } | null;
  /** Seed the demo library (about 30 items) into an empty tenant at startup. Demo directory only. */
  demoContent: boolean;
  /** With the demo content: seed 90 days of shares, clicks and conversions for the dashboard, once. */
  demoActivity: boolean;
  /** Behind a reverse proxy (App Service, Front Door): take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Requests per client address and minute, per instance (0: off). */
  rateLimits: { signIn: number; conversions: number; redirect: number };
  /** The bearer token GET /metrics asks for; null: loopback callers only. */
  metricsToken: string | null;
  /**
   * OpenTelemetry traces and metrics exported to Application Insights
   * (APPLICATIONINSIGHTS_CONNECTION_STRING). Null, the default: no exporter and nothing sent.
   */
  applicationInsights: ApplicationInsightsConfig | null;
  /**
   * Demo only (DEMO_CHAT_AS): the user principal name of the demo person that bot senders outside the
   * directory act as, so Microsoft 365 Agents Playground's test user can hold an onboarding. Null: off.
   */
  demoChatAs: string | null;
  /**
   * The optional language model for extra sparring coaching (OPENAI_API_KEY, or the AZURE_OPENAI_*
   * settings). Null, the default, means the coach's rules alone and nothing of the model shows.
   */
  languageModel:
    | { kind: 'openai'; apiKey: string; model: string; baseUrl: string | null; timeoutMs: number }
    | {
        kind: 'azure';
        apiKey: string;
        endpoint: string;
        deployment: string;
        apiVersion: string;
        timeoutMs: number;
      }
    | null;
}

/** Where Application Insights telemetry goes, from its connection string. */
export interface ApplicationInsightsConfig {
  connectionString: string;
  instrumentationKey: string;
  /** The ingestion host without a trailing slash (the exporter posts to <this>/v2.1/track). */
  ingestionEndpoint: string;
}

const APPLICATION_INSIGHTS_HINT =
  'must be the Application Insights connection string (Azure portal › Application Insights › Overview), e.g. InstrumentationKey=<GUID>;IngestionEndpoint=https://<region>.in.applicationinsights.azure.com/';

/**
 * Parses an Application Insights connection string (key=value pairs separated by ';'). The value is
 * never echoed in a problem: it identifies the resource. Plain http is accepted for a loopback host
 * only (a local collector or a test); the exporter would silently rewrite it to https otherwise.
 */
function parseApplicationInsights(value: string): ApplicationInsightsConfig | string {
  const fields = new Map<string, string>();
  for (const part of value.split(';')) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    if (at <= 0) return `APPLICATIONINSIGHTS_CONNECTION_STRING: ${APPLICATION_INSIGHTS_HINT}`;
    fields.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const key = fields.get('instrumentationkey') ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) {
    return `APPLICATIONINSIGHTS_CONNECTION_STRING: InstrumentationKey is missing or not a GUID; ${APPLICATION_INSIGHTS_HINT}`;
  }
  const suffix = fields.get('endpointsuffix');
  const location = fields.get('location');
  const endpoint =
    fields.get('ingestionendpoint') ||
    (suffix
      ? `https://${location ? `${location}.` : ''}dc.${suffix}`
      : 'https://dc.services.visualstudio.com');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `APPLICATIONINSIGHTS_CONNECTION_STRING: IngestionEndpoint is not a URL; ${APPLICATION_INSIGHTS_HINT}`;
  }
  const loopback = LOOPBACK.has(url.hostname.replace(/^\[|\]$/g, ''));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return 'APPLICATIONINSIGHTS_CONNECTION_STRING: IngestionEndpoint must be an https:// URL (http:// only on this machine, e.g. a local collector)';
  }
  return {
    connectionString: value,
    instrumentationKey: key,
    ingestionEndpoint: endpoint.replace(/\/+$/, ''),
  };
}

/** A startup configuration problem: names the variable and how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Chorus cannot start. Fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Parses the environment. Throws ConfigError listing every problem. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  // Empty strings count as unset, so committed env files with empty values behave as documented.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.CHORUS_MODE === 'production';
  const devSignIn = e.DEV_SIGNIN ?? !production;
  const host = e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');

  if (production && devSignIn) {
    problems.push(
      'DEV_SIGNIN: dev sign-in is for the demo only and cannot be used with CHORUS_MODE=production',
    );
  }
  if (devSignIn && !LOOPBACK.has(host) && !e.DEV_SIGNIN_ALLOW_REMOTE) {
    problems.push(
      `HOST: dev sign-in lets anyone pick a user, so it listens on localhost only; HOST=${host} needs DEV_SIGNIN_ALLOW_REMOTE=true`,
    );
  }
  if (production && !e.DATABASE_URL) {
    problems.push(
      'DATABASE_URL: production needs a PostgreSQL server, e.g. postgres://user:pass@host:5432/chorus',
    );
  }
  if (production && !e.PUBLIC_URL)
    problems.push('PUBLIC_URL: production needs the public https URL of the app');

  const directoryKind = e.DIRECTORY ?? (production ? 'graph' : 'demo');
  const needAad = directoryKind === 'graph' || production;
  if (needAad) {
    if (!e.AAD_TENANT_ID) problems.push('AAD_TENANT_ID: required for Microsoft Graph and Teams SSO');
    if (!e.AAD_CLIENT_ID) problems.push('AAD_CLIENT_ID: required for Microsoft Graph and Teams SSO');
  }
  if (directoryKind === 'graph' && !e.AAD_CLIENT_SECRET) {
    problems.push('AAD_CLIENT_SECRET: required to read the directory from Microsoft Graph (app-only)');
  }
  const botVars = [e.BOT_ID, e.BOT_PASSWORD, e.BOT_TENANT_ID];
  const botSet = botVars.filter(Boolean).length;
  if (botSet > 0 && botSet < 3) {
    problems.push('BOT_ID, BOT_PASSWORD, BOT_TENANT_ID: set all three (single-tenant bot) or none (demo)');
  }
  if (production && botSet === 0)
    problems.push('BOT_ID, BOT_PASSWORD, BOT_TENANT_ID: production needs the bot registration');
  if (e.SHAREPOINT_SITE_ID && !(e.AAD_TENANT_ID && e.AAD_CLIENT_ID && e.AAD_CLIENT_SECRET)) {
    problems.push(
      'SHAREPOINT_SITE_ID: publishing to SharePoint uses the app-only Graph token; set AAD_TENANT_ID, AAD_CLIENT_ID and AAD_CLIENT_SECRET too',
    );
  }
  if (e.PROACTIVE_INSTALL) {
    if (!e.TEAMS_APP_CATALOG_ID) {
      problems.push(
        "TEAMS_APP_CATALOG_ID: PROACTIVE_INSTALL needs the app's id in your org's Teams app catalogue",
      );
    }
    if (!(e.AAD_TENANT_ID && e.AAD_CLIENT_ID && e.AAD_CLIENT_SECRET)) {
      problems.push(
        'PROACTIVE_INSTALL: installing the app through Graph uses the app-only Graph token; set AAD_TENANT_ID, AAD_CLIENT_ID and AAD_CLIENT_SECRET too',
      );
    }
  }
  if (e.DEMO_CHAT_AS && (production || directoryKind !== 'demo')) {
    problems.push('DEMO_CHAT_AS: only for the demo directory (it lets any chat sender act as a demo person)');
  }
  const azureVars = [e.AZURE_OPENAI_API_KEY, e.AZURE_OPENAI_ENDPOINT, e.AZURE_OPENAI_DEPLOYMENT];
  const azureSet = azureVars.filter(Boolean).length;
  if (azureSet > 0 && azureSet < 3) {
    problems.push(
      'AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT: set all three for Azure OpenAI, or none',
    );
  }
  const applicationInsights = e.APPLICATIONINSIGHTS_CONNECTION_STRING
    ? parseApplicationInsights(e.APPLICATIONINSIGHTS_CONNECTION_STRING)
    : null;
  if (typeof applicationInsights === 'string') problems.push(applicationInsights);
  if (problems.length > 0) throw new ConfigError(problems);

  const port = e.PORT;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    mode: e.CHORUS_MODE,
    port,
    host,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(cwd, e.DATA_DIR) },
    devSignIn,
    directory:
      directoryKind === 'graph'
        ? {
            kind: 'graph',
            tenantId: e.AAD_TENANT_ID!,
            clientId: e.AAD_CLIENT_ID!,
            clientSecret: e.AAD_CLIENT_SECRET!,
            authorityHost: e.AAD_AUTHORITY_HOST,
            graphBaseUrl: e.GRAPH_BASE_URL,
          }
        : { kind: 'demo' },
    directorySyncMinutes: e.DIRECTORY_SYNC_MINUTES,
    sso:
      e.AAD_TENANT_ID && e.AAD_CLIENT_ID
        ? {
            tenantId: e.AAD_TENANT_ID,
            clientId: e.AAD_CLIENT_ID,
            appIdUri: e.AAD_APP_ID_URI ?? null,
            jwksUrl: e.AAD_JWKS_URL,
          }
        : null,
    bot: botSet === 3 ? { appId: e.BOT_ID!, password: e.BOT_PASSWORD!, tenantId: e.BOT_TENANT_ID! } : null,
    botServiceUrl: e.BOT_SERVICE_URL ?? null,
    roles: {
      commsAdmins: (e.COMMS_ADMINS ?? []).map((u) => u.toLowerCase()),
      commsAdminGroupId: e.COMMS_ADMIN_GROUP_ID ?? null,
      approvers: (e.APPROVERS ?? []).map((u) => u.toLowerCase()),
      approverGroupId: e.APPROVER_GROUP_ID ?? null,
    },
    jobs: { enabled: e.JOBS_ENABLED, pollMs: e.JOBS_POLL_MS },
    clickRetentionDays: e.CLICK_RETENTION_DAYS,
    outbox: {
      enabled: e.OUTBOX_ENABLED,
      ratePerSecond: e.OUTBOX_RATE_PER_SECOND,
      burst: e.OUTBOX_BURST,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      leaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
      pollMs: e.OUTBOX_POLL_MS,
    },
    devConnectorTenantRps: e.DEV_CONNECTOR_TENANT_RPS,
    teamsAppId: e.TEAMS_APP_ID ?? null,
    proactiveInstall:
      e.PROACTIVE_INSTALL && e.TEAMS_APP_CATALOG_ID
        ? {
            catalogAppId: e.TEAMS_APP_CATALOG_ID,
            tenantId: e.AAD_TENANT_ID!,
            clientId: e.AAD_CLIENT_ID!,
            clientSecret: e.AAD_CLIENT_SECRET!,
            authorityHost: e.AAD_AUTHORITY_HOST,
            graphBaseUrl: e.GRAPH_BASE_URL,
          }
        : null,
    sharepoint: e.SHAREPOINT_SITE_ID
      ? {
          siteId: e.SHAREPOINT_SITE_ID,
          tenantId: e.AAD_TENANT_ID!,
          clientId: e.AAD_CLIENT_ID!,
          clientSecret: e.AAD_CLIENT_SECRET!,
          authorityHost: e.AAD_AUTHORITY_HOST,
          graphBaseUrl: e.GRAPH_BASE_URL,
        }
      : null,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN ?? null,
    applicationInsights: typeof applicationInsights === 'string' ? null : applicationInsights,
    rateLimits: {
      signIn: e.RATE_LIMIT_SIGNIN_PER_MINUTE,
      conversions: e.RATE_LIMIT_CONVERSIONS_PER_MINUTE,
      redirect: e.RATE_LIMIT_REDIRECT_PER_MINUTE,
    },
    demoChatAs: e.DEMO_CHAT_AS?.toLowerCase() ?? null,
    // Azure OpenAI wins when both are configured: an organisation that set it up wants its own resource.
    languageModel:
      azureSet === 3
        ? {
            kind: 'azure',
            apiKey: e.AZURE_OPENAI_API_KEY!,
            endpoint: e.AZURE_OPENAI_ENDPOINT!,
            deployment: e.AZURE_OPENAI_DEPLOYMENT!,
            apiVersion: e.AZURE_OPENAI_API_VERSION,
            timeoutMs: e.LLM_TIMEOUT_MS,
          }
        : e.OPENAI_API_KEY
          ? {
              kind: 'openai',
              apiKey: e.OPENAI_API_KEY,
              model: e.OPENAI_MODEL,
              baseUrl: e.OPENAI_BASE_URL ?? null,
              timeoutMs: e.LLM_TIMEOUT_MS,
            }
          : null,
    demoContent: !production && directoryKind === 'demo' && (e.DEMO_CONTENT ?? true),
    demoActivity:
      !production && directoryKind === 'demo' && (e.DEMO_CONTENT ?? true) && (e.DEMO_ACTIVITY ?? true),
  };
}
