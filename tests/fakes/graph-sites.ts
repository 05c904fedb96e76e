import { randomUUID } from 'node:crypto';
import type { GraphAnswer, GraphHandler } from './graph-server';

// The slice of Graph's SharePoint site pages API that Chorus uses, as an extra route group of the local
// Graph server (tests/fakes/graph-server.ts):
//   GET  /v1.0/sites/{siteId}                                            the site (id, webUrl)
//   POST /v1.0/sites/{siteId}/pages                                      a sitePage, as a draft: 201
//   POST /v1.0/sites/{siteId}/pages/{pageId}/microsoft.graph.sitePage/publish   204
// Like Graph, a page's webUrl is relative to its site ("SitePages/x.aspx"), and a taken name is a 409.
// Permissions model Sites.Selected: the app holds no role, 'read' or 'write' on this one site; any other
// site is a 403 as well, as for an app that was granted only the configured one.

export type SiteRole = 'none' | 'read' | 'write';
export type SitesStep = 'site' | 'create' | 'publish';

export interface FakeSitePage {
  id: string;
  name: string;
  title: string;
  /** The request body as received. */
  body: Record<string, unknown>;
  /** Site-relative, as Graph gives it. */
  webUrl: string;
  publishingState: 'checkout' | 'published';
}

export interface GraphSites {
  /** Pass to `startGraphServer({ extraHandlers: [sites.handler] })`. */
  handler: GraphHandler;
  siteId: string;
  /** The site's absolute address, e.g. https://contoso.sharepoint.com/sites/intranet. */
  siteWebUrl: string;
  /** Pages created, in order. */
  pages: FakeSitePage[];
  /** The role Sites.Selected granted the app on the site. Default 'write'. */
  grant(role: SiteRole): void;
  /** The next `count` requests of this step answer 429 with Retry-After (after authentication). */
  throttle(step: SitesStep, options: { retryAfterSeconds: number; count?: number }): void;
}

const HOST = 'contoso.sharepoint.com';

function graphError(status: number, code: string, message: string): GraphAnswer {
  return {
    status,
    body: {
      error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } },
    },
  };
}

const denied = () =>
  graphError(403, 'accessDenied', 'Either scp or roles claim need to be present in the token.');

/** Checks the parts of a sitePage body that Graph requires for a news post; null when fine. */
function invalidPage(body: Record<string, unknown>): string | null {
  if (body['@odata.type'] !== '#microsoft.graph.sitePage')
    return '@odata.type must be #microsoft.graph.sitePage';
  if (typeof body.name !== 'string' || !/^[^\\/:*?"<>|#%]+\.aspx$/.test(body.name))
    return 'name must be a file name ending in .aspx';
  if (typeof body.title !== 'string' || !body.title) return 'title is required';
  const layout = body.canvasLayout as { horizontalSections?: unknown } | undefined;
  const sections = layout?.horizontalSections;
  if (!Array.isArray(sections) || sections.length === 0) return 'canvasLayout.horizontalSections is required';
  for (const section of sections as { columns?: unknown }[]) {
    if (!Array.isArray(section.columns)) return 'each horizontal section needs columns';
    for (const column of section.columns as { webparts?: unknown }[]) {
      if (!Array.isArray(column.webparts)) return 'each column needs webparts';
    }
  }
  return null;
}

export function createGraphSites(options: { siteId?: string; sitePath?: string } = {}): GraphSites {
  const siteId = options.siteId ?? `${HOST},${randomUUID()},${randomUUID()}`;
  const siteWebUrl = `https://${HOST}${options.sitePath ?? '/sites/intranet'}`;
  const pages: FakeSitePage[] = [];
  let role: SiteRole = 'write';
  const throttles: Record<SitesStep, number[]> = { site: [], create: [], publish: [] };

  const throttled = (step: SitesStep): GraphAnswer | null => {
    const seconds = throttles[step].shift();
    if (seconds === undefined) return null;
    return {
      ...graphError(429, 'TooManyRequests', 'Too many requests.'),
      headers: { 'Retry-After': String(seconds) },
    };
  };

  const handler: GraphHandler = ({ method, url, body }) => {
    const match = /^\/v1\.0\/sites\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!match?.[1]) return null;
    const id = decodeURIComponent(match[1]);
    const rest = match[2] ?? '';
    // Sites.Selected: only the granted site, and only with a role.
    if (id !== siteId || role === 'none') return denied();

    if (method === 'GET' && rest === '') {
      return (
        throttled('site') ?? {
          status: 200,
          body: {
            '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#sites(id,webUrl)/$entity',
            id: siteId,
            webUrl: siteWebUrl,
          },
        }
      );
    }

    if (method === 'POST' && rest === '/pages') {
      const wait = throttled('create');
      if (wait) return wait;
      if (role !== 'write') return denied();
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return graphError(400, 'BadRequest', 'The body is not JSON.');
      }
      const problem = invalidPage(parsed);
      if (problem) return graphError(400, 'invalidRequest', problem);
      const name = parsed.name as string;
      if (pages.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
        return graphError(409, 'nameAlreadyExists', `A page named ${name} already exists.`);
      }
      const page: FakeSitePage = {
        id: randomUUID(),
        name,
        title: parsed.title as string,
        body: parsed,
        webUrl: `SitePages/${name}`,
        publishingState: 'checkout',
      };
      pages.push(page);
      return {
        status: 201,
        body: {
          '@odata.type': '#microsoft.graph.sitePage',
          id: page.id,
          name: page.name,
          webUrl: page.webUrl,
          title: page.title,
          pageLayout: parsed.pageLayout,
          promotionKind: parsed.promotionKind,
          publishingState: { level: 'checkout', versionId: '0.1' },
        },
      };
    }

    const publish = /^\/pages\/([^/]+)\/microsoft\.graph\.sitePage\/publish$/.exec(rest);
    if (method === 'POST' && publish?.[1]) {
      const wait = throttled('publish');
      if (wait) return wait;
      if (role !== 'write') return denied();
      const page = pages.find((p) => p.id === decodeURIComponent(publish[1]!));
      if (!page) return graphError(404, 'itemNotFound', 'The page does not exist.');
      page.publishingState = 'published';
      return { status: 204, body: null };
    }
    return graphError(400, 'BadRequest', `Unsupported sites request ${method} ${rest}`);
  };

  return {
    handler,
    siteId,
    siteWebUrl,
    pages,
    grant(next) {
      role = next;
    },
    throttle(step, { retryAfterSeconds, count = 1 }) {
      for (let i = 0; i < count; i++) throttles[step].push(retryAfterSeconds);
    },
  };
}
