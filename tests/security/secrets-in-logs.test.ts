import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { cardTexts, startBotConnector, type BotConnector } from '../fakes/bot-connector';
import { startFakeIngestion, type FakeIngestion } from '../fakes/app-insights-server';
import { startOpenAIServer, type OpenAIServer } from '../fakes/openai-server';
import { startAppProcess, waitReady, type AppProcess } from '../support/app-process';
import { danish, messageActivity } from '../support/bot';
import { freePort } from '../support/net';

// Issue 7: secrets never reach the logs. Chorus runs as a real process (node + tsx + src/main.ts) at
// LOG_LEVEL=trace with every secret-bearing setting set to a distinctive value, through a broad run:
// sign-in, API calls, the conversion key, metrics, bot turns that reach a failing language model,
// failing requests, a bot that checks tokens, a configuration error next to the secrets, and a
// database that cannot be reached. Nothing it prints may hold a secret, whole or in part, plain,
// base64 or URL-encoded; nor may it hold the credentials callers sent (session token, keys).

const org = generateDemoOrg();
const comms = org.find((p) => p.jobTitle === 'Head of Communication')!;

/** A distinctive value: a name to report, random letters, and characters URL-encoding changes. */
const secret = (name: string) => `${name}-${randomBytes(9).toString('hex')}+/=`;
/** A secret for places that take only letters and digits (a database URL's password). */
const plainSecret = (name: string) => `${name}${randomBytes(9).toString('hex')}`;

/** Every form of `value` that would count as a leak. */
function leakForms(value: string): string[] {
  const middle = value.slice(Math.floor(value.length / 2) - 6, Math.floor(value.length / 2) + 6);
  return [
    value,
    middle,
    encodeURIComponent(value),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
  ];
}

/** The watched values found in `output`, by name. */
function leaks(output: string, watched: Record<string, string>): string[] {
  return Object.entries(watched).flatMap(([name, value]) =>
    leakForms(value)
      .filter((form) => output.includes(form))
      .map((form) => `${name} (${form === value ? 'as it is' : form})`),
  );
}

describe('secrets in the logs of a full run', () => {
  const processes: AppProcess[] = [];
  let dataDir = '';
  let connector: BotConnector;
  let model: OpenAIServer;
  let ingestion: FakeIngestion;
  /** What Chorus was configured with, by setting. */
  const settings: Record<string, string> = {
    AAD_CLIENT_SECRET: secret('graph-client-secret'),
    OPENAI_API_KEY: `sk-${secret('openai-key')}`,
    METRICS_TOKEN: secret('metrics-token'),
    DATABASE_PASSWORD: plainSecret('dbpassword'),
    BOT_PASSWORD: secret('bot-password'),
    APPLICATIONINSIGHTS_INSTRUMENTATION_KEY: randomUUID(),
  };
  /** Credentials callers sent, collected along the way. */
  const sent: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-secrets-'));
    [connector, model, ingestion] = await Promise.all([
      startBotConnector(),
      startOpenAIServer(),
      startFakeIngestion(),
    ]);
    // The local ingestion endpoint, with this run's own instrumentation key.
    settings['APPLICATIONINSIGHTS_CONNECTION_STRING'] = ingestion.connectionString.replace(
      /InstrumentationKey=[^;]+/,
      `InstrumentationKey=${settings['APPLICATIONINSIGHTS_INSTRUMENTATION_KEY']}`,
    );
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all([connector.close(), model.close(), ingestion.close()]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The database for a process: Postgres (with the secret password) when the tests run on it. */
  function databaseEnv(): Record<string, string> {
    const server = process.env['TEST_DATABASE_URL'];
    if (!server) return { DATA_DIR: dataDir };
    const url = new URL(server);
    url.password = settings['DATABASE_PASSWORD']!;
    return { DATABASE_URL: url.toString() };
  }

  const start = async (env: Record<string, string>) => {
    const port = await freePort();
    const app = startAppProcess(port, { LOG_LEVEL: 'trace', DEMO_CONTENT: 'false', ...env });
    processes.push(app);
    return app;
  };

  it('finds a secret in every form it watches for', () => {
    const value = secret('probe');
    for (const form of leakForms(value)) {
      expect(leaks(`{"msg":"x","detail":"..${form}.."}`, { probe: value })).not.toEqual([]);
    }
    expect(leaks('{"msg":"nothing here"}', { probe: value })).toEqual([]);
  });

  it('logs none of them in a broad run of the demo app with a language model', async () => {
    const aadTenant = '7d1f3a52-0c4b-4e8a-9a55-2f1c6b0e9d31';
    const app = await start({
      ...databaseEnv(),
      AAD_TENANT_ID: aadTenant,
      AAD_CLIENT_ID: 'a1b2c3d4-0000-4000-8000-00000000c11e',
      AAD_CLIENT_SECRET: settings['AAD_CLIENT_SECRET']!,
      // Teams SSO tokens are checked against keys from here: nothing listens, so that check fails.
      AAD_JWKS_URL: `http://127.0.0.1:${await freePort()}/keys`,
      METRICS_TOKEN: settings['METRICS_TOKEN']!,
      OPENAI_API_KEY: settings['OPENAI_API_KEY']!,
      OPENAI_BASE_URL: model.baseUrl,
      LLM_TIMEOUT_MS: '2000',
      BOT_SERVICE_URL: connector.serviceUrl,
      APPLICATIONINSIGHTS_CONNECTION_STRING: settings['APPLICATIONINSIGHTS_CONNECTION_STRING']!,
    });
    await waitReady(app);
    const api = (p: string, init: RequestInit & { json?: unknown } = {}) =>
      fetch(`${app.base}${p}`, {
        ...init,
        headers: {
          ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      });

    // Sign-in and calls with the session token.
    const signIn = await api('/api/dev/sign-in', { method: 'POST', json: { personId: comms.id } });
    expect(signIn.status).toBe(200);
    const token = ((await signIn.json()) as { token: string }).token;
    sent['session token'] = token;
    const auth = { authorization: `Bearer ${token}` };
    expect((await api('/api/me', { headers: auth })).status).toBe(200);
    expect((await api('/api/admin/dashboard', { headers: auth })).status).toBe(200);

    // The conversion key: made, used, and a wrong one tried.
    const rotate = await api('/api/admin/conversions/key/rotate', { method: 'POST', headers: auth });
    expect(rotate.status).toBeLessThan(300);
    const key = ((await rotate.json()) as { key: string }).key;
    expect(key).toBeTruthy();
    sent['conversion key'] = key;
    const conversion = await api('/api/conversions', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      json: { nonsense: true },
    });
    expect(conversion.status).toBe(400);
    const wrongKey = `${key.slice(0, -4)}beef`;
    sent['a wrong conversion key'] = wrongKey;
    expect(
      (
        await api('/api/conversions', {
          method: 'POST',
          headers: { authorization: `Bearer ${wrongKey}` },
          json: {},
        })
      ).status,
    ).toBeGreaterThanOrEqual(400);

    // Metrics with the token, and with a wrong one.
    expect(
      (await api('/metrics', { headers: { authorization: `Bearer ${settings['METRICS_TOKEN']}` } })).status,
    ).toBe(200);
    sent['a wrong metrics token'] = secret('wrong-metrics');
    expect(
      (await api('/metrics', { headers: { authorization: `Bearer ${sent['a wrong metrics token']}` } }))
        .status,
    ).toBeGreaterThanOrEqual(400);

    // Failing requests: a forged session, a Teams SSO token whose keys cannot be fetched, a bad body.
    sent['a forged session token'] = `${token.slice(0, -6)}AAAAAA`;
    expect(
      (await api('/api/me', { headers: { authorization: `Bearer ${sent['a forged session token']}` } }))
        .status,
    ).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(
      JSON.stringify({
        aud: 'api://chorus',
        tid: aadTenant,
        oid: comms.id,
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    sent['a Teams SSO token'] = `${header}.${claims}.${randomBytes(32).toString('base64url')}`;
    const sso = await api('/api/me', { headers: { authorization: `Bearer ${sent['a Teams SSO token']}` } });
    expect(sso.status).toBeGreaterThanOrEqual(400);
    expect(
      (await api('/api/membership', { method: 'POST', headers: auth, json: { guidelinesVersion: 'x' } }))
        .status,
    ).toBe(400);

    // Bot turns: sparring reaches the language model, which refuses the key, then fails outright.
    model.behave({ kind: 'status', status: 401 });
    for (const status of [401, 500]) {
      model.behave({ kind: 'status', status });
      const before = model.requests.length;
      const turn = messageActivity(
        { tenantId: '00000000-0000-4000-8000-00000000c0de' },
        connector.serviceUrl,
        danish,
        'spar I watched our night shift hand over the grid to the day team this morning. Calm, precise and kind.',
      );
      const res = await api('/api/messages', { method: 'POST', json: turn });
      expect(res.status).toBe(200);
      expect(model.requests.length).toBe(before + 1);
      expect(model.requests.at(-1)?.authorization).toBe(`Bearer ${settings['OPENAI_API_KEY']}`);
      const reply = connector.sent.find((s) => s.replyToId === turn['id']);
      expect(cardTexts(reply!.activity)[0]).toBe('Sparring på dit udkast');
    }

    app.child.kill('SIGTERM');
    await app.exited;
    const output = app.output();
    // The key was in use: the telemetry reached the (local) ingestion endpoint with it.
    expect(
      ingestion.envelopes().some((e) => e.iKey === settings['APPLICATIONINSIGHTS_INSTRUMENTATION_KEY']),
    ).toBe(true);
    // The run was logged at all: every request, with its URL.
    expect(output).toMatch(/"url":"\/api\/conversions"/);
    expect(leaks(output, { ...settings, ...sent })).toEqual([]);
  }, 180_000);

  it('logs none of them with a bot that checks tokens, refusing an activity without one', async () => {
    const app = await start({
      ...databaseEnv(),
      BOT_ID: 'b0b0b0b0-0000-4000-8000-000000000001',
      BOT_PASSWORD: settings['BOT_PASSWORD']!,
      BOT_TENANT_ID: 'c0c0c0c0-0000-4000-8000-000000000001',
      JOBS_ENABLED: 'false',
      OUTBOX_ENABLED: 'false',
    });
    await waitReady(app);
    sent['a forged Bot Framework token'] = `eyJ${randomBytes(24).toString('base64url')}`;
    const res = await fetch(`${app.base}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sent['a forged Bot Framework token']}`,
      },
      body: JSON.stringify(
        messageActivity(
          { tenantId: 'c0c0c0c0-0000-4000-8000-000000000001' },
          connector.serviceUrl,
          danish,
          'help',
        ),
      ),
    });
    expect(res.status).toBe(401);
    app.child.kill('SIGTERM');
    await app.exited;
    expect(app.output()).toMatch(/"status":401/);
    expect(leaks(app.output(), { ...settings, ...sent })).toEqual([]);
  }, 120_000);

  it('names the bad setting, and none of the secrets beside it, when the configuration is wrong', async () => {
    const url = new URL('postgres://chorus@127.0.0.1:1/chorus');
    url.password = settings['DATABASE_PASSWORD']!;
    const secrets = {
      DATABASE_URL: url.toString(),
      AAD_CLIENT_SECRET: settings['AAD_CLIENT_SECRET']!,
      METRICS_TOKEN: settings['METRICS_TOKEN']!,
      OPENAI_API_KEY: settings['OPENAI_API_KEY']!,
      APPLICATIONINSIGHTS_CONNECTION_STRING: settings['APPLICATIONINSIGHTS_CONNECTION_STRING']!,
    };
    // A value of the wrong form, then settings that do not go together (a bot password alone).
    for (const [bad, named] of [
      [{ PORT: 'not-a-port', BOT_PASSWORD: settings['BOT_PASSWORD']! }, /PORT: must be a port number/],
      [
        { BOT_PASSWORD: settings['BOT_PASSWORD']!, AZURE_OPENAI_API_KEY: settings['OPENAI_API_KEY']! },
        /BOT_ID, BOT_PASSWORD, BOT_TENANT_ID: set all three/,
      ],
    ] as const) {
      const app = await start({ ...secrets, ...bad });
      expect(await app.exited).not.toBe(0);
      expect(app.output()).toMatch(named);
      expect(leaks(app.output(), settings)).toEqual([]);
    }
  }, 60_000);

  it('does not print the database password when the database cannot be reached', async () => {
    const url = new URL(`postgres://chorus@127.0.0.1:${await freePort()}/chorus`);
    url.password = settings['DATABASE_PASSWORD']!;
    const app = await start({ DATABASE_URL: url.toString() });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Chorus failed to start/);
    expect(leaks(app.output(), settings)).toEqual([]);
  }, 90_000);
});
