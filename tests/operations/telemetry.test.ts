import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';
import { rowsOf } from '../../src/db/database';
import { generateDemoOrg } from '../../src/demo/demo-org';
import {
  startFakeIngestion,
  TEST_INSTRUMENTATION_KEY,
  type Envelope,
  type FakeIngestion,
} from '../fakes/app-insights-server';
import { startBotConnector, type BotConnector } from '../fakes/bot-connector';
import { english, messageActivity, postActivity } from '../support/bot';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { requestJoin } from '../support/sharing';

const org = generateDemoOrg();
const joiner = org.find((p) => p.department === 'Field Operations' && p.preferredLanguage === 'en-GB')!;

const REQUEST = 'Microsoft.ApplicationInsights.Request';
const DEPENDENCY = 'Microsoft.ApplicationInsights.RemoteDependency';
const METRIC = 'Microsoft.ApplicationInsights.Metric';

const withCorrelation = (envelopes: Envelope[], name: string, correlationId: string) =>
  envelopes.filter(
    (e) => e.name === name && e.data?.baseData?.properties?.['correlationId'] === correlationId,
  );
const metricNames = (envelopes: Envelope[]) =>
  new Set(
    envelopes
      .filter((e) => e.name === METRIC)
      .flatMap((e) => e.data?.baseData?.metrics ?? [])
      .map((m) => m.name),
  );

describe('OpenTelemetry export to Application Insights', () => {
  let ingestion: FakeIngestion;
  let connector: BotConnector;
  let app: TestChorus;
  beforeAll(async () => {
    [ingestion, connector] = await Promise.all([startFakeIngestion(), startBotConnector()]);
    app = await startTestChorus({ APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
    await ingestion?.close();
  });

  it('sends a request per HTTP request, a dependency per bot turn, a request per job and outbox send, and metrics, each with its correlation id', async () => {
    expect(app.telemetry.enabled).toBe(true);
    const httpId = `obs-http-${randomUUID()}`;
    const res = await app.api('/api/config', { headers: { 'x-correlation-id': httpId } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe(httpId);

    const botId = `obs-bot-${randomUUID()}`;
    const activity = messageActivity(app, connector.serviceUrl, english, 'help');
    expect((await postActivity(app, activity, { 'x-correlation-id': botId })).status).toBe(200);

    // Joining queues the bot.welcome job; the job queues the welcome in the outbox; drain runs both.
    const token = await signInAs(app, joiner.id);
    const join = await requestJoin(app, token);
    expect(join.status).toBe(201);
    await app.worker.drain();
    const welcome = rowsOf<{ id: number }>(
      await app.database.db.execute(sql`select id from jobs
        where tenant_id = ${app.tenantId} and kind = 'bot.welcome' and status = 'done'`),
    );
    expect(welcome).toHaveLength(1);
    const jobId = `job-${welcome[0]!.id}`;
    const outboxRows = rowsOf<{ id: number; state: string }>(
      await app.database.db.execute(sql`select id, state from outbox_messages
        where tenant_id = ${app.tenantId} and recipient_person_id = ${joiner.id}`),
    );
    expect(outboxRows.map((r) => r.state)).toEqual(['sent']);

    await app.telemetry.flush();
    const envelopes = ingestion.envelopes();
    // What the exporter sent, as Breeze takes it: POST /v2.1/track with this resource's key.
    expect(ingestion.requests.every((r) => r.method === 'POST' && r.path.endsWith('/v2.1/track'))).toBe(true);
    expect(envelopes.every((e) => e.iKey === TEST_INSTRUMENTATION_KEY)).toBe(true);

    const [httpRequest] = withCorrelation(envelopes, REQUEST, httpId);
    expect(httpRequest?.data?.baseData).toMatchObject({
      name: 'GET /api/config',
      responseCode: '200',
      success: true,
    });

    // The bot turn: the POST /api/messages request and, under it, the turn, both with the caller's id.
    const botRequest = withCorrelation(envelopes, REQUEST, botId)[0];
    expect(botRequest?.data?.baseData).toMatchObject({ name: 'POST /api/messages', responseCode: '200' });
    const turn = withCorrelation(envelopes, DEPENDENCY, botId)[0];
    expect(turn?.data?.baseData?.name).toBe('bot turn message');
    expect(turn?.data?.baseData?.properties).toMatchObject({
      'bot.activity.type': 'message',
      'bot.activity.id': activity['id'],
    });
    // Same trace: Application Insights shows the turn inside the request.
    expect(turn?.tags?.['ai.operation.id']).toBe(botRequest?.tags?.['ai.operation.id']);
    expect(turn?.tags?.['ai.operation.parentId']).toBe(botRequest?.data?.baseData?.id);

    const job = withCorrelation(envelopes, REQUEST, jobId)[0];
    expect(job?.data?.baseData?.name).toBe('job bot.welcome');
    // The job names the request that queued it: the join, by the correlation id its answer gave.
    expect(job?.data?.baseData?.properties).toMatchObject({
      'job.kind': 'bot.welcome',
      'job.outcome': 'done',
      causedBy: join.headers.get('x-correlation-id'),
    });

    const send = withCorrelation(envelopes, DEPENDENCY, `outbox-${outboxRows[0]!.id}`)[0];
    expect(send?.data?.baseData).toMatchObject({ name: 'outbox send bot', success: true });
    // The send names the job that queued the welcome.
    expect(send?.data?.baseData?.properties).toMatchObject({ 'outbox.status': '201', causedBy: jobId });

    const metrics = metricNames(envelopes);
    for (const name of [
      'http.server.request.duration',
      'chorus.outbox.sends',
      'chorus.jobs.waiting',
      'chorus.clicks.write_lag',
    ]) {
      expect(metrics, name).toContain(name);
    }
  });
});

describe('without APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('starts, answers and sends nothing', async () => {
    const ingestion = await startFakeIngestion();
    const app = await startTestChorus();
    try {
      expect(app.telemetry.enabled).toBe(false);
      const res = await app.api('/api/config', { headers: { 'x-correlation-id': 'obs-silent' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-correlation-id')).toBe('obs-silent');
      await app.worker.drain();
      await app.telemetry.flush();
      await new Promise((r) => setTimeout(r, 200));
      expect(ingestion.requests).toHaveLength(0);
    } finally {
      await app.close();
      await ingestion.close();
    }
  });
});

describe('a malformed connection string', () => {
  const problemsOf = (value: string) => {
    try {
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value }, '/srv/chorus');
    } catch (err) {
      if (err instanceof ConfigError) return err;
      throw err;
    }
    throw new Error('expected a ConfigError');
  };

  it('fails configuration naming the variable, without echoing the value', () => {
    for (const value of [
      'not a connection string',
      'InstrumentationKey=not-a-guid;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
      `InstrumentationKey=${TEST_INSTRUMENTATION_KEY};IngestionEndpoint=http://ingest.example.com/`,
      `InstrumentationKey=${TEST_INSTRUMENTATION_KEY};IngestionEndpoint=not a url`,
    ]) {
      const err = problemsOf(value);
      expect(err.problems, value).toHaveLength(1);
      expect(err.problems[0], value).toMatch(/^APPLICATIONINSIGHTS_CONNECTION_STRING: /);
      expect(err.message).not.toContain(value);
    }
    expect(problemsOf('InstrumentationKey=nope').problems[0]).toMatch(/InstrumentationKey .*GUID/);
    expect(
      problemsOf(
        `InstrumentationKey=${TEST_INSTRUMENTATION_KEY};IngestionEndpoint=http://ingest.example.com/`,
      ).problems[0],
    ).toMatch(/https:\/\//);
  });

  it('accepts the portal form and a loopback endpoint', () => {
    const portal = loadConfig({
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${TEST_INSTRUMENTATION_KEY};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=11111111-1111-1111-1111-111111111111`,
    }).applicationInsights;
    expect(portal).toMatchObject({
      instrumentationKey: TEST_INSTRUMENTATION_KEY,
      ingestionEndpoint: 'https://westeurope-5.in.applicationinsights.azure.com',
    });
    expect(loadConfig({}).applicationInsights).toBeNull();
  });

  it('stops the app at startup with the problem listed and no stack trace', async () => {
    const { startAppProcess } = await import('../support/app-process');
    const proc = startAppProcess(0, { APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=oops' });
    expect(await proc.exited).toBe(1);
    const output = proc.output();
    expect(output).toContain('Chorus cannot start. Fix these settings:');
    expect(output).toMatch(
      /- APPLICATIONINSIGHTS_CONNECTION_STRING: InstrumentationKey is missing or not a GUID/,
    );
    expect(output).not.toMatch(/\n\s+at /);
  });
});
