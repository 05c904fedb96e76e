import { parseRetryAfter } from '../domain/outbox';

// Teams activity-feed notifications through Microsoft Graph (design §2):
// `POST {graph}/users/{id}/teamwork/sendActivityNotification` answers 204. One request per call and no
// retries of its own, like the Bot Connector client: the outbox paces and retries.

/** The body Graph takes (activityType must be declared in the manifest's `activities`). */
export interface ActivityNotification {
  topic: { source: 'text'; value: string; webUrl: string };
  activityType: string;
  /** Graph shows the first 150 characters. */
  previewText: { content: string };
  templateParameters: { name: string; value: string }[];
}

/** One answer: `status` 0 when there was none (network error, timeout, or no token). */
export interface ActivityFeedAnswer {
  status: number;
  retryAfterMs: number | null;
  code: string | null;
}

export interface ActivityFeedClient {
  /** `idempotencyKey` travels in `x-chorus-idempotency-key` (Graph ignores it; the demo dedupes on it). */
  send(
    userId: string,
    notification: ActivityNotification,
    options?: { idempotencyKey?: string },
  ): Promise<ActivityFeedAnswer>;
}

export interface ActivityFeedOptions {
  /**
   * Graph's base URL, e.g. https://graph.microsoft.com/v1.0, or a function giving it (the demo: this
   * server's /_dev/graph/v1.0, whose port is known only once it listens).
   */
  baseUrl: string | (() => string);
  /** An app-only Graph token (`TeamsActivity.Send`); null sends no Authorization header (the demo). */
  getToken: (() => Promise<string>) | null;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** At most 150 characters (what the feed shows), cut at a word. */
export function previewText(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= 150) return flat;
  const cut = flat.slice(0, 149);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > 75 ? atWord : cut}…`;
}

export function createActivityFeedClient(options: ActivityFeedOptions): ActivityFeedClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const base = () =>
    (typeof options.baseUrl === 'string' ? options.baseUrl : options.baseUrl()).replace(/\/+$/, '');
  return {
    async send(userId, notification, sendOptions = {}) {
      let token: string | null;
      try {
        token = options.getToken ? await options.getToken() : null;
      } catch {
        return { status: 0, retryAfterMs: null, code: 'TokenError' };
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      try {
        const res = await doFetch(
          `${base()}/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(sendOptions.idempotencyKey
                ? { 'x-chorus-idempotency-key': sendOptions.idempotencyKey }
                : {}),
            },
            body: JSON.stringify(notification),
            signal: controller.signal,
          },
        );
        const body = await res.text();
        let code: string | null = null;
        try {
          const parsed = JSON.parse(body) as { error?: { code?: unknown } };
          code = typeof parsed.error?.code === 'string' ? parsed.error.code : null;
        } catch {
          // an empty 204, or not JSON
        }
        return {
          status: res.status,
          retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
          code,
        };
      } catch {
        return {
          status: 0,
          retryAfterMs: null,
          code: controller.signal.aborted ? 'Timeout' : 'NetworkError',
        };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
