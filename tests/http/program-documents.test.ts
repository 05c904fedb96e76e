import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

const org = generateDemoOrg();
const head = org.find((p) => p.jobTitle === 'Head of Communication')!;
const advisor = org.find((p) => p.jobTitle === 'Customer Advisor')!;

interface Doc {
  version: number;
  bodyDa: string;
  bodyEn: string;
}

describe('comms edits the purpose and guidelines as new versions', () => {
  let app: TestChorus;
  let comms: string;
  let employee: string;
  beforeAll(async () => {
    app = await startTestChorus();
    comms = await signInAs(app, head.id);
    employee = await signInAs(app, advisor.id);
  });
  afterAll(() => app.close());

  const program = async () =>
    (await (await app.api('/api/program', { token: employee })).json()) as { purpose: Doc; guidelines: Doc };

  it('starts every program with version 1 of both documents in Danish and English', async () => {
    const p = await program();
    expect(p.purpose.version).toBe(1);
    expect(p.guidelines.version).toBe(1);
    expect(p.guidelines.bodyDa).toMatch(/Reklame/);
    expect(p.guidelines.bodyEn).toMatch(/advertising/);
  });

  it('stores an edit as a new version and asks members to accept the new guidelines', async () => {
    const before = await program();
    const join = await app.api('/api/membership', {
      method: 'POST',
      token: employee,
      json: { guidelinesVersion: before.guidelines.version, networks: ['facebook'] },
    });
    expect(join.status).toBe(201);
    const put = await app.api('/api/program/guidelines', {
      method: 'PUT',
      token: comms,
      json: { bodyDa: '## Nye retningslinjer', bodyEn: '## New guidelines' },
    });
    expect(put.status).toBe(200);
    const saved = (await put.json()) as Doc;
    expect(saved.version).toBe(before.guidelines.version + 1);
    const after = await program();
    expect(after.guidelines.bodyEn).toBe('## New guidelines');
    expect(after.purpose.version).toBe(before.purpose.version);
    const me = (await (await app.api('/api/me', { token: employee })).json()) as {
      guidelinesOutdated: boolean;
    };
    expect(me.guidelinesOutdated).toBe(true);
  });

  it('refuses empty texts with a message per language, and changes nothing', async () => {
    const before = await program();
    const res = await app.api('/api/program/purpose', {
      method: 'PUT',
      token: comms,
      json: { bodyDa: '  ', bodyEn: '' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems).toEqual(
      expect.arrayContaining([
        { field: 'body.bodyDa', message: 'the Danish text cannot be empty' },
        { field: 'body.bodyEn', message: 'the English text cannot be empty' },
      ]),
    );
    expect((await program()).purpose.version).toBe(before.purpose.version);
  });

  it('refuses an unknown document kind', async () => {
    const res = await app.api('/api/program/secrets', {
      method: 'PUT',
      token: comms,
      json: { bodyDa: 'a', bodyEn: 'b' },
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { error: { problems: { field: string }[] } }).error.problems[0]?.field,
    ).toBe('params.kind');
  });

  it('shows comms aggregate counts only', async () => {
    const res = await app.api('/api/admin/stats', { token: comms });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Record<string, unknown> & {
      people: number;
      ambassadors: number;
      joinedTotal: number;
    };
    expect(stats.people).toBe(org.length);
    expect(stats.ambassadors).toBe(1);
    expect(stats.joinedTotal).toBe(1);
    expect(JSON.stringify(stats)).not.toContain(advisor.displayName);
  });
});
