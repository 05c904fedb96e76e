import { parseRetryAfter } from '../domain/outbox';

// Proactive install of the Teams app for one person through Microsoft Graph (docs/design/recruitment.md
// §2 "Proactive install", §4 delivery), for people the bot has no chat with and cannot start one with:
//
//   POST {graph}/users/{id}/teamwork/installedApps
//        {"teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{catalogAppId}"}
//        → 201 Created, or 409 Conflict when the app is already installed for them
//   GET  {graph}/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalogAppId}'
//        → the installation's id
//   GET  {graph}/users/{id}/teamwork/installedApps/{installationId}/chat
//        → the 1:1 chat between the person and the bot, whose id the Bot Connector accepts
//
// Application permission: TeamsAppInstallation.ReadWriteSelfForUser.All (install only this app). It
// works for apps in the org catalogue or the Store, and needs the catalogue id, not the manifest id.
// Like the Bot Connector and activity-feed clients, each step is one request and nothing is retried
// here: the outbox retries the message later, honouring Retry-After, so a throttled Graph is never
// waited for while the message holds its lease.

/** Graph's own root in the `@odata.bind` reference; the same in every cloud's request body. */
const APP_CATALOG_BIND = 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps';

/**
 * `DeliveryReport.code` of a message whose proactive install should be tried again later (Graph 429,
 * 5xx, no answer, or an installation not listed yet). The outbox worker reads it, so a Graph 429 is not
 * taken for the Bot Connector's and does not slow the tenant's bot sending down.
 */
export const INSTALL_RETRY_CODE = 'ProactiveInstallRetry';

/** The reason kept on a message whose install is to be tried again: install_throttled, install_network, install_http_<status>. */
export function installRetryReason(status: number): string {
  if (status === 429) return 'install_throttled';
  if (status === 0) return 'install_network';
  return `install_http_${status}`;
}

/** Which of the three requests answered. */
export type InstallStep = 'install' | 'find' | 'chat';

export type TeamsInstallResult =
  | {
      kind: 'installed';
      /** The person's 1:1 chat with the bot (a Bot Connector conversation id). */
      chatId: string;
      installationId: string;
      /** False when Graph answered 409: the app was already installed for them. */
      newlyInstalled: boolean;
    }
  /** Worth another try later: 429, 5xx, no answer (status 0), or installed but not yet listed. */
  | { kind: 'retry'; step: InstallStep; status: number; retryAfterMs: number | null; code: string | null }
  /** Will not work by trying again: no permission (403), unknown person or app (404), a bad request. */
  | { kind: 'failed'; step: InstallStep; status: number; code: string | null };

export interface TeamsAppInstaller {
  /**
   * Installs the app for the person (Entra object id) unless it is installed already, and returns their
   * chat with the bot. `deadline` (ms epoch) bounds all requests together.
   */
  installForUser(userId: string, options?: { deadline?: number }): Promise<TeamsInstallResult>;
}

export interface TeamsAppInstallerOptions {
  /** Graph's base URL with the version, e.g. https://graph.microsoft.com/v1.0, or a function giving it. */
  baseUrl: string | (() => string);
  /** An app-only Graph token with TeamsAppInstallation.ReadWriteSelfForUser.All. */
  getToken: () => Promise<string>;
  /** The app's id in the org's app catalogue (`TEAMS_APP_CATALOG_ID`), not the manifest id. */
  catalogAppId: string;
  /** Budget for one request, answer body included. */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Clock for deadlines and Retry-After dates. */
  now?: () => number;
}

interface Answer {
  status: number;
  retryAfterMs: number | null;
  code: string | null;
  json: unknown;
}

/** Statuses worth another try besides 5xx; 412 as for the Bot Connector. */
const RETRYABLE = new Set([0, 408, 412, 429]);
const isRetryable = (status: number) => RETRYABLE.has(status) || (status >= 500 && status < 600);

/** Creates the installer. */
export function createTeamsAppInstaller(options: TeamsAppInstallerOptions): TeamsAppInstaller {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const base = () =>
    (typeof options.baseUrl === 'string' ? options.baseUrl : options.baseUrl()).replace(/\/+$/, '');
  const appId = options.catalogAppId;

  const request = async (
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    deadline: number | undefined,
  ): Promise<Answer> => {
    const timeoutMs = Math.min(options.timeoutMs, deadline === undefined ? Infinity : deadline - now());
    if (timeoutMs <= 0) return { status: 0, retryAfterMs: null, code: 'Timeout', json: null };
    let token: string;
    try {
      token = await options.getToken();
    } catch {
      return { status: 0, retryAfterMs: null, code: 'TokenError', json: null };
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await doFetch(`${base()}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
      const text = await res.text();
      const json = parseJson(text);
      return {
        status: res.status,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
        code: errorCodeOf(json),
        json,
      };
    } catch {
      return {
        status: 0,
        retryAfterMs: null,
        code: controller.signal.aborted ? 'Timeout' : 'NetworkError',
        json: null,
      };
    } finally {
      clearTimeout(timer);
    }
  };

  const notOk = (step: InstallStep, a: Answer): TeamsInstallResult =>
    isRetryable(a.status)
      ? { kind: 'retry', step, status: a.status, retryAfterMs: a.retryAfterMs, code: a.code }
      : { kind: 'failed', step, status: a.status, code: a.code };

  return {
    async installForUser(userId, callOptions = {}) {
      const { deadline } = callOptions;
      const apps = `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;

      const installed = await request(
        'POST',
        apps,
        { 'teamsApp@odata.bind': `${APP_CATALOG_BIND}/${encodeURIComponent(appId)}` },
        deadline,
      );
      const ok = (s: number) => s >= 200 && s < 300;
      if (!ok(installed.status) && installed.status !== 409) return notOk('install', installed);
      const newlyInstalled = installed.status !== 409;

      const filter = encodeURIComponent(`teamsApp/id eq '${appId.replace(/'/g, "''")}'`);
      const found = await request('GET', `${apps}?$expand=teamsApp&$filter=${filter}`, undefined, deadline);
      if (!ok(found.status)) return notOk('find', found);
      const installationId = firstInstallationId(found.json, appId);
      if (!installationId) {
        // Installed a moment ago (or 409) but not listed yet: Graph is eventually consistent.
        return {
          kind: 'retry',
          step: 'find',
          status: 404,
          retryAfterMs: null,
          code: 'InstallationNotListed',
        };
      }

      const chat = await request(
        'GET',
        `${apps}/${encodeURIComponent(installationId)}/chat`,
        undefined,
        deadline,
      );
      // A chat not found right after the install is the same propagation delay: try again later.
      if (chat.status === 404)
        return { kind: 'retry', step: 'chat', status: 404, retryAfterMs: chat.retryAfterMs, code: chat.code };
      if (!ok(chat.status)) return notOk('chat', chat);
      const chatId = stringOrNull(objectOf(chat.json)['id']);
      if (!chatId)
        return { kind: 'retry', step: 'chat', status: 502, retryAfterMs: null, code: 'InvalidResponse' };
      return { kind: 'installed', chatId, installationId, newlyInstalled };
    },
  };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const stringOrNull = (value: unknown) => (typeof value === 'string' && value ? value : null);

function errorCodeOf(json: unknown): string | null {
  return stringOrNull(objectOf(objectOf(json)['error'])['code']);
}

/** The installation of `appId` in a listing (the filter already narrows it; the check guards a lax server). */
function firstInstallationId(json: unknown, appId: string): string | null {
  const value = objectOf(json)['value'];
  if (!Array.isArray(value)) return null;
  for (const item of value) {
    const row = objectOf(item);
    const teamsAppId = stringOrNull(objectOf(row['teamsApp'])['id']);
    if (teamsAppId !== null && teamsAppId.toLowerCase() !== appId.toLowerCase()) continue;
    const id = stringOrNull(row['id']);
    if (id) return id;
  }
  return null;
}
