import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { countJobs } from '../../src/db/job-claims';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

const org = generateDemoOrg();
const employee = org.find((p) => p.department === 'Field Operations' && p.jobTitle === 'Field Technician')!;

describe('joining and leaving the program over HTTP', () => {
  let app: TestChorus;
  let token: string;
  beforeAll(async () => {
    app = await startTestChorus();
    token = await signInAs(app, employee.id);
  });
  afterAll(() => app.close());

  const program = async () =>
    (await (await app.api('/api/program', { token })).json()) as {
      guidelines: { version: number };
      ambassadorCount: number;
    };

  it('shows the signed-in person and that they are not a member yet', async () => {
    const res = await app.api('/api/me', { token });
    expect(res.status).toBe(200);
    const me = (await res.json()) as {
      person: { displayName: string };
      membership: unknown;
      roles: string[];
    };
    expect(me.person.displayName).toBe(employee.displayName);
    expect(me.membership).toBeNull();
    expect(me.roles).toEqual(['employee']);
  });

  it('refuses a join with a stale guidelines version and changes nothing', async () => {
    const { guidelines } = await program();
    const res = await app.api('/api/membership', {
      method: 'POST',
      token,
      json: { guidelinesVersion: guidelines.version + 1, networks: ['linkedin'] },
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('GUIDELINES_VERSION_STALE');
    expect(body.error.message).toMatch(/version/);
    expect((await program()).ambassadorCount).toBe(0);
  });

  it('names each bad field in plain words', async () => {
    const res = await app.api('/api/membership', { method: 'POST', token, json: { networks: ['myspace'] } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; problems: { field: string; message: string }[] };
    };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.problems.map((p) => p.field);
    expect(fields).toContain('body.guidelinesVersion');
    expect(fields).toContain('body.networks.0');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('joins once, refuses a second join, leaves, refuses a second leave, and joins again', async () => {
    const { guidelines } = await program();
    const join = () =>
      app.api('/api/membership', {
        method: 'POST',
        token,
        json: { guidelinesVersion: guidelines.version, networks: ['linkedin', 'x'], topics: ['jobs'] },
      });
    const first = await join();
    expect(first.status).toBe(201);
    expect(((await first.json()) as { networks: string[] }).networks).toEqual(['linkedin', 'x']);
    expect((await program()).ambassadorCount).toBe(1);
    expect((await countJobs(app.database.db, app.tenantId, 'bot.welcome'))['queued']).toBe(1);

    const second = await join();
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('ALREADY_MEMBER');
    expect((await program()).ambassadorCount).toBe(1);

    const leave = await app.api('/api/membership', { method: 'DELETE', token });
    expect(leave.status).toBe(204);
    expect((await program()).ambassadorCount).toBe(0);
    expect((await countJobs(app.database.db, app.tenantId, 'bot.welcome'))['queued']).toBeUndefined();

    const leaveAgain = await app.api('/api/membership', { method: 'DELETE', token });
    expect(leaveAgain.status).toBe(409);
    expect(((await leaveAgain.json()) as { error: { code: string } }).error.code).toBe('NOT_A_MEMBER');

    expect((await join()).status).toBe(201);
    const me = (await (await app.api('/api/me', { token })).json()) as { membership: { topics: string[] } };
    expect(me.membership.topics).toEqual(['jobs']);
  });

  it('refuses a NUL character in any text field with a 400 naming the field, not a 500', async () => {
    const res = await app.api('/api/membership', {
      method: 'POST',
      token,
      json: { guidelinesVersion: 1, networks: ['linkedin'], topics: ['jobs\u0000'] },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems[0]?.field).toBe('body.topics.0');
    expect(body.error.problems[0]?.message).toMatch(/NUL/);
  });

  it('refuses requests without a session, and garbage tokens', async () => {
    expect((await app.api('/api/me')).status).toBe(401);
    const res = await app.api('/api/me', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_TOKEN');
  });

  it('answers unknown API routes with JSON 404 and bad JSON with 400', async () => {
    const res = await app.api('/api/nope', { token });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const bad = await app.api('/api/membership', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: '{"guidelinesVersion": 1,',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
  });
});
