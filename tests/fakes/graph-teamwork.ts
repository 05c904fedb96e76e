import type { GraphAnswer, GraphHandler } from './graph-server';

// The teamwork part of the local Graph (an `extraHandlers` entry of tests/fakes/graph-server.ts):
// installing a Teams app for a user and finding the user's chat with the bot, as documented:
//
//   POST /v1.0/users/{id}/teamwork/installedApps  {"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{appId}"}
//        201 (no body); 409 Conflict when the app is already installed for the user; 404 for an app not
//        in the catalogue or an unknown user; 400 for a body without the binding
//   GET  /v1.0/users/{id}/teamwork/installedApps[?$expand=teamsApp][&$filter=teamsApp/id eq '{appId}']
//   GET  /v1.0/users/{id}/teamwork/installedApps/{installationId}/chat
//
// Authentication and `throttleNext` are the Graph server's; `failNext` here targets one step.

export type TeamworkStep = 'install' | 'list' | 'chat';

export interface TeamworkInstallation {
  userId: string;
  installationId: string;
  appId: string;
  chatId: string;
}

export interface FakeTeamworkOptions {
  /** Apps in the org catalogue (catalogue ids). Others answer 404 on install. */
  catalogAppIds: string[];
  /** Users Graph knows; default: everyone. */
  knownUser?: (userId: string) => boolean;
  /** The chat id Graph names for a user and app; default `19:<user>_<app>@unq.gbl.spaces`. */
  chatIdFor?: (userId: string, appId: string) => string;
}

export interface FakeTeamwork {
  handler: GraphHandler;
  /** Installs the app for the user beforehand (so POST answers 409). */
  preinstall(userId: string, appId: string): TeamworkInstallation;
  /** The user's installations. */
  installationsOf(userId: string): TeamworkInstallation[];
  /** The next `count` requests of `step` answer `status` (with `Retry-After` when given). */
  failNext(options: { step: TeamworkStep; status: number; retryAfterSeconds?: number; count?: number }): void;
  /** The teamwork requests handled (failed ones included), in order; `path` is percent-decoded. */
  requests: { method: string; path: string; query: Record<string, string>; body: unknown; status: number }[];
}

const ERROR_CODES: Record<number, string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

const graphError = (status: number, message: string) => ({
  error: { code: ERROR_CODES[status] ?? 'UnknownError', message },
});

const APPS_PATH = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/;
const CHAT_PATH = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/;
const BIND = /\/appCatalogs\/teamsApps\/([^/'"]+)$/;
const FILTER = /^teamsApp\/id eq '((?:[^']|'')*)'$/;

export function createFakeTeamwork(options: FakeTeamworkOptions): FakeTeamwork {
  const catalog = new Set(options.catalogAppIds.map((id) => id.toLowerCase()));
  const knownUser = options.knownUser ?? (() => true);
  const chatIdFor = options.chatIdFor ?? ((userId, appId) => `19:${userId}_${appId}@unq.gbl.spaces`);
  const installations = new Map<string, TeamworkInstallation[]>();
  const failures: { step: TeamworkStep; status: number; retryAfterSeconds?: number; remaining: number }[] =
    [];
  const requests: FakeTeamwork['requests'] = [];

  const install = (userId: string, appId: string): TeamworkInstallation => {
    const row = {
      userId,
      appId,
      // Graph's installation ids are opaque base64 strings.
      installationId: Buffer.from(`${userId}##${appId}`).toString('base64'),
      chatId: chatIdFor(userId, appId),
    };
    installations.set(userId, [...(installations.get(userId) ?? []), row]);
    return row;
  };
  const installed = (userId: string, appId: string) =>
    (installations.get(userId) ?? []).find((i) => i.appId.toLowerCase() === appId.toLowerCase());

  const injected = (step: TeamworkStep): GraphAnswer | null => {
    const failure = failures.find((f) => f.step === step);
    if (!failure) return null;
    failure.remaining -= 1;
    if (failure.remaining <= 0) failures.splice(failures.indexOf(failure), 1);
    return {
      status: failure.status,
      body: graphError(failure.status, `Injected failure (${failure.status}).`),
      ...(failure.retryAfterSeconds === undefined
        ? {}
        : { headers: { 'Retry-After': String(failure.retryAfterSeconds) } }),
    };
  };

  const teamsApp = (appId: string) => ({
    id: appId,
    externalId: `manifest-of-${appId}`,
    displayName: 'Chorus',
    distributionMethod: 'organization',
  });

  const route = (method: string, url: URL, body: string): GraphAnswer | null => {
    const apps = APPS_PATH.exec(url.pathname);
    const chat = CHAT_PATH.exec(url.pathname);
    if (!apps && !chat) return null;

    if (apps && method === 'POST') {
      const userId = decodeURIComponent(apps[1]!);
      const failed = injected('install');
      if (failed) return failed;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body) as unknown;
      } catch {
        return { status: 400, body: graphError(400, 'The body is not JSON.') };
      }
      const bind = (parsed as Record<string, unknown> | null)?.['teamsApp@odata.bind'];
      const appId = typeof bind === 'string' ? BIND.exec(bind)?.[1] : undefined;
      if (!appId) return { status: 400, body: graphError(400, 'teamsApp@odata.bind is required.') };
      if (!knownUser(userId)) return { status: 404, body: graphError(404, `User ${userId} not found.`) };
      if (!catalog.has(decodeURIComponent(appId).toLowerCase()))
        return { status: 404, body: graphError(404, `App ${appId} is not in the catalogue.`) };
      if (installed(userId, decodeURIComponent(appId)))
        return { status: 409, body: graphError(409, 'The app is already installed for this user.') };
      install(userId, decodeURIComponent(appId));
      return { status: 201, body: null };
    }

    if (apps && method === 'GET') {
      const userId = decodeURIComponent(apps[1]!);
      const failed = injected('list');
      if (failed) return failed;
      if (!knownUser(userId)) return { status: 404, body: graphError(404, `User ${userId} not found.`) };
      const filter = url.searchParams.get('$filter');
      let rows = installations.get(userId) ?? [];
      if (filter !== null) {
        const match = FILTER.exec(filter.trim());
        if (!match) return { status: 400, body: graphError(400, `Unsupported filter: ${filter}`) };
        const wanted = match[1]!.replace(/''/g, "'").toLowerCase();
        rows = rows.filter((r) => r.appId.toLowerCase() === wanted);
      }
      const expand = url.searchParams.get('$expand') === 'teamsApp';
      return {
        status: 200,
        body: {
          value: rows.map((r) => ({
            id: r.installationId,
            ...(expand ? { teamsApp: teamsApp(r.appId) } : {}),
          })),
        },
      };
    }

    if (chat && method === 'GET') {
      const userId = decodeURIComponent(chat[1]!);
      const installationId = decodeURIComponent(chat[2]!);
      const failed = injected('chat');
      if (failed) return failed;
      const row = (installations.get(userId) ?? []).find((i) => i.installationId === installationId);
      if (!row) return { status: 404, body: graphError(404, 'No such installation.') };
      return {
        status: 200,
        body: { id: row.chatId, topic: null, chatType: 'oneOnOne', tenantId: null },
      };
    }
    return { status: 405, body: graphError(400, `${method} is not supported here.`) };
  };

  return {
    handler({ method, url, body }) {
      const answer = route(method, url, body);
      if (answer) {
        let parsedBody: unknown;
        try {
          parsedBody = body ? (JSON.parse(body) as unknown) : null;
        } catch {
          parsedBody = body;
        }
        requests.push({
          method,
          // Decoded, so tests compare with the ids they know.
          path: decodeURIComponent(url.pathname),
          query: Object.fromEntries(url.searchParams),
          body: parsedBody,
          status: answer.status,
        });
      }
      return answer;
    },
    preinstall: install,
    installationsOf: (userId) => [...(installations.get(userId) ?? [])],
    failNext({ step, status, retryAfterSeconds, count = 1 }) {
      failures.push({
        step,
        status,
        remaining: count,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      });
    },
    requests,
  };
}
