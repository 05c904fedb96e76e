import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A user as the fake directory holds it (Graph's property names; the manager as an id). */
export interface FakeUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  country: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
  managerId: string | null;
}

export type FakeUserPatch = Partial<Omit<FakeUser, 'id'>>;

export interface GraphServerOptions {
  /** Size of the generated population. Users are built from their index on demand, never stored. */
  users?: number;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Page size when the client asks for none (Graph's default for users is 100). */
  defaultPageSize?: number;
  /**
   * More Graph routes (teamwork, sites, …), each in its own module under tests/fakes/. Tried in order
   * after authentication and throttling, before the built-in routes; null means "not mine".
   */
  extraHandlers?: GraphHandler[];
}

/** One answer of the fake Graph. */
export interface GraphAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An extra route group: gets the authenticated request, answers or returns null. */
export type GraphHandler = (request: { method: string; url: URL; body: string }) => GraphAnswer | null;

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/v1.0/users/delta?$skiptoken=…`. */
  path: string;
  /** Path without the query. */
  pathname: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** `performance.now()` when the request arrived, for timing assertions. */
  at: number;
}

export interface GraphServer {
  /** Origin of the server, e.g. `http://127.0.0.1:54321`; also the authority host for msal. */
  url: string;
  /** Graph base URL, `${url}/v1.0`. */
  graphUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Requests to the token endpoint. */
  tokenRequests(): RecordedRequest[];
  /** Requests to Graph (`/v1.0/…`). */
  graphRequests(): RecordedRequest[];
  /** Access tokens the token endpoint has issued. */
  issuedTokens(): string[];
  /** Id of the generated user at `index`. */
  userId(index: number): string;
  /** Current state of a user, or undefined when unknown or deleted. */
  user(id: string): FakeUser | undefined;
  updateUser(id: string, patch: FakeUserPatch): void;
  deleteUser(id: string): void;
  addUser(fields?: FakeUserPatch): string;
  /** The next `count` Graph requests answer `status` (429 by default) with `Retry-After`. */
  throttleNext(options: { retryAfterSeconds: number; count?: number; status?: 429 | 503 | 504 }): void;
  /**
   * Every Graph request answers `status` (429 by default) with `Retry-After` for the next `ms`
   * milliseconds of real time, as a tenant under sustained throttling sees it (tokens still work).
   */
  throttleFor(ms: number, options: { retryAfterSeconds: number; status?: 429 | 503 | 504 }): void;
  close(): Promise<void>;
}

const MAX_PAGE_SIZE = 999;
const USER_TYPE = '#microsoft.graph.user';
const SCALAR_FIELDS = [
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

const FIRST_NAMES = [
  'Anna',
  'Mads',
  'Sofie',
  'Lars',
  'Freja',
  'Jonas',
  'Ida',
  'Mikkel',
  'Emma',
  'Søren',
  'Clara',
];
const LAST_NAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Larsen',
  'Sørensen',
  'Berg',
  'Olsen',
];
const TITLES = [
  'Engineer',
  'Designer',
  'Sales Lead',
  'Accountant',
  'Marketing Specialist',
  'Support Agent',
  null,
];
const DEPARTMENTS = ['Engineering', 'Design', 'Sales', 'Finance', 'Marketing', 'Support', 'People'];
const OFFICES = ['Copenhagen', 'Aarhus', 'Odense', 'Stockholm', 'London', null];
const COUNTRIES = ['Denmark', 'Denmark', 'Denmark', 'Sweden', 'United Kingdom', null];
const LANGUAGES = ['da-DK', 'en-US', 'da-DK', 'sv-SE', 'en-GB', null, 'nb-NO'];

/** Ids look like Entra object ids and encode the index, so no id table is needed for 100,000 users. */
function idFor(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

function indexFor(id: string): number | null {
  const match = /^00000000-0000-4000-8000-([0-9a-f]{12})$/.exec(id);
  return match?.[1] ? parseInt(match[1], 16) : null;
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** The generated state of user `i`: a tree of ten reports per manager, rooted at user 0. */
function generatedUser(i: number): FakeUser {
  const first = pick(FIRST_NAMES, i);
  const last = pick(LAST_NAMES, Math.floor(i / FIRST_NAMES.length));
  const upn = `user${i}@contoso.example`;
  return {
    id: idFor(i),
    displayName: `${first} ${last} ${i}`,
    mail: i % 13 === 12 ? null : upn,
    userPrincipalName: upn,
    jobTitle: pick(TITLES, i),
    department: pick(DEPARTMENTS, i),
    officeLocation: pick(OFFICES, i),
    country: pick(COUNTRIES, i),
    preferredLanguage: pick(LANGUAGES, i),
    accountEnabled: i % 50 !== 49,
    managerId: i === 0 ? null : idFor(Math.floor((i - 1) / 10)),
  };
}

/** State carried inside `$skiptoken`/`$deltatoken`, as Graph encodes the initial query into its tokens. */
interface LinkState {
  /** 'full' walks the population; 'inc' walks changes in (since, upto]. */
  k: 'full' | 'inc';
  /** Offset of the next item. */
  o: number;
  /** Version the round started at (full) or the upper bound of changes (inc). */
  v: number;
  /** Lower bound of changes (inc only). */
  s: number;
  /** Number of users when the full round started. */
  n: number;
  /** `$top` of the initial request, if any. */
  t: number | null;
  /** `$select` of the initial request, or null for all properties. */
  sel: string[] | null;
}

function encodeState(state: LinkState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeState(token: string): LinkState | null {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as LinkState;
  } catch {
    return null;
  }
}

interface Change {
  version: number;
  index: number;
  managerChanged: boolean;
  previousManagerId: string | null;
}

/** Starts a local HTTP server that speaks the parts of Entra ID and Microsoft Graph that Chorus uses. */
export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const tenantId = options.tenantId ?? 'chorus-test-tenant';
  const clientId = options.clientId ?? '11111111-2222-4333-8444-555555555555';
  const clientSecret = options.clientSecret ?? 'fake-secret';
  const defaultPageSize = options.defaultPageSize ?? 100;

  let total = options.users ?? 0;
  let version = 0;
  const overrides = new Map<number, FakeUserPatch>();
  const deleted = new Set<number>();
  const changes: Change[] = [];
  const tokens = new Set<string>();
  const throttles: { status: number; retryAfterSeconds: number }[] = [];
  let throttleWindow: { until: number; status: number; retryAfterSeconds: number } | null = null;
  const requests: RecordedRequest[] = [];
  let origin = '';

  const exists = (index: number) => index >= 0 && index < total && !deleted.has(index);
  const stateOf = (index: number): FakeUser => {
    const patch = overrides.get(index);
    return patch ? { ...generatedUser(index), ...patch } : generatedUser(index);
  };
  const requireIndex = (id: string): number => {
    const index = indexFor(id);
    if (index === null || !exists(index)) throw new Error(`fake graph: no user ${id}`);
    return index;
  };

  const record = (index: number, patch: FakeUserPatch, created = false) => {
    const before = stateOf(index);
    overrides.set(index, { ...overrides.get(index), ...patch });
    version += 1;
    // A new user carries all its relationships; an existing one only those that changed.
    const managerChanged = created || ('managerId' in patch && patch.managerId !== before.managerId);
    changes.push({ version, index, managerChanged, previousManagerId: before.managerId });
  };

  /** Serialises one user the way users/delta does: selected properties plus `manager@delta`. */
  const deltaItem = (
    user: FakeUser,
    sel: string[] | null,
    manager: 'current' | 'skip' | { removed: string },
  ) => {
    const item: Record<string, unknown> = {};
    for (const field of SCALAR_FIELDS) {
      if (sel === null || sel.includes(field)) item[field] = user[field];
    }
    item.id = user.id;
    if (sel?.includes('manager')) {
      if (manager === 'current' && user.managerId) {
        item['manager@delta'] = [{ '@odata.type': USER_TYPE, id: user.managerId }];
      } else if (typeof manager === 'object') {
        item['manager@delta'] = [
          { '@odata.type': USER_TYPE, id: manager.removed, '@removed': { reason: 'deleted' } },
        ];
      }
    }
    return item;
  };

  const pageSizeFor = (req: IncomingMessage, top: number | null): number => {
    const prefer = /odata\.maxpagesize=(\d+)/i.exec(String(req.headers.prefer ?? ''));
    const asked = prefer?.[1] ? Number(prefer[1]) : (top ?? defaultPageSize);
    return Math.max(1, Math.min(MAX_PAGE_SIZE, asked));
  };

  /** Changes in (since, upto], one entry per user in order of last change, with what the round must say. */
  const changesBetween = (since: number, upto: number) => {
    const byIndex = new Map<number, { managerChanged: boolean; previousManagerId: string | null }>();
    for (const change of changes) {
      if (change.version <= since || change.version > upto) continue;
      const seen = byIndex.get(change.index);
      byIndex.delete(change.index);
      byIndex.set(change.index, {
        managerChanged: (seen?.managerChanged ?? false) || change.managerChanged,
        // The manager the client last saw is the one before the first change in the window.
        previousManagerId: seen ? seen.previousManagerId : change.previousManagerId,
      });
    }
    return [...byIndex.entries()];
  };

  const usersDelta = (req: IncomingMessage, url: URL) => {
    const skipToken = url.searchParams.get('$skiptoken');
    const deltaToken = url.searchParams.get('$deltatoken');
    let state: LinkState | null;
    if (skipToken ?? deltaToken) {
      state = decodeState((skipToken ?? deltaToken) as string);
      if (!state) return { status: 400, body: graphError('BadRequest', 'Invalid skip or delta token.') };
      if (deltaToken) state = { ...state, k: 'inc', s: state.v, v: version, o: 0 };
    } else {
      const top = url.searchParams.get('$top');
      const select = url.searchParams.get('$select');
      state = {
        k: 'full',
        o: 0,
        v: version,
        s: 0,
        n: total,
        t: top ? Number(top) : null,
        sel: select ? select.split(',').map((s) => s.trim()) : null,
      };
    }
    const size = pageSizeFor(req, state.t);
    const value: Record<string, unknown>[] = [];
    let done: boolean;
    if (state.k === 'full') {
      const end = Math.min(state.o + size, state.n);
      for (let i = state.o; i < end; i++) {
        if (!deleted.has(i)) value.push(deltaItem(stateOf(i), state.sel, 'current'));
      }
      done = end >= state.n;
      state = { ...state, o: end };
    } else {
      const window = changesBetween(state.s, state.v);
      const end = Math.min(state.o + size, window.length);
      for (const [index, change] of window.slice(state.o, end)) {
        const user = stateOf(index);
        if (deleted.has(index)) {
          value.push({ id: user.id, '@removed': { reason: 'deleted' } });
          continue;
        }
        const manager = !change.managerChanged
          ? 'skip'
          : user.managerId
            ? 'current'
            : change.previousManagerId
              ? { removed: change.previousManagerId }
              : 'skip';
        value.push(deltaItem(user, state.sel, manager));
      }
      done = end >= window.length;
      state = { ...state, o: end };
    }
    const body: Record<string, unknown> = { '@odata.context': `${origin}/v1.0/$metadata#users` };
    if (done) {
      // The next round starts from the version this round started at, so nothing changed meanwhile is lost.
      const next: LinkState = { ...state, k: 'inc', o: 0, s: state.v, n: 0, t: state.t };
      body['@odata.deltaLink'] = `${origin}/v1.0/users/delta?$deltatoken=${encodeState(next)}`;
    } else {
      body['@odata.nextLink'] = `${origin}/v1.0/users/delta?$skiptoken=${encodeState(state)}`;
    }
    body.value = value;
    return { status: 200, body, headers: { 'Preference-Applied': `odata.maxpagesize=${size}` } };
  };

  /** `GET /users?$filter=id in ('a','b')&$expand=manager($select=id)`: the managers of a few users. */
  const usersList = (url: URL) => {
    const filter = url.searchParams.get('$filter') ?? '';
    const expand = url.searchParams.get('$expand') ?? '';
    if (!/^id (in|eq) /.test(filter)) {
      return {
        status: 400,
        body: graphError('Request_UnsupportedQuery', 'The fake only filters users by id.'),
      };
    }
    const ids = [...filter.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
    if (ids.length > 15) {
      return {
        status: 400,
        body: graphError('Request_UnsupportedQuery', 'Too many values in an in clause.'),
      };
    }
    const value = ids.flatMap((id) => {
      const index = indexFor(id);
      if (index === null || !exists(index)) return [];
      const user = stateOf(index);
      const item: Record<string, unknown> = { id: user.id };
      if (/^manager\b/.test(expand) && user.managerId) {
        item.manager = { '@odata.type': USER_TYPE, id: user.managerId };
      }
      return [item];
    });
    return { status: 200, body: { '@odata.context': `${origin}/v1.0/$metadata#users(id,manager())`, value } };
  };

  const token = (path: string, body: string) => {
    const form = new URLSearchParams(body);
    if (path !== `/${tenantId}/oauth2/v2.0/token`) {
      return { status: 400, body: aadError('invalid_tenant', `AADSTS90002: Tenant not found.`) };
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return {
        status: 400,
        body: aadError('unsupported_grant_type', 'AADSTS70003: Unsupported grant type.'),
      };
    }
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      return {
        status: 401,
        body: aadError('invalid_client', 'AADSTS7000215: Invalid client secret provided.'),
      };
    }
    if (!(form.get('scope') ?? '').split(' ').includes('https://graph.microsoft.com/.default')) {
      return {
        status: 400,
        body: aadError('invalid_scope', 'AADSTS1002012: The provided scope is invalid.'),
      };
    }
    const accessToken = `fake-graph-token-${randomBytes(12).toString('hex')}`;
    tokens.add(accessToken);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
    };
  };

  const openIdConfiguration = (tenant: string) => {
    const base = `${origin}/${tenant}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
      },
    };
  };

  type Answer = { status: number; body: unknown; headers?: Record<string, string> };

  const route = (req: IncomingMessage, url: URL, body: string): Answer => {
    const path = url.pathname;
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) return token(path, body);
    const oidc = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (req.method === 'GET' && oidc?.[1]) return openIdConfiguration(oidc[1]);
    if (!path.startsWith('/v1.0/')) return { status: 404, body: graphError('NotFound', `No route ${path}`) };

    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    if (!auth?.[1] || !tokens.has(auth[1])) {
      return {
        status: 401,
        body: graphError('InvalidAuthenticationToken', 'Access token is empty or invalid.'),
      };
    }
    const windowed = throttleWindow && performance.now() < throttleWindow.until ? throttleWindow : null;
    const throttle = windowed ?? throttles.shift();
    if (throttle) {
      return {
        status: throttle.status,
        body: graphError(
          throttle.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
          'Please retry later.',
        ),
        headers: { 'Retry-After': String(throttle.retryAfterSeconds) },
      };
    }
    for (const extra of options.extraHandlers ?? []) {
      const answer = extra({ method: req.method ?? 'GET', url, body });
      if (answer) return answer;
    }
    if (req.method === 'GET' && path === '/v1.0/users/delta') return usersDelta(req, url);
    if (req.method === 'GET' && path === '/v1.0/users') return usersList(url);
    return { status: 404, body: graphError('Request_ResourceNotFound', `No route ${req.method} ${path}`) };
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', origin);
      let answer: Answer;
      try {
        answer = route(req, url, body);
      } catch (error) {
        answer = { status: 500, body: graphError('InternalServerError', String(error)) };
      }
      requests.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        pathname: url.pathname,
        headers: req.headers,
        body,
        status: answer.status,
        at,
      });
      const payload = JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8',
        'Content-Length': Buffer.byteLength(payload),
        ...answer.headers,
      });
      res.end(payload);
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    graphUrl: `${origin}/v1.0`,
    tenantId,
    clientId,
    clientSecret,
    requests,
    tokenRequests: () => requests.filter((r) => r.pathname.endsWith('/oauth2/v2.0/token')),
    graphRequests: () => requests.filter((r) => r.pathname.startsWith('/v1.0/')),
    issuedTokens: () => [...tokens],
    userId: idFor,
    user(id) {
      const index = indexFor(id);
      return index !== null && exists(index) ? stateOf(index) : undefined;
    },
    updateUser(id, patch) {
      record(requireIndex(id), patch);
    },
    deleteUser(id) {
      const index = requireIndex(id);
      deleted.add(index);
      version += 1;
      changes.push({ version, index, managerChanged: false, previousManagerId: null });
    },
    addUser(fields = {}) {
      const index = total;
      total += 1;
      record(index, fields, true);
      return idFor(index);
    },
    throttleNext({ retryAfterSeconds, count = 1, status = 429 }) {
      for (let i = 0; i < count; i++) throttles.push({ status, retryAfterSeconds });
    },
    throttleFor(ms, { retryAfterSeconds, status = 429 }) {
      throttleWindow = { until: performance.now() + ms, status, retryAfterSeconds };
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function graphError(code: string, message: string) {
  return {
    error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } },
  };
}

function aadError(error: string, description: string) {
  return {
    error,
    error_description: description,
    error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
    timestamp: new Date().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  };
}
