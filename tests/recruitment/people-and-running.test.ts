import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recruitmentCampaigns } from '../../src/db/schema';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

describe('the nominate and recommend dialogs: people search and the running campaigns', () => {
  let app: TestChorus;
  let token = '';
  const org = generateDemoOrg();
  const someone = org.find((p) => p.accountEnabled && p.managerId)!;

  const campaign = async (name: string, status: 'draft' | 'running' | 'closed', endsInDays: number) => {
    const id = randomUUID();
    await app.database.db.insert(recruitmentCampaigns).values({
      tenantId: app.tenantId,
      id,
      name,
      pitch: { da: { why: 'Fortæl vores historie', effort: '30 minutter om ugen', support: 'Sparring' } },
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + endsInDays * 86_400_000),
      goalAmbassadors: 8,
      audience: {},
      status,
    });
    return id;
  };

  beforeAll(async () => {
    app = await startTestChorus();
    token = await signInAs(app, someone.id);
  });
  afterAll(() => app.close());

  it('lists only running campaigns inside their period, by name', async () => {
    const open = await campaign('Bliv ambassadør', 'running', 30);
    const second = await campaign('Ambassadører i Aarhus', 'running', 10);
    await campaign('Kladde', 'draft', 30);
    await campaign('Afsluttet', 'closed', 30);
    await campaign('Udløbet', 'running', -0.5);
    const res = await app.api('/api/campaigns/running', { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { campaigns: { id: string; name: string }[] };
    expect(body.campaigns).toEqual([
      { id: second, name: 'Ambassadører i Aarhus' },
      { id: open, name: 'Bliv ambassadør' },
    ]);
  });

  it('finds colleagues by name for a signed-in employee, and refuses anonymous callers', async () => {
    const target = org.find((p) => p.accountEnabled && p.id !== someone.id)!;
    const word = target.displayName.split(' ')[0]!;
    const res = await app.api(`/api/people?q=${encodeURIComponent(word)}&limit=20`, { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { people: { id: string; displayName: string }[] };
    expect(body.people.map((p) => p.id)).toContain(target.id);
    expect((await app.api(`/api/people?q=${encodeURIComponent(word)}`)).status).toBe(401);
    expect((await app.api('/api/campaigns/running')).status).toBe(401);
  });

  it('names the bad field when the search limit is not a number', async () => {
    const res = await app.api('/api/people?q=a&limit=many', { token });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { problems: { field: string }[] } };
    expect(body.error.problems.map((p) => p.field)).toContain('query.limit');
  });
});
