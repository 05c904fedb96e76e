import { backoffDelay, parseRetryAfter } from '../domain/outbox';
import type { NewsPageInput, NewsPageResult, SharePointNewsPages } from '../ports/campaigns';
import { createAppTokenProvider } from './token-provider';

// Campaigns as SharePoint news pages through Graph's site pages API (docs/design/recruitment.md §2):
//   GET  /sites/{siteId}?$select=id,webUrl                               the site's address (fails early on 403)
//   POST /sites/{siteId}/pages                                           the page, as a draft (201 sitePage)
//   POST /sites/{siteId}/pages/{pageId}/microsoft.graph.sitePage/publish  published (204)
// Graph gives a page's webUrl relative to its site ("SitePages/x.aspx"), hence the site's own address.
//
// Least privilege: the app's token only, with Sites.Selected granted on this one site. The pages docs
// list Sites.ReadWrite.All; a 403 is reported as such and Chorus never asks for more.
// 429 and 503 are retried after Retry-After (a bounded wait: comms is waiting for the answer).

export interface SharePointPagesOptions {
  /** The Graph site id, `<hostname>,<site collection id>,<web id>`. */
  siteId: string;
  /** Graph's base URL, e.g. https://graph.microsoft.com/v1.0. */
  baseUrl: string;
  /** An app-only Graph token. */
  getToken: () => Promise<string>;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
  /** Retries of one request after 429, 503 or 504. Default 3. */
  maxRetries?: number;
  /** The longest wait before a retry; a longer Retry-After is reported to the caller. Default 30 s. */
  maxRetryWaitMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRIED = new Set([429, 503, 504]);

/** The site id goes into the path as Graph writes it, commas included (it is validated by config). */
function sitePath(siteId: string): string {
  return `/sites/${encodeURIComponent(siteId).replace(/%2C/gi, ',')}`;
}

/** The canvas of a news page: one full-width section holding one text web part. */
export function newsPageBody(page: NewsPageInput) {
  return {
    '@odata.type': '#microsoft.graph.sitePage',
    name: page.name,
    title: page.title,
    description: page.description,
    pageLayout: 'article',
    promotionKind: 'newsPost',
    canvasLayout: {
      horizontalSections: [
        {
          id: '1',
          layout: 'oneColumn',
          emphasis: 'none',
          columns: [
            {
              id: '1',
              width: 12,
              webparts: [{ '@odata.type': '#microsoft.graph.textWebPart', innerHtml: page.html }],
            },
          ],
        },
      ],
    },
  };
}

interface Answer {
  status: number;
  body: unknown;
  code: string | null;
  retryAfterMs: number | null;
}

/** A page's address: Graph's, when absolute; otherwise relative to the site's. */
export function absolutePageUrl(siteWebUrl: string, pageWebUrl: string): string {
  if (/^https?:\/\//i.test(pageWebUrl)) return pageWebUrl;
  return new URL(pageWebUrl.replace(/^\/+/, ''), `${siteWebUrl.replace(/\/+$/, '')}/`).toString();
}

export function createSharePointPages(options: SharePointPagesOptions): SharePointNewsPages {
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 30_000;
  const base = options.baseUrl.replace(/\/+$/, '');
  const site = sitePath(options.siteId);

  /** One request, no retries. `status` 0: no answer (no token, network error or timeout). */
  const once = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> => {
    let token: string;
    try {
      token = await options.getToken();
    } catch {
      return { status: 0, body: null, code: 'TokenError', retryAfterMs: null };
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: an empty 204, or a proxy's page
      }
      const error = (parsed as { error?: { code?: unknown } } | null)?.error;
      return {
        status: res.status,
        body: parsed,
        code: typeof error?.code === 'string' ? error.code : null,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
      };
    } catch {
      return {
        status: 0,
        body: null,
        code: controller.signal.aborted ? 'Timeout' : 'NetworkError',
        retryAfterMs: null,
      };
    } finally {
      clearTimeout(timer);
    }
  };

  /** One request, retried after 429/503/504 while the wait stays within bounds. */
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> => {
    for (let attempt = 0; ; attempt++) {
      const answer = await once(method, path, body);
      if (!RETRIED.has(answer.status) || attempt >= maxRetries) return answer;
      const wait = backoffDelay(attempt + 1, answer.retryAfterMs);
      if ((answer.retryAfterMs ?? 0) > maxRetryWaitMs) return answer;
      await sleep(Math.min(wait, maxRetryWaitMs));
    }
  };

  const failure = (step: 'site' | 'create' | 'publish', answer: Answer): NewsPageResult => ({
    ok: false,
    reason:
      answer.status === 401 || answer.status === 403
        ? 'forbidden'
        : RETRIED.has(answer.status)
          ? 'throttled'
          : answer.status === 409
            ? 'conflict'
            : 'failed',
    step,
    status: answer.status,
    code: answer.code,
    retryAfterMs: answer.retryAfterMs,
  });

  return {
    async publishNewsPage(page) {
      const siteAnswer = await call('GET', `${site}?$select=id,webUrl`);
      const siteWebUrl = (siteAnswer.body as { webUrl?: unknown } | null)?.webUrl;
      if (siteAnswer.status !== 200 || typeof siteWebUrl !== 'string') return failure('site', siteAnswer);

      const created = await call('POST', `${site}/pages`, newsPageBody(page));
      const sitePage = created.body as { id?: unknown; webUrl?: unknown; name?: unknown } | null;
      if (created.status !== 200 && created.status !== 201) return failure('create', created);
      if (typeof sitePage?.id !== 'string') return failure('create', { ...created, code: 'NoPageId' });
      const pageId = sitePage.id;

      const published = await call(
        'POST',
        `${site}/pages/${encodeURIComponent(pageId)}/microsoft.graph.sitePage/publish`,
      );
      if (published.status < 200 || published.status >= 300) return failure('publish', published);

      const relative =
        typeof sitePage.webUrl === 'string' ? sitePage.webUrl : `SitePages/${encodeURIComponent(page.name)}`;
      return { ok: true, pageId, webUrl: absolutePageUrl(siteWebUrl, relative) };
    },
  };
}

/** The Graph settings publishing needs (`config.sharepoint`). */
export interface SharePointSettings {
  siteId: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  graphBaseUrl: string;
}

/** Builds the publisher with its own app-only msal token provider (Graph's `.default` scope). */
export function createSharePointPagesFromConfig(settings: SharePointSettings): SharePointNewsPages {
  const tokens = createAppTokenProvider({
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorityHost: settings.authorityHost,
  });
  return createSharePointPages({
    siteId: settings.siteId,
    baseUrl: settings.graphBaseUrl,
    getToken: () => tokens.getToken(),
  });
}
