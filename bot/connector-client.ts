import type { Activity, ConversationParameters } from 'botbuilder';
import { parseRetryAfter } from '../src/domain/outbox';

// A minimal Bot Connector REST client for the outbox (design §1.2): exactly one HTTP request per call,
// so pacing sees every request and `Retry-After` reaches the caller. botbuilder's own client retries
// 429s and 5xx by itself, which would hide both. Replies inside a turn stay on the adapter.

/** Header carrying the outbox's idempotency key: Teams ignores it, the local connector dedupes on it. */
export const IDEMPOTENCY_HEADER = 'x-chorus-idempotency-key';

/**
 * A request that did not get a 2xx. `status` is 0 when there was no answer (network error, timeout, or
 * no token); `code` and `subCode` come from the body's `{ error: { code, subCode } }`.
 */
export class ConnectorError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | null;
  readonly code: string | null;
  readonly subCode: string | null;

  constructor(
    message: string,
    details: { status: number; retryAfterMs?: number | null; code?: string | null; subCode?: string | null },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConnectorError';
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.code = details.code ?? null;
    this.subCode = details.subCode ?? null;
  }
}

/** True when `err` is a ConnectorError (also across module copies). */
export function isConnectorError(err: unknown): err is ConnectorError {
  return (
    err instanceof ConnectorError ||
    (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'ConnectorError')
  );
}

export interface ConnectorClientOptions {
  /** A bearer token for the connector; null (or no function) sends no Authorization header. */
  getToken?: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Budget for one request, answer body included. */
  timeoutMs: number;
  /** Clock for Retry-After dates. */
  now?: () => number;
}

export interface ConnectorClient {
  /** `POST {serviceUrl}/v3/conversations`: creates (or finds) a conversation and returns its id. */
  createConversation(
    serviceUrl: string,
    params: Partial<ConversationParameters>,
    options?: { idempotencyKey?: string },
  ): Promise<{ id: string }>;
  /**
   * `POST {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`. Resolves on any 2xx with the new
   * activity's id (null if the service sent none: the message was still accepted).
   */
  sendActivity(
    serviceUrl: string,
    conversationId: string,
    activity: Partial<Activity>,
    options: { idempotencyKey: string; replyToId?: string },
  ): Promise<{ id: string | null }>;
}

/** Creates the client. It never retries: every failure is one ConnectorError for the caller to judge. */
export function createConnectorClient(options: ConnectorClientOptions): ConnectorClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;

  const post = async (url: string, body: unknown, idempotencyKey: string | undefined) => {
    let token: string | null;
    try {
      token = options.getToken ? await options.getToken() : null;
    } catch (err) {
      throw new ConnectorError(
        'could not get a token for the Bot Connector',
        { status: 0, code: 'TokenError' },
        { cause: err },
      );
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    if (idempotencyKey) headers[IDEMPOTENCY_HEADER] = idempotencyKey;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await res.text();
      const json = parseJson(text);
      if (!res.ok) {
        const error = errorOf(json);
        throw new ConnectorError(
          `Bot Connector answered ${res.status}${error.code ? ` ${error.code}` : ''}${error.message ? `: ${error.message}` : ''}`,
          {
            status: res.status,
            retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
            code: error.code,
            subCode: error.subCode,
          },
        );
      }
      return { status: res.status, id: idOf(json) };
    } catch (err) {
      if (isConnectorError(err)) throw err;
      const timedOut = controller.signal.aborted;
      throw new ConnectorError(
        timedOut
          ? `no answer from the Bot Connector within ${options.timeoutMs} ms`
          : 'Bot Connector unreachable',
        { status: 0, code: timedOut ? 'Timeout' : 'NetworkError' },
        { cause: err },
      );
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async createConversation(serviceUrl, params, opts) {
      const answer = await post(`${base(serviceUrl)}/v3/conversations`, params, opts?.idempotencyKey);
      if (!answer.id) {
        // Without an id nothing can be sent; 502 marks the answer as unusable and worth another try.
        throw new ConnectorError('the Bot Connector created a conversation without an id', {
          status: 502,
          code: 'InvalidResponse',
        });
      }
      return { id: answer.id };
    },

    async sendActivity(serviceUrl, conversationId, activity, opts) {
      const reply = opts.replyToId ? `/${encodeURIComponent(opts.replyToId)}` : '';
      const url = `${base(serviceUrl)}/v3/conversations/${encodeURIComponent(conversationId)}/activities${reply}`;
      const answer = await post(url, activity, opts.idempotencyKey);
      return { id: answer.id };
    },
  };
}

/** The service URL without trailing slashes (Teams gives `https://smba.trafficmanager.net/teams/`). */
function base(serviceUrl: string) {
  return serviceUrl.replace(/\/+$/, '');
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const stringOrNull = (value: unknown) => (typeof value === 'string' && value ? value : null);

function idOf(json: unknown): string | null {
  return typeof json === 'object' && json !== null ? stringOrNull((json as { id?: unknown }).id) : null;
}

function errorOf(json: unknown): { code: string | null; subCode: string | null; message: string | null } {
  const root = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const error =
    typeof root.error === 'object' && root.error !== null ? (root.error as Record<string, unknown>) : {};
  return {
    code: stringOrNull(error.code),
    subCode: stringOrNull(error.subCode) ?? stringOrNull(root.subCode),
    message: stringOrNull(error.message),
  };
}
