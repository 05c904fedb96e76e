import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDatabaseUnavailable } from '../db/unavailable';
import { followTrackedLink, type FollowDeps } from '../services/follow-tracked-link';
import type { RequestLimiter } from './request-limiter';
import { UNKNOWN_LINK_PAGE } from './sharing-presenters';

export interface TrackedLinkAnswer {
  status: 302 | 404 | 503;
  headers: Record<string, string | number>;
  body: string;
}

const NOT_FOUND_HEADERS = {
  'cache-control': 'no-store',
  'content-type': 'text/html; charset=utf-8',
  'content-length': Buffer.byteLength(UNKNOWN_LINK_PAGE),
};

/**
 * What GET or HEAD /r/<path> answers: a 302 to the item's link with its UTM tags (the click counted
 * and committed first, unless a crawler or a HEAD asked), or the plain 404 page for an unknown code or
 * any deeper path. Never cached: every visit must reach us to be counted.
 *
 * When the click cannot be written (the database is down), the answer is a 503 with Retry-After, not
 * a 302: a 302 would acknowledge a click that was dropped. The visitor is still never stuck: the 503
 * page shows the destination's link at once and reloads the tracked link by itself (counted then, if
 * the database is back), and after RETRIES_BEFORE_SENDING_ON reloads it sends the visitor on uncounted.
 */
export async function answerTrackedLink(
  deps: FollowDeps & { tenantId: string; limiter?: RequestLimiter },
  input: {
    path: string;
    ip: string;
    userAgent: string | undefined;
    method: string;
    /** How many times the 503 page has reloaded this link already (its `?retry=` parameter). */
    retry?: number;
  },
): Promise<TrackedLinkAnswer> {
  // The path after /r/, as sent (still percent-encoded); a malformed code gets the 404 page, never a 400.
  const code = safeDecode(input.path);
  // Past the per-address limit the visitor is still sent on (an office behind one address must never
  // see a broken link), but the click is not counted: a flood neither inflates the numbers nor loads
  // the database.
  const overLimit = input.method === 'GET' && (deps.limiter?.take(input.ip) ?? null) !== null;
  const followed = code.includes('/')
    ? null
    : await followTrackedLink(deps, {
        tenantId: deps.tenantId,
        code,
        ip: input.ip,
        userAgent: input.userAgent,
        method: input.method,
        count: !overLimit,
      });
  if (!followed) return { status: 404, headers: NOT_FOUND_HEADERS, body: UNKNOWN_LINK_PAGE };
  if (followed.countFailed) return unavailableAnswer(code, input.retry ?? 0, followed.location);
  return { status: 302, headers: redirectHeaders(followed.location), body: '' };
}

/** Seconds the 503 page (and its Retry-After) waits before the tracked link is tried again. */
export const TRACKED_LINK_RETRY_AFTER_SECONDS = 2;
/** Automatic reloads of a tracked link that could not be counted before the visitor is sent on. */
export const RETRIES_BEFORE_SENDING_ON = 2;
/** Reloads of a link whose destination could not even be read before the page stops reloading. */
const RETRIES_WITHOUT_DESTINATION = 5;

/**
 * The 503 for a visit that could not be counted (`destination` known) or not even resolved (null):
 * Retry-After, a page in both languages that reloads the tracked link, and the destination's link.
 */
export function unavailableAnswer(
  code: string,
  retry: number,
  destination: string | null,
): TrackedLinkAnswer {
  const again = `/r/${encodeURIComponent(code)}?retry=${retry + 1}`;
  let refresh: string | null = null;
  if (destination && retry >= RETRIES_BEFORE_SENDING_ON) refresh = `0; url=${destination}`;
  else if (destination || retry < RETRIES_WITHOUT_DESTINATION) {
    refresh = `${TRACKED_LINK_RETRY_AFTER_SECONDS}; url=${again}`;
  }
  const body = unavailablePage(refresh, destination);
  return {
    status: 503,
    headers: {
      'retry-after': TRACKED_LINK_RETRY_AFTER_SECONDS,
      'cache-control': 'no-store',
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    },
    body,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function unavailablePage(refresh: string | null, destination: string | null): string {
  const link = destination ? escapeHtml(destination) : null;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh ? `<meta http-equiv="refresh" content="${escapeHtml(refresh)}">\n` : ''}<title>Et øjeblik · One moment</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#242424}h1{font-size:1.4rem}</style>
</head>
<body>
<main>
<h1>Et øjeblik</h1>
<p>Vi kan ikke registrere besøget lige nu og prøver igen om lidt.${link ? ` Du kan også <a href="${link}">gå direkte videre</a>.` : ''}</p>
<hr>
<div lang="en">
<h1>One moment</h1>
<p>We cannot record this visit right now and will try again shortly.${link ? ` You can also <a href="${link}">go straight on</a>.` : ''}</p>
</div>
</main>
</body>
</html>
`;
}

// The 302's headers per destination, built once: every click of a post goes to the same address.
const REDIRECT_HEADERS_MAX = 1000;
const redirects = new Map<string, Record<string, string | number>>();
function redirectHeaders(location: string): Record<string, string | number> {
  let headers = redirects.get(location);
  if (!headers) {
    if (redirects.size >= REDIRECT_HEADERS_MAX) redirects.clear();
    headers = Object.freeze({ location, 'cache-control': 'no-store', 'content-length': 0 });
    redirects.set(location, headers);
  }
  return headers;
}

/** The client address as Fastify's request.ip gives it: with trustProxy, the first X-Forwarded-For entry. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? '';
}

/**
 * The redirect straight on Node's request event, before Fastify: it is the one public path that gets
 * every click of every post, and it needs none of Fastify's per-request work (request ids, child
 * loggers, hooks, body parsing). The Fastify route for /r/ gives the same answer through the same
 * function, for anything that reaches it (app.inject, methods other than GET and HEAD).
 * Returns false when the request is not a tracked link, so Fastify handles it.
 */
export function createTrackedLinkListener(
  deps: FollowDeps & {
    tenantId: string;
    trustProxy: boolean;
    limiter?: RequestLimiter;
    onError(err: unknown): void;
  },
  isClosing: () => boolean,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url;
    if (!url?.startsWith('/r/') || (req.method !== 'GET' && req.method !== 'HEAD') || isClosing()) {
      return false;
    }
    const query = url.indexOf('?');
    const path = url.slice(3, query < 0 ? undefined : query);
    const retry = query < 0 ? 0 : retryOf(url.slice(query + 1));
    const send = (answer: TrackedLinkAnswer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(req.method === 'HEAD' ? undefined : answer.body);
    };
    answerTrackedLink(deps, {
      path,
      ip: clientAddress(req, deps.trustProxy),
      userAgent: req.headers['user-agent'],
      method: req.method,
      retry,
    }).then(send, (err: unknown) => {
      deps.onError(err);
      // The link could not even be looked up: retryable when the database is down, else a plain 500.
      if (isDatabaseUnavailable(err)) return send(unavailableAnswer(safeDecode(path), retry, null));
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('Noget gik galt. Prøv igen om lidt. · Something went wrong. Please try again shortly.');
    });
    return true;
  };
}

/** The `retry` parameter of the 503 page's reload (0 when absent or not a small number). */
export function retryOf(query: string): number {
  const match = /(?:^|&)retry=(\d{1,2})(?:&|$)/.exec(query);
  return match ? Number(match[1]) : 0;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
