import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { Person } from '../domain/person';
import { RetryLaterError } from '../domain/retry-later';
import type { Directory, DirectoryChanges, DirectoryPage } from '../ports/directory';
import type { TokenProvider } from './token-provider';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** Largest page Graph hands out for directory objects. */
export const GRAPH_PAGE_SIZE = 999;

const USER_FIELDS = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'country',
  'preferredLanguage',
  'accountEnabled',
] as const;

/*
 * How managers are obtained. users/delta does not support `$expand` (nor `$top`), so
 * `$expand=manager($select=id)` is not an option. What it does support is selecting the `manager`
 * navigation property: the response then carries a `manager@delta` annotation
 * (`[{ "@odata.type": "#microsoft.graph.user", "id": "…" }]`) and manager changes are tracked like any
 * other property. See https://learn.microsoft.com/graph/delta-query-overview (user and group resources)
 * and https://learn.microsoft.com/graph/api/user-delta.
 *
 * So a full sync costs no extra requests: the initial round carries the annotation for every user who has
 * a manager, and its absence means "no manager". In a later round (from a delta link) the annotation is
 * only there when the manager itself changed, so a user who appears for another reason has an unknown
 * manager. `Person.managerId` cannot say "unchanged", so for those users (a few per round, usually) we ask
 * `/users?$filter=id in (…)&$select=id&$expand=manager($select=id)`, 15 ids per request.
 */
const DELTA_SELECT = [...USER_FIELDS, 'manager'].join(',');
/** Values allowed in one `in (…)` filter on directory objects. */
const FILTER_IN_LIMIT = 15;

/** A user as users/delta returns it: selected properties, a manager annotation, or a removal. */
export interface GraphDeltaUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  country?: string | null;
  preferredLanguage?: string | null;
  accountEnabled?: boolean | null;
  'manager@delta'?: GraphDirectoryObjectRef[];
  '@removed'?: { reason?: string };
}

interface GraphDirectoryObjectRef {
  id?: string;
  '@odata.type'?: string;
  '@removed'?: { reason?: string };
}

interface GraphCollection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface GraphDirectoryOptions {
  tokenProvider: TokenProvider;
  /** Graph root including the version, e.g. `http://127.0.0.1:PORT/v1.0` in tests. */
  baseUrl?: string;
  /** Retries of a throttled (429) or unavailable (503, 504) request; at most 10. Default 5. */
  maxRetries?: number;
  /** Wait before a retry when the answer has no `Retry-After`, in seconds. Default 3. */
  retryDelaySeconds?: number;
}

/** Maps a Graph user to a Chorus person; Graph omits properties that were never set. */
export function toPerson(user: GraphDeltaUser, managerId: string | null): Person {
  return {
    id: user.id,
    displayName: user.displayName ?? '',
    mail: user.mail ?? null,
    userPrincipalName: user.userPrincipalName ?? null,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    officeLocation: user.officeLocation ?? null,
    country: user.country ?? null,
    managerId,
    preferredLanguage: user.preferredLanguage ?? null,
    // Entra accounts are enabled unless said otherwise; a missing value must not lock people out.
    accountEnabled: user.accountEnabled ?? true,
  };
}

/** Reads `manager@delta`: the manager's id, null when the manager was removed, undefined when not said. */
export function managerFromDelta(user: GraphDeltaUser): string | null | undefined {
  const entries = user['manager@delta'];
  if (entries === undefined) return undefined;
  const current = entries.filter((entry) => !entry['@removed'] && entry.id);
  return current.at(-1)?.id ?? null;
}

/** Reads people from Microsoft Graph with users/delta, one page at a time. */
export class GraphDirectory implements Directory {
  readonly kind = 'graph' as const;
  private readonly tokenProvider: TokenProvider;
  private readonly baseUrl: string;
  private readonly maxRetries: number;
  private readonly retryDelaySeconds: number;

  constructor(options: GraphDirectoryOptions) {
    this.tokenProvider = options.tokenProvider;
    this.baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '');
    this.maxRetries = options.maxRetries ?? 5;
    this.retryDelaySeconds = options.retryDelaySeconds ?? 3;
  }

  /** Reads all people, or only changes since `deltaLink`; background reads ask Graph for low priority. */
  readChanges(deltaLink: string | null, options: { background?: boolean } = {}): DirectoryChanges {
    let requests = 0;
    const state: { deltaLink: string | null } = { deltaLink: null };
    const client = this.createClient(() => {
      requests += 1;
    });
    const headers: Record<string, string> = {};
    // Graph sheds low-priority traffic first when a tenant is throttled, so sync yields to interactive use.
    if (options.background) headers['x-ms-throttle-priority'] = 'low';
    return {
      pages: this.throttleAware(this.walk(client, deltaLink, headers, state)),
      nextDeltaLink: () => state.deltaLink,
      requestCount: () => requests,
    };
  }

  /**
   * Graph still throttling after the client's own retries (a tenant can be throttled for minutes):
   * a RetryLaterError with Graph's Retry-After, so the job is run again then instead of failing.
   */
  private async *throttleAware(pages: AsyncGenerator<DirectoryPage>): AsyncGenerator<DirectoryPage> {
    try {
      yield* pages;
    } catch (err) {
      const status = (err as { statusCode?: unknown }).statusCode;
      if (status !== 429 && status !== 503 && status !== 504) throw err;
      const header = (err as { headers?: Headers }).headers?.get('retry-after') ?? null;
      throw new RetryLaterError(
        `Microsoft Graph answered ${status} after ${this.maxRetries} retries; trying again later`,
        retryAfterMs(header, this.retryDelaySeconds),
        { cause: err },
      );
    }
  }

  private async *walk(
    client: Client,
    start: string | null,
    headers: Record<string, string>,
    state: { deltaLink: string | null },
  ): AsyncGenerator<DirectoryPage> {
    const incremental = start !== null;
    // Checked here rather than in readChanges so a bad stored link fails the sync like any other error.
    let path = start === null ? `/users/delta?$select=${DELTA_SELECT}` : this.relativePath(start);
    for (;;) {
      // $top is not supported on users/delta; the Prefer header is how a client asks for bigger pages.
      const page = (await client
        .api(path)
        .headers({ ...headers, Prefer: `odata.maxpagesize=${GRAPH_PAGE_SIZE}` })
        .get()) as GraphCollection<GraphDeltaUser>;
      yield await this.toDirectoryPage(client, page.value ?? [], incremental, headers);
      const nextLink = page['@odata.nextLink'];
      if (nextLink) {
        path = this.relativePath(nextLink);
        continue;
      }
      const deltaLink = page['@odata.deltaLink'];
      if (!deltaLink)
        throw new Error('Graph returned a users/delta page with neither a nextLink nor a deltaLink');
      this.relativePath(deltaLink); // refuse to persist a link we would not follow
      state.deltaLink = deltaLink;
      return;
    }
  }

  private async toDirectoryPage(
    client: Client,
    items: GraphDeltaUser[],
    incremental: boolean,
    headers: Record<string, string>,
  ): Promise<DirectoryPage> {
    const removedIds: string[] = [];
    const live: { user: GraphDeltaUser; managerId: string | null | undefined }[] = [];
    for (const user of items) {
      if (user['@removed']) removedIds.push(user.id);
      else live.push({ user, managerId: managerFromDelta(user) });
    }
    // In the initial round every manager is annotated, so a missing annotation means "none".
    const unknown = incremental
      ? live.filter((entry) => entry.managerId === undefined).map((e) => e.user.id)
      : [];
    const looked =
      unknown.length > 0
        ? await this.lookupManagers(client, unknown, headers)
        : new Map<string, string | null>();
    const upserts = live.map(({ user, managerId }) =>
      toPerson(user, managerId !== undefined ? managerId : (looked.get(user.id) ?? null)),
    );
    return { upserts, removedIds };
  }

  private async lookupManagers(
    client: Client,
    ids: string[],
    headers: Record<string, string>,
  ): Promise<Map<string, string | null>> {
    const managers = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += FILTER_IN_LIMIT) {
      const chunk = [...new Set(ids.slice(i, i + FILTER_IN_LIMIT))];
      const filter = `id in (${chunk.map((id) => `'${id.replace(/'/g, "''")}'`).join(',')})`;
      const result = (await client
        .api(`/users?$filter=${encodeURIComponent(filter)}&$select=id&$expand=manager($select=id)`)
        .headers(headers)
        .get()) as GraphCollection<{ id: string; manager?: { id?: string } | null }>;
      for (const user of result.value ?? []) managers.set(user.id, user.manager?.id ?? null);
    }
    return managers;
  }

  /** Turns a nextLink/deltaLink into a path under the base URL, refusing links that would leak the token. */
  private relativePath(link: string): string {
    const base = this.baseUrl.toLowerCase();
    const lower = link.toLowerCase();
    if (!lower.startsWith(`${base}/`) && !lower.startsWith(`${base}?`)) {
      throw new Error(`Refusing to follow a Graph link outside ${this.baseUrl}: ${link}`);
    }
    // The SDK only strips the host from https links; handing it the path works for http test servers too.
    return link.slice(this.baseUrl.length);
  }

  private createClient(onRequest: () => void): Client {
    const base = new URL(this.baseUrl);
    const segments = base.pathname.split('/').filter(Boolean);
    const version = segments.pop() ?? '';
    const host = `${base.origin}${segments.length > 0 ? `/${segments.join('/')}` : ''}`;
    // A custom chain rather than Client.init's default: the SDK's AuthenticationHandler only attaches the
    // token to https Graph hosts, which would leave a local http server unauthenticated. RetryHandler
    // honours Retry-After (seconds or a date) on 429/503/504; the counter sits after it so retries count.
    const middleware: Middleware[] = [
      new BearerTokenHandler(this.tokenProvider),
      new RetryHandler(new RetryHandlerOptions(this.retryDelaySeconds, this.maxRetries)),
      new RequestCounter(onRequest),
      new HTTPMessageHandler(),
    ];
    return Client.initWithMiddleware({ middleware, baseUrl: host, defaultVersion: version });
  }
}

/** Retry-After (seconds or an HTTP date) in milliseconds; `fallbackSeconds` when absent or unreadable. */
function retryAfterMs(header: string | null, fallbackSeconds: number): number {
  const seconds = header === null ? NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = header === null ? NaN : Date.parse(header);
  if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  return fallbackSeconds * 1000;
}

/** Adds `Authorization: Bearer …` from the token provider (msal caches, so this is cheap per request). */
class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly tokenProvider: TokenProvider) {}

  async execute(context: Context): Promise<void> {
    const token = await this.tokenProvider.getToken();
    setHeader(context, 'Authorization', `Bearer ${token}`);
    await requireNext(this.next).execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Counts every HTTP attempt, retries included. */
class RequestCounter implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly onRequest: () => void) {}

  async execute(context: Context): Promise<void> {
    this.onRequest();
    await requireNext(this.next).execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function requireNext(next: Middleware | undefined): Middleware {
  if (!next) throw new Error('Graph middleware chain is missing its next handler');
  return next;
}

function setHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else context.options.headers = { ...headers, [name]: value };
}
