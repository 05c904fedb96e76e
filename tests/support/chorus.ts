import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config/config';
import { createLogger } from '../../src/logger';
import { createChorus, type Chorus, type ChorusOptions } from '../../src/main';
import { startGraphServer, type GraphServer } from '../fakes/graph-server';

/**
 * The database tests run on: in-memory PGlite by default, or the Postgres server in
 * TEST_DATABASE_URL (CI sets it). Each test app seeds its own tenant, so files run in parallel.
 */
export function testDatabaseConfig(): Config['database'] {
  const url = process.env['TEST_DATABASE_URL'];
  return url ? { kind: 'postgres', url, poolSize: 5 } : { kind: 'pglite', dataDir: 'memory://' };
}

export interface TestChorus extends Chorus {
  url: string;
  /** fetch() against the running app. */
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
}

/** Starts the real app (same composition root as `npm start`) on 127.0.0.1 with a fresh tenant. */
export async function startTestChorus(
  env: Record<string, string> = {},
  options: Partial<Omit<ChorusOptions, 'config'>> & { database?: Config['database'] } = {},
): Promise<TestChorus> {
  // No demo library unless a test asks for it (DEMO_CONTENT: 'true'): tests write their own items.
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    DEMO_CONTENT: 'false',
    // Tests sign many people in and click links many times from one address;
    // tests/security/rate-limits.test.ts turns the limits back on.
    RATE_LIMIT_SIGNIN_PER_MINUTE: '0',
    RATE_LIMIT_REDIRECT_PER_MINUTE: '0',
    // The dashboard's 90 days of demo activity only where a test asks for it (DEMO_ACTIVITY: 'true').
    DEMO_ACTIVITY: 'false',
    ...env,
  });
  config.database = options.database ?? testDatabaseConfig();
  const chorus = await createChorus({
    logger: createLogger(config.logLevel),
    demoTenantId: randomUUID(),
    ...options,
    config,
  });
  const url = await chorus.listen();
  const test = chorus as TestChorus;
  test.url = url;
  test.api = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${url}${path}`, { ...init, headers, body });
  };
  return test;
}

/** A fake Microsoft Graph with generated users, and a test app whose directory it is (DIRECTORY=graph). */
export interface GraphChorus {
  graph: GraphServer;
  app: TestChorus;
  /** Closes the app, then the fake Graph. */
  close(): Promise<void>;
}

/** Starts a fake Graph holding `users` people and the real app syncing its directory from it. */
export async function startGraphChorus(users: number): Promise<GraphChorus> {
  const graph = await startGraphServer({
    users,
    tenantId: randomUUID(),
    clientId: randomUUID(),
    clientSecret: 'graph-test-secret',
  });
  let app: TestChorus;
  try {
    app = await startTestChorus({
      DIRECTORY: 'graph',
      AAD_TENANT_ID: graph.tenantId,
      AAD_CLIENT_ID: graph.clientId,
      AAD_CLIENT_SECRET: graph.clientSecret,
      AAD_AUTHORITY_HOST: graph.url,
      GRAPH_BASE_URL: graph.graphUrl,
    });
  } catch (err) {
    await graph.close();
    throw err;
  }
  return {
    graph,
    app,
    async close() {
      await app.close();
      await graph.close();
    },
  };
}

/** Signs in as a demo person through the real dev sign-in route; returns the session token. */
export async function signInAs(app: TestChorus, personId: string): Promise<string> {
  const res = await app.api('/api/dev/sign-in', { method: 'POST', json: { personId } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
