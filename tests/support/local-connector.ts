import type { Clock } from '../../src/ports/clock';
import {
  createMemoryConnectorStore,
  IDEMPOTENCY_HEADER,
  startLocalConnector,
  type LocalConnector,
  type LocalConnectorLimits,
  type MemoryConnectorStore,
} from '../../src/demo/local-connector';

/** A clock that moves only when told, for limits that depend on time. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function manualClock(startMs = Date.parse('2025-01-06T09:00:00.000Z')): ManualClock {
  let now = startMs;
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (epochMs) => {
      now = epochMs;
    },
  };
}

/** The most timestamps inside any window of `windowMs` (half-open, as Teams counts its limits). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

export interface TestConnectorOptions {
  limits?: Partial<LocalConnectorLimits>;
  clock?: Clock;
  /** Share a store between connectors (a restart of the connector keeps its record). */
  store?: MemoryConnectorStore;
  latencyMs?: number;
  defaultTenantId?: string;
  port?: number;
}

export interface TestConnector {
  /** The serviceUrl (trailing slash), e.g. for BOT_SERVICE_URL. */
  url: string;
  connector: LocalConnector;
  store: MemoryConnectorStore;
  close(): Promise<void>;
}

/**
 * The local Bot Connector on its own port (127.0.0.1, a free port unless `port` is given), with an
 * in-memory store, so a test or benchmark can kill Chorus while the connector and its record survive.
 */
export async function startTestConnector(options: TestConnectorOptions = {}): Promise<TestConnector> {
  const store = options.store ?? createMemoryConnectorStore(options.clock ? { clock: options.clock } : {});
  const running = await startLocalConnector({
    store,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.defaultTenantId !== undefined ? { defaultTenantId: options.defaultTenantId } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  return { url: running.url, connector: running.connector, store, close: running.close };
}

/** What the connector answered, read once. */
export interface ConnectorAnswer {
  status: number;
  retryAfter: string | null;
  body: { id?: string; error?: { code: string; subCode?: string; message: string } };
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ConnectorAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as ConnectorAnswer['body'],
  };
}

/** `POST /v3/conversations` for a 1:1 chat with `memberId`, shaped as bot/messenger.ts sends it. */
export function createConversation(serviceUrl: string, tenantId: string, memberId: string) {
  return post(`${serviceUrl}v3/conversations`, {
    isGroup: false,
    bot: { id: '28:chorus-test-bot', name: 'Chorus' },
    members: [{ id: memberId, name: '' }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  });
}

/** `POST /v3/conversations/{id}/activities`; `tenantId` goes on the activity as a bot puts it there. */
export function sendActivity(
  serviceUrl: string,
  conversationId: string,
  activity: Record<string, unknown>,
  options: { tenantId?: string; idempotencyKey?: string } = {},
) {
  const body =
    options.tenantId === undefined
      ? activity
      : {
          ...activity,
          conversation: { id: conversationId, tenantId: options.tenantId },
          channelData: { tenant: { id: options.tenantId } },
        };
  return post(
    `${serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`,
    body,
    options.idempotencyKey === undefined ? {} : { [IDEMPOTENCY_HEADER]: options.idempotencyKey },
  );
}
