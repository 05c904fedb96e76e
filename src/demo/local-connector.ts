import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { systemClock, type Clock } from '../ports/clock';
import { devConversationId } from './dev-chat';

/**
 * A local stand-in for the Teams Bot Connector that speaks its REST protocol, so the production
 * sending code (plain `fetch` to `serviceUrl`) can be tested and benchmarked against it:
 * - `POST /v3/conversations` creates (or finds) a 1:1 chat, `a:dev-<person>` as in the demo chat;
 * - `POST /v3/conversations/{id}/activities[/{replyToId}]` stores an activity;
 * - Teams' documented limits (design §2) answer 429 with `Retry-After`, in memory;
 * - the header `x-chorus-idempotency-key` makes a repeated send answer the first id and store
 *   nothing (Teams ignores the header; here it lets the fault test prove "exactly once");
 * - test controls (never reachable over HTTP) inject failures, latency and dropped responses.
 *
 * The core is framework-agnostic (`createLocalConnector().handle`), so the demo's Fastify routes
 * and the standalone server (`startLocalConnector`) run the same code.
 */

/** The header that carries the outbox's idempotency key (Teams ignores it). */
export const IDEMPOTENCY_HEADER = 'x-chorus-idempotency-key';
/** Optional header naming the tenant when neither the body nor the conversation does. */
export const TENANT_HEADER = 'x-chorus-tenant-id';

/** A sliding window: at most `limit` accepted requests in any `windowMs`. */
export interface ConnectorWindow {
  limit: number;
  windowMs: number;
}

export interface LocalConnectorLimits {
  /** Tenant token bucket refill, requests per second. `Infinity` turns the tenant limit off. */
  tenantRps: number;
  /** Tenant token bucket capacity; defaults to `tenantRps`. */
  tenantBurst: number;
  /**
   * Per conversation and operation (creating and sending count separately, as in Teams' table).
   * An empty list turns the conversation limits off.
   */
  conversationWindows: ConnectorWindow[];
}

/** Teams' per-thread limits for one bot (design §2): 7/1 s, 8/2 s, 60/30 s, 1,800/3,600 s. */
export const TEAMS_CONVERSATION_WINDOWS: readonly ConnectorWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** The default tenant rate (`DEV_CONNECTOR_TENANT_RPS`'s default). */
export const DEFAULT_TENANT_RPS = 50;

/** One activity as the connector stored it. */
export interface StoredConnectorActivity {
  id: string;
  tenantId: string;
  conversationId: string;
  activity: Record<string, unknown>;
  idempotencyKey: string | null;
  storedAt: Date;
}

/**
 * Where the connector keeps what bots sent. The in-memory one is `createMemoryConnectorStore`; the
 * demo backs it with `dev_chat_activities`.
 */
export interface LocalConnectorStore {
  /**
   * Stores an activity and returns its id. When `idempotencyKey` was stored before for the same
   * tenant and conversation, stores nothing and returns the first id with `duplicate: true`.
   */
  append(
    tenantId: string,
    conversationId: string,
    activity: Record<string, unknown>,
    idempotencyKey: string | null,
  ): Promise<{ id: string; duplicate: boolean }>;
}

/** The in-memory store, with reads for tests and benchmarks. */
export interface MemoryConnectorStore extends LocalConnectorStore {
  /** Stored activities in order, optionally only one tenant's or one conversation's. */
  list(filter?: { tenantId?: string; conversationId?: string }): StoredConnectorActivity[];
  /** How many activities are stored. */
  readonly size: number;
}

const keyOf = (...parts: string[]) => parts.join('\u0000');

/** An in-memory `LocalConnectorStore` with its own dedupe on (tenant, conversation, key). */
export function createMemoryConnectorStore(options: { clock?: Clock } = {}): MemoryConnectorStore {
  const clock = options.clock ?? systemClock;
  const rows: StoredConnectorActivity[] = [];
  const byKey = new Map<string, string>();
  let counter = 0;
  return {
    async append(tenantId, conversationId, activity, idempotencyKey) {
      const dedupeKey = idempotencyKey === null ? null : keyOf(tenantId, conversationId, idempotencyKey);
      const known = dedupeKey === null ? undefined : byKey.get(dedupeKey);
      if (known !== undefined) return { id: known, duplicate: true };
      const id = String(++counter);
      rows.push({ id, tenantId, conversationId, activity, idempotencyKey, storedAt: clock.now() });
      if (dedupeKey !== null) byKey.set(dedupeKey, id);
      return { id, duplicate: false };
    },
    list(filter = {}) {
      return rows.filter(
        (r) =>
          (filter.tenantId === undefined || r.tenantId === filter.tenantId) &&
          (filter.conversationId === undefined || r.conversationId === filter.conversationId),
      );
    },
    get size() {
      return rows.length;
    },
  };
}

/** The two operations the connector serves; limits and test controls can target one. */
export type ConnectorOperation = 'create' | 'send';

export interface FailNextOptions {
  /** The HTTP status to answer, e.g. 429, 503, 403. */
  status: number;
  /** Sent as `Retry-After` (seconds) when given. */
  retryAfterSec?: number;
  /** How many requests fail this way; default 1. */
  count?: number;
  /** `error.code`; defaults to the status' usual Bot Connector code. */
  code?: string;
  /** `error.subCode`, e.g. 'MessageWritesBlocked' with a 403 (bot blocked or uninstalled). */
  subCode?: string;
  message?: string;
  /** Which requests fail; default any. */
  operation?: ConnectorOperation | 'any';
}

export interface DropResponseOptions {
  /** Which requests lose their answer; default `send` (the ambiguous path of the outbox). */
  operation?: ConnectorOperation | 'any';
}

/** Counts for one conversation. */
export interface ConversationStats {
  tenantId: string;
  /** Requests for the conversation (creates and sends). */
  received: number;
  stored: number;
  deduped: number;
  throttled: number;
  /** Clock times (epoch ms) of the stored activities, in order. */
  storedAt: number[];
}

export interface LocalConnectorStats {
  /** Every request handed to the connector, including bad ones. */
  received: number;
  /** Conversations created for the first time. */
  created: number;
  /** Activities stored. */
  stored: number;
  /** Sends answered with the first id of their idempotency key, storing nothing. */
  deduped: number;
  /** 429s from the limits (not from `failNext`). */
  throttled: number;
  /** Answers forced by `failNext`. */
  injected: number;
  /** Requests processed whose answer was dropped (`dropResponse`). */
  dropped: number;
  /** 400, 404 and 405 answers. */
  rejected: number;
  /** Clock times (epoch ms) of stored activities, in order. */
  storedAt: number[];
  /** Clock times (epoch ms) of limit 429s, in order. */
  throttledAt: number[];
  perConversation: Record<string, ConversationStats>;
}

export interface ConnectorResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /**
   * True when the request was processed but its answer must be dropped: close the socket without
   * answering (the HTTP server does; a Fastify route destroys `request.raw.socket`).
   */
  drop: boolean;
}

/** Request headers as Node gives them (names in lower case); other casings are looked up too. */
export type ConnectorRequestHeaders = IncomingHttpHeaders | Record<string, string | string[] | undefined>;

export interface LocalConnectorOptions {
  store: LocalConnectorStore;
  /** Any subset; the rest are Teams' defaults (50/s per tenant, the four windows of design §2). */
  limits?: Partial<LocalConnectorLimits>;
  /** The time for limits and stats; latency always uses real timers. */
  clock?: Clock;
  /** The path the connector answers under; `handle` expects paths starting with it. Default `/`. */
  basePath?: string;
  /** The tenant when neither the body, the conversation nor `x-chorus-tenant-id` names one. */
  defaultTenantId?: string;
  /**
   * The only tenant accepted, when set: an app instance serves one tenant, and its connector must not
   * write into another tenant's rows of a shared database (403, as Teams answers a foreign tenant).
   */
  onlyTenantId?: string;
  /** Initial artificial latency per request, in ms. */
  latencyMs?: number;
}

export interface LocalConnector {
  /** Handles a request whose JSON body was already parsed. */
  handle(
    method: string,
    path: string,
    headers: ConnectorRequestHeaders,
    body: unknown,
  ): Promise<ConnectorResponse>;
  /** Handles a request with its raw body text; bad JSON gets a 400 naming the problem. */
  handleRaw(
    method: string,
    path: string,
    headers: ConnectorRequestHeaders,
    text: string,
  ): Promise<ConnectorResponse>;
  /** Makes the next `count` matching requests answer `status` without being processed. */
  failNext(options: FailNextOptions): void;
  /** Processes the next `n` matching requests, then drops their answers (the ambiguous case). */
  dropResponse(n?: number, options?: DropResponseOptions): void;
  /** Artificial latency before each request is processed, in ms (real time). */
  latencyMs: number;
  /** A snapshot of the counters. */
  stats(): LocalConnectorStats;
  /** Forgets limit state, pending failures and drops, and counters. The record (store, dedupe, conversations) stays. */
  reset(): void;
  /** The limits in force. */
  readonly limits: Readonly<LocalConnectorLimits>;
}

const ERROR_CODES: Record<number, string> = {
  400: 'BadArgument',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  412: 'PreconditionFailed',
  413: 'PayloadTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

// Zod says "Required" for a missing field; the connector says what it needs in plain words.
const required = (what = 'is required') => ({
  required_error: what,
  invalid_type_error: `${what} (a string)`,
});
const ZMember = z
  .object({ id: z.string(required()).min(1, 'is required'), aadObjectId: z.string().optional() })
  .passthrough();
const ZCreateConversation = z
  .object({
    isGroup: z.boolean().optional(),
    members: z
      .array(ZMember, { required_error: 'is required', invalid_type_error: 'must be a list' })
      .min(1, 'needs the person to chat with')
      .max(1, 'takes one person (a 1:1 chat)'),
    tenantId: z.string().optional(),
  })
  .passthrough()
  .refine((b) => b.isGroup !== true, {
    message: 'must be false: the local connector creates 1:1 chats only',
    path: ['isGroup'],
  });
const ZActivity = z.object({ type: z.string(required()).min(1, 'is required') }).passthrough();

const CONVERSATIONS = /^v3\/conversations$/;
const ACTIVITIES = /^v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

function header(headers: ConnectorRequestHeaders, name: string): string | undefined {
  let value = headers[name];
  if (value === undefined) {
    const found = Object.keys(headers).find((k) => k.toLowerCase() === name);
    value = found === undefined ? undefined : headers[found];
  }
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

const stringAt = (value: unknown, ...path: string[]): string | undefined => {
  let node = value;
  for (const key of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' && node.length > 0 ? node : undefined;
};

const problemsOf = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'} ${i.message}`).join('; ');

/** Seconds for `Retry-After`: rounded up, at least 1. */
const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** '/', or '/a/b/' with one slash on each side. */
const normalizeBasePath = (basePath = '/') => {
  const inner = basePath.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The person a 1:1 chat is with, as the demo chat reads it (`29:` and `8:orgid:` are Teams' prefixes). */
const personIdOf = (member: { id: string; aadObjectId?: string | undefined }) =>
  member.aadObjectId ?? member.id.replace(/^(29|8:orgid):/, '');

interface Failure {
  status: number;
  retryAfterSec: number | undefined;
  remaining: number;
  code: string;
  subCode: string | undefined;
  message: string;
  operation: ConnectorOperation | 'any';
}

interface Drop {
  remaining: number;
  operation: ConnectorOperation | 'any';
}

const emptyStats = (): LocalConnectorStats => ({
  received: 0,
  created: 0,
  stored: 0,
  deduped: 0,
  throttled: 0,
  injected: 0,
  dropped: 0,
  rejected: 0,
  storedAt: [],
  throttledAt: [],
  perConversation: {},
});

/** The connector's core: `handle` a request, answer `{status, headers, body}`. */
export function createLocalConnector(options: LocalConnectorOptions): LocalConnector {
  const clock = options.clock ?? systemClock;
  const store = options.store;
  const tenantRps = options.limits?.tenantRps ?? DEFAULT_TENANT_RPS;
  const limits: LocalConnectorLimits = {
    tenantRps,
    tenantBurst: options.limits?.tenantBurst ?? tenantRps,
    conversationWindows: [...(options.limits?.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS)],
  };
  if (!(limits.tenantRps > 0) || !(limits.tenantBurst >= 1))
    throw new Error('local connector: tenantRps must be above 0 and tenantBurst at least 1');
  if (limits.conversationWindows.some((w) => !(w.limit >= 1) || !(w.windowMs > 0)))
    throw new Error('local connector: each conversation window needs limit ≥ 1 and windowMs > 0');
  const longestWindowMs = Math.max(0, ...limits.conversationWindows.map((w) => w.windowMs));
  const base = normalizeBasePath(options.basePath);

  // The record: which tenant each conversation belongs to, and which keys were answered (a cache
  // in front of the store's own dedupe; pending entries make concurrent repeats wait for the first).
  const conversationTenants = new Map<string, string>();
  const createdConversations = new Set<string>();
  const answered = new Map<string, Promise<{ id: string; duplicate: boolean }>>();

  // Limits and test controls.
  let buckets = new Map<string, { tokens: number; at: number }>();
  let windows = new Map<string, number[]>();
  let failures: Failure[] = [];
  let drops: Drop[] = [];
  let stats = emptyStats();

  const conversationStats = (tenantId: string, conversationId: string) => {
    let entry = stats.perConversation[conversationId];
    if (!entry) {
      entry = { tenantId, received: 0, stored: 0, deduped: 0, throttled: 0, storedAt: [] };
      stats.perConversation[conversationId] = entry;
    }
    return entry;
  };

  const respond = (status: number, body: unknown, extra: Record<string, string> = {}): ConnectorResponse => ({
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...extra },
    body,
    drop: false,
  });

  const fail = (
    status: number,
    message: string,
    extra: Record<string, string> = {},
    code?: string,
    subCode?: string,
  ) =>
    respond(
      status,
      {
        error: {
          code: code ?? ERROR_CODES[status] ?? 'Error',
          ...(subCode === undefined ? {} : { subCode }),
          message,
        },
      },
      { 'x-correlating-operationid': randomUUID(), ...extra },
    );

  const reject = (status: number, message: string, extra: Record<string, string> = {}) => {
    stats.rejected++;
    return fail(status, message, extra);
  };

  const matches = (operation: ConnectorOperation, wanted: ConnectorOperation | 'any') =>
    wanted === 'any' || wanted === operation;

  /** Milliseconds until the request may pass, and why; null when it passes now (nothing is consumed). */
  const limitWait = (tenantId: string, windowKey: string, now: number) => {
    let waitMs = 0;
    let reason = '';
    const recent = windows.get(windowKey) ?? [];
    for (const w of limits.conversationWindows) {
      const inside = recent.filter((t) => t > now - w.windowMs);
      if (inside.length >= w.limit) {
        const wait = inside[inside.length - w.limit]! + w.windowMs - now;
        if (wait > waitMs) {
          waitMs = wait;
          reason = `this conversation is over its limit of ${w.limit} requests in ${w.windowMs / 1000} s`;
        }
      }
    }
    if (Number.isFinite(limits.tenantRps)) {
      const bucket = buckets.get(tenantId) ?? { tokens: limits.tenantBurst, at: now };
      const tokens = Math.min(
        limits.tenantBurst,
        bucket.tokens + ((now - bucket.at) / 1000) * limits.tenantRps,
      );
      buckets.set(tenantId, { tokens, at: now });
      // A little slack, so that refilling in steps (199 ms, then 1 ms) adds up to a whole token.
      if (tokens < 1 - 1e-9) {
        const wait = ((1 - tokens) / limits.tenantRps) * 1000;
        if (wait > waitMs || !reason) {
          waitMs = Math.max(waitMs, wait);
          reason = `the tenant is over its limit of ${limits.tenantRps} requests per second`;
        }
      }
    }
    return reason ? { waitMs, reason } : null;
  };

  const consume = (tenantId: string, windowKey: string, now: number) => {
    if (Number.isFinite(limits.tenantRps)) {
      const bucket = buckets.get(tenantId)!;
      bucket.tokens -= 1;
    }
    if (limits.conversationWindows.length === 0) return;
    const recent = (windows.get(windowKey) ?? []).filter((t) => t > now - longestWindowMs);
    recent.push(now);
    windows.set(windowKey, recent);
  };

  /** The shared steps after validation: injected failure, limits. Returns an answer to stop with, or null. */
  const gate = (operation: ConnectorOperation, tenantId: string, conversationId: string) => {
    const failure = failures.find((f) => matches(operation, f.operation));
    if (failure) {
      failure.remaining--;
      if (failure.remaining <= 0) failures = failures.filter((f) => f !== failure);
      stats.injected++;
      const extra: Record<string, string> =
        failure.retryAfterSec === undefined ? {} : { 'Retry-After': String(failure.retryAfterSec) };
      return fail(failure.status, failure.message, extra, failure.code, failure.subCode);
    }
    const now = clock.now().getTime();
    const windowKey = keyOf(operation, tenantId, conversationId);
    const blocked = limitWait(tenantId, windowKey, now);
    if (blocked) {
      stats.throttled++;
      stats.throttledAt.push(now);
      conversationStats(tenantId, conversationId).throttled++;
      const seconds = retryAfterSeconds(blocked.waitMs);
      return fail(429, `Too many requests: ${blocked.reason}; retry after ${seconds} s.`, {
        'Retry-After': String(seconds),
      });
    }
    consume(tenantId, windowKey, now);
    return null;
  };

  const withDrop = (operation: ConnectorOperation, response: ConnectorResponse) => {
    const drop = drops.find((d) => matches(operation, d.operation));
    if (!drop) return response;
    drop.remaining--;
    if (drop.remaining <= 0) drops = drops.filter((d) => d !== drop);
    stats.dropped++;
    return { ...response, drop: true };
  };

  const tenantOf = (body: unknown, headers: ConnectorRequestHeaders, conversationId: string | null) =>
    stringAt(body, 'channelData', 'tenant', 'id') ??
    stringAt(body, 'tenantId') ??
    stringAt(body, 'conversation', 'tenantId') ??
    (conversationId === null ? undefined : conversationTenants.get(conversationId)) ??
    header(headers, TENANT_HEADER) ??
    options.defaultTenantId;

  const foreign = (tenantId: string) =>
    options.onlyTenantId !== undefined && tenantId !== options.onlyTenantId;

  const createConversation = async (headers: ConnectorRequestHeaders, body: unknown) => {
    const parsed = ZCreateConversation.safeParse(body);
    if (!parsed.success) return reject(400, `Invalid conversation parameters: ${problemsOf(parsed.error)}.`);
    const conversationId = devConversationId(personIdOf(parsed.data.members[0]!));
    const tenantId = tenantOf(body, headers, null);
    if (!tenantId) return reject(400, 'No tenant: set channelData.tenant.id (or tenantId).');
    if (foreign(tenantId)) return reject(403, "The tenant is not this app instance's tenant.");
    conversationStats(tenantId, conversationId).received++;
    const stop = gate('create', tenantId, conversationId);
    if (stop) return stop;
    const isNew = !createdConversations.has(keyOf(tenantId, conversationId));
    createdConversations.add(keyOf(tenantId, conversationId));
    conversationTenants.set(conversationId, tenantId);
    if (isNew) stats.created++;
    return withDrop('create', respond(isNew ? 201 : 200, { id: conversationId }));
  };

  const sendActivity = async (
    headers: ConnectorRequestHeaders,
    body: unknown,
    conversationId: string,
    replyToId: string | null,
  ) => {
    const parsed = ZActivity.safeParse(body);
    if (!parsed.success) return reject(400, `Invalid activity: ${problemsOf(parsed.error)}.`);
    const tenantId = tenantOf(body, headers, conversationId);
    if (!tenantId)
      return reject(
        400,
        'No tenant: set channelData.tenant.id or conversation.tenantId, or create the chat first.',
      );
    if (foreign(tenantId)) return reject(403, "The tenant is not this app instance's tenant.");
    const perConversation = conversationStats(tenantId, conversationId);
    perConversation.received++;
    const stop = gate('send', tenantId, conversationId);
    if (stop) return stop;

    const activity: Record<string, unknown> =
      replyToId !== null && parsed.data['replyToId'] === undefined
        ? { ...parsed.data, replyToId }
        : parsed.data;
    const key = header(headers, IDEMPOTENCY_HEADER) ?? null;
    let result: { id: string; duplicate: boolean };
    if (key === null) {
      result = await store.append(tenantId, conversationId, activity, null);
    } else {
      const dedupeKey = keyOf(tenantId, conversationId, key);
      const first = answered.get(dedupeKey);
      if (first) {
        result = { id: (await first).id, duplicate: true };
      } else {
        const pending = store.append(tenantId, conversationId, activity, key);
        answered.set(dedupeKey, pending);
        try {
          result = await pending;
        } catch (error) {
          answered.delete(dedupeKey);
          throw error;
        }
      }
    }

    if (result.duplicate) {
      stats.deduped++;
      perConversation.deduped++;
    } else {
      const at = clock.now().getTime();
      stats.stored++;
      stats.storedAt.push(at);
      perConversation.stored++;
      perConversation.storedAt.push(at);
    }
    return withDrop('send', respond(result.duplicate ? 200 : 201, { id: result.id }));
  };

  type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

  const serve = async (
    method: string,
    rawPath: string,
    headers: ConnectorRequestHeaders,
    readBody: () => Parsed,
  ): Promise<ConnectorResponse> => {
    stats.received++;
    if (connector.latencyMs > 0) await sleep(connector.latencyMs);

    const path = rawPath.split('?')[0] ?? '';
    if (!path.startsWith(base)) return reject(404, `No such route: ${method} ${path}.`);
    const rest = path.slice(base.length);
    const isCreate = CONVERSATIONS.test(rest);
    const activityMatch = ACTIVITIES.exec(rest);
    if (!isCreate && !activityMatch) return reject(404, `No such route: ${method} ${path}.`);
    if (method.toUpperCase() !== 'POST')
      return reject(405, `${method} is not supported here; use POST.`, { allow: 'POST' });

    const body = readBody();
    if (!body.ok) return reject(400, body.problem);
    if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value))
      return reject(400, 'The body must be a JSON object.');

    if (isCreate) return createConversation(headers, body.value);
    let conversationId: string;
    let replyToId: string | null;
    try {
      conversationId = decodeURIComponent(activityMatch![1]!);
      replyToId = activityMatch![2] === undefined ? null : decodeURIComponent(activityMatch![2]);
    } catch {
      return reject(400, `The conversation id in ${path} is not valid percent-encoding.`);
    }
    return sendActivity(headers, body.value, conversationId, replyToId);
  };

  const connector: LocalConnector = {
    latencyMs: options.latencyMs ?? 0,
    limits,

    handle(method, path, headers, body) {
      return serve(method, path, headers, () => ({ ok: true, value: body }));
    },

    handleRaw(method, path, headers, text) {
      return serve(method, path, headers, () => {
        if (text.trim() === '') return { ok: false, problem: 'The body is empty; send a JSON object.' };
        try {
          return { ok: true, value: JSON.parse(text) as unknown };
        } catch (error) {
          return { ok: false, problem: `The body is not valid JSON: ${(error as Error).message}.` };
        }
      });
    },

    failNext(f) {
      const count = f.count ?? 1;
      if (!Number.isInteger(count) || count < 1)
        throw new Error('failNext: count must be a whole number ≥ 1');
      failures.push({
        status: f.status,
        retryAfterSec: f.retryAfterSec,
        remaining: count,
        code: f.code ?? ERROR_CODES[f.status] ?? 'Error',
        subCode: f.subCode,
        message: f.message ?? `Injected failure (${f.status}).`,
        operation: f.operation ?? 'any',
      });
    },

    dropResponse(n = 1, dropOptions = {}) {
      if (!Number.isInteger(n) || n < 1) throw new Error('dropResponse: n must be a whole number ≥ 1');
      drops.push({ remaining: n, operation: dropOptions.operation ?? 'send' });
    },

    stats() {
      return {
        ...stats,
        storedAt: [...stats.storedAt],
        throttledAt: [...stats.throttledAt],
        perConversation: Object.fromEntries(
          Object.entries(stats.perConversation).map(([id, s]) => [id, { ...s, storedAt: [...s.storedAt] }]),
        ),
      };
    },

    reset() {
      buckets = new Map();
      windows = new Map();
      failures = [];
      drops = [];
      stats = emptyStats();
    },
  };
  return connector;
}

export interface StartLocalConnectorOptions extends LocalConnectorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Bodies above this many bytes get a 413. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface RunningLocalConnector {
  /** The serviceUrl, with the trailing slash Teams uses (includes `basePath`). */
  url: string;
  port: number;
  connector: LocalConnector;
  /** Stops listening and closes open connections. The connector and its store stay readable. */
  close(): Promise<void>;
}

/** Runs the connector on its own node:http server, so it outlives the Chorus process under test. */
export async function startLocalConnector(
  options: StartLocalConnectorOptions,
): Promise<RunningLocalConnector> {
  const connector = createLocalConnector(options);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const host = options.host ?? '127.0.0.1';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const send = (answer: ConnectorResponse) => {
      if (answer.drop) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, answer.headers).end(JSON.stringify(answer.body));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        const message = `The body is larger than ${maxBodyBytes} bytes.`;
        res
          .writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' })
          .end(JSON.stringify({ error: { code: 'PayloadTooLarge', message } }));
        return;
      }
      connector
        .handleRaw(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'))
        .then(send, (error: unknown) => {
          if (res.headersSent || res.destroyed) return;
          send({
            status: 500,
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: {
              error: { code: 'InternalServerError', message: `The connector failed: ${String(error)}` },
            },
            drop: false,
          });
        });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const base = normalizeBasePath(options.basePath);
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${hostInUrl}:${port}${base}`,
    port,
    connector,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
