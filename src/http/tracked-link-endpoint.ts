import type { IncomingMessage, ServerResponse } from 'node:http';
import { followTrackedLink, type FollowDeps } from '../services/follow-tracked-link';
import type { RequestLimiter } from './request-limiter';
import { UNKNOWN_LINK_PAGE } from './sharing-presenters';

export interface TrackedLinkAnswer {
  status: 302 | 404;
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
 */
export async function answerTrackedLink(
  deps: FollowDeps & { tenantId: string; limiter?: RequestLimiter },
  input: { path: string; ip: string; userAgent: string | undefined; method: string },
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
  return { status: 302, headers: redirectHeaders(followed.location), body: '' };
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
    answerTrackedLink(deps, {
      path,
      ip: clientAddress(req, deps.trustProxy),
      userAgent: req.headers['user-agent'],
      method: req.method,
    }).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(req.method === 'HEAD' ? undefined : answer.body);
      },
      (err: unknown) => {
        deps.onError(err);
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('Noget gik galt. Prøv igen om lidt. · Something went wrong. Please try again shortly.');
      },
    );
    return true;
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
