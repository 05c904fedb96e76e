import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database';
import { recruitmentCampaigns } from '../../src/db/schema';
import { createLogger } from '../../src/logger';
import { startBotConnector, type BotConnector } from '../fakes/bot-connector';
import { english, messageActivity, postActivity, teamsActivity, TEST_BOT } from '../support/bot';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { generateDemoOrg } from '../../src/demo/demo-org';

const org = generateDemoOrg();
const joiner = org.find((p) => p.department === 'Field Operations' && p.preferredLanguage === 'en-GB')!;
// A manager and one of their reports, for a nomination (a request that queues an outbox message).
const manager = org.find((p) => p.jobTitle === 'IT Section Manager A')!;
const nominee = org.find((p) => p.managerId === manager.id)!;

interface LogLine {
  msg?: string;
  level: number;
  correlationId?: string;
  activityId?: string;
  activityType?: string;
  conversationId?: string;
  jobKind?: string;
  [key: string]: unknown;
}

describe('correlation ids in the logs', () => {
  const lines: LogLine[] = [];
  let app: TestChorus;
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector();
    // The app's own logger (src/logger.ts), writing its JSON lines here instead of stdout.
    const logger = createLogger('debug', {
      write: (line: string) => void lines.push(JSON.parse(line) as LogLine),
    });
    app = await startTestChorus({}, { logger });
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  const withId = (id: string) => lines.filter((l) => l.correlationId === id);

  it("tags an HTTP request's lines with the caller's x-correlation-id", async () => {
    const id = `corr-http-${randomUUID()}`;
    const res = await app.api('/api/me', { headers: { 'x-correlation-id': id } });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-correlation-id')).toBe(id);
    const mine = withId(id);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
  });

  it("tags a bot turn's lines with the request's correlation id and the activity's ids", async () => {
    const id = `corr-bot-${randomUUID()}`;
    const activity = messageActivity(app, connector.serviceUrl, english, 'help');
    const res = await postActivity(app, activity, { 'x-correlation-id': id });
    expect(res.status).toBe(200);
    const turn = withId(id).find((l) => l.msg === 'bot turn handled');
    expect(turn).toMatchObject({
      activityType: 'message',
      activityId: activity['id'],
      conversationId: (activity['conversation'] as { id: string }).id,
      status: 200,
    });
  });

  it("gives a turn without x-correlation-id the id the response names, down to the handler's own lines", async () => {
    // Added to a team: the handler records the channel and logs it (through the app's shared logger).
    const activity = teamsActivity(app, connector.serviceUrl, english, {
      type: 'conversationUpdate',
      membersAdded: [TEST_BOT],
      conversation: {
        id: `19:${randomUUID()}@thread.tacv2`,
        conversationType: 'channel',
        tenantId: app.tenantId,
      },
      channelData: { tenant: { id: app.tenantId }, team: { id: `19:team-${randomUUID()}`, name: 'Field' } },
    });
    const res = await postActivity(app, activity);
    expect(res.status).toBe(200);
    const id = res.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = withId(id!);
    expect(mine.find((l) => l.msg === 'bot turn handled')?.activityId).toBe(activity['id']);
    const handlerLine = mine.find((l) => l.msg === 'bot channel recorded');
    expect(handlerLine).toMatchObject({ activityId: activity['id'], activityType: 'conversationUpdate' });
  });

  it("tags a job's lines, its handler's included, with job-<id>", async () => {
    // The directory sync is queued for later at startup; make it due now and run it.
    await app.database.db.execute(sql`update jobs set run_at = now()
      where tenant_id = ${app.tenantId} and kind = 'directory.sync' and status = 'queued'`);
    await app.worker.drain();
    const [job] = rowsOf<{ id: number }>(
      await app.database.db.execute(sql`select id from jobs
        where tenant_id = ${app.tenantId} and kind = 'directory.sync' and status = 'done'`),
    );
    expect(job).toBeDefined();
    const mine = withId(`job-${job!.id}`);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['directory synced', 'job done']));
    expect(mine.find((l) => l.msg === 'job done')?.jobKind).toBe('directory.sync');
  });

  it("names the request that queued a job on the job's lines (causedBy)", async () => {
    const id = `corr-join-${randomUUID()}`;
    const token = await signInAs(app, joiner.id);
    const program = (await (await app.api('/api/program', { token })).json()) as {
      guidelines: { version: number };
    };
    const join = await app.api('/api/membership', {
      method: 'POST',
      token,
      headers: { 'x-correlation-id': id },
      json: { guidelinesVersion: program.guidelines.version, networks: ['linkedin'] },
    });
    expect(join.status).toBe(201);
    await app.worker.drain();
    const [job] = rowsOf<{ id: number }>(
      await app.database.db.execute(sql`select id from jobs
        where tenant_id = ${app.tenantId} and kind = 'bot.welcome' and status = 'done'`),
    );
    expect(job).toBeDefined();
    const done = withId(`job-${job!.id}`).find((l) => l.msg === 'job done');
    expect(done).toMatchObject({ jobKind: 'bot.welcome', causedBy: id });
  });

  it("names the request that queued an outbox message on its send's lines (causedBy)", async () => {
    const campaignId = randomUUID();
    await app.database.db.insert(recruitmentCampaigns).values({
      tenantId: app.tenantId,
      id: campaignId,
      name: 'Bliv ambassadør',
      pitch: { en: { why: 'Tell our story', effort: '30 minutes a week', support: 'Workshops' } },
      startsAt: new Date(Date.now() - 24 * 3600_000),
      endsAt: new Date(Date.now() + 30 * 24 * 3600_000),
      goalAmbassadors: 8,
      audience: {},
      status: 'running',
    });
    const id = `corr-nominate-${randomUUID()}`;
    const res = await app.api('/api/nominations', {
      method: 'POST',
      token: await signInAs(app, manager.id),
      headers: { 'x-correlation-id': id },
      json: { campaignId, personId: nominee.id, note: '' },
    });
    expect(res.status, await res.text()).toBe(202);
    const [queued] = rowsOf<{ id: number; caused_by: string | null }>(
      await app.database.db.execute(sql`select id, caused_by from outbox_messages
        where tenant_id = ${app.tenantId} and recipient_person_id = ${nominee.id}`),
    );
    expect(queued?.caused_by).toBe(id);
    await app.worker.drain();
    // bigserial: a string from a Postgres server, a number from PGlite.
    const messageId = Number(queued!.id);
    const sent = withId(`outbox-${messageId}`).find((l) => l.msg === 'outbox message sent');
    expect(sent).toMatchObject({ transport: 'bot', messageId, causedBy: id });
  });
});
