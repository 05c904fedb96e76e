import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachSettingsView } from '../../src/contracts';
import { DEMO_COACH_SETTINGS } from '../../src/demo/demo-coach';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { DEFAULT_COACH_SETTINGS } from '../../src/domain/coach';
import { MemoryCoachSettings } from '../../src/ports/testing/memory-sparring';
import { getCoachSettings } from '../../src/services/get-coach-settings';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { danish } from '../support/bot';

const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
const comms = org.find((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()))!;

const VALID = {
  companyName: 'Nordlys Energi',
  blockedTerms: ['Projekt Polarstjerne', 'projekt polarstjerne', '  Kunde A/S  '],
  requiredHashtags: ['#NordlysEnergi', '#LivetHosNordlys'],
  tone: 'De',
  emojiPolicy: 'none',
  companyDomains: ['WWW.Nordlys.dk', 'karriere.nordlys.dk'],
};

type Problems = { error: { code: string; problems: { field: string; message: string }[] } };

describe('the coach’s settings', () => {
  let app: TestChorus;
  let token: string;
  beforeAll(async () => {
    // With the demo content, as `npm run dev` starts: the demo org gets sensible coach settings.
    app = await startTestChorus({ DEMO_CONTENT: 'true' });
    token = await signInAs(app, comms.id);
  });
  afterAll(async () => {
    await app.close();
  });

  const put = (body: unknown, language = 'en') =>
    app.api('/api/admin/coach-settings', {
      method: 'PUT',
      token,
      json: body,
      headers: { 'accept-language': language },
    });

  it('are the defaults until comms saves some', async () => {
    const store = new MemoryCoachSettings();
    expect(await getCoachSettings({ coachSettings: store }, { tenantId: 't' })).toEqual({
      settings: DEFAULT_COACH_SETTINGS,
      updatedAt: null,
    });
  });

  it('are seeded for the demo organisation', async () => {
    const res = await app.api('/api/admin/coach-settings', { token });
    expect(res.status).toBe(200);
    const view = (await res.json()) as CoachSettingsView;
    expect(view).toMatchObject({ ...DEMO_COACH_SETTINGS });
    expect(view.requiredHashtags).toEqual(['#NordlysEnergi']);
    expect(view.updatedAt).not.toBeNull();
  });

  it('saves what comms writes, trimmed and without repeats, and reads it back', async () => {
    const res = await put(VALID);
    expect(res.status).toBe(200);
    const saved = (await res.json()) as CoachSettingsView;
    expect(saved).toMatchObject({
      companyName: 'Nordlys Energi',
      blockedTerms: ['Projekt Polarstjerne', 'Kunde A/S'],
      requiredHashtags: ['#NordlysEnergi', '#LivetHosNordlys'],
      tone: 'De',
      emojiPolicy: 'none',
      companyDomains: ['nordlys.dk', 'karriere.nordlys.dk'],
    });
    const read = (await (await app.api('/api/admin/coach-settings', { token })).json()) as CoachSettingsView;
    expect(read).toEqual(saved);
  });

  it('refuses bad input, naming each field, in the caller’s language', async () => {
    const res = await put({
      ...VALID,
      companyName: ' ',
      requiredHashtags: ['NordlysEnergi', '#two words'],
      tone: 'Sie',
      companyDomains: ['https://nordlys.dk/jobs'],
      colour: 'blue',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Problems;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.companyName',
        'body.requiredHashtags.0',
        'body.requiredHashtags.1',
        'body.tone',
        'body.companyDomains.0',
      ]),
    );
    expect(body.error.problems.find((p) => p.field === 'body.requiredHashtags.0')!.message).toMatch(
      /starts with #/,
    );

    const da = (await (
      await put({ ...VALID, requiredHashtags: ['NordlysEnergi'] }, 'da')
    ).json()) as Problems;
    expect(da.error.problems).toEqual([
      {
        field: 'body.requiredHashtags.0',
        message: 'et hashtag begynder med # og er ét ord af bogstaver, tal eller _ (f.eks. #LivetHosContoso)',
      },
    ]);
    // Nothing was saved by the refused requests.
    const read = (await (await app.api('/api/admin/coach-settings', { token })).json()) as CoachSettingsView;
    expect(read.tone).toBe('De');
  });

  it('are for comms only', async () => {
    const ambassador = await signInAs(app, danish.id);
    expect((await app.api('/api/admin/coach-settings', { token: ambassador })).status).toBe(403);
    const res = await app.api('/api/admin/coach-settings', { method: 'PUT', token: ambassador, json: VALID });
    expect(res.status).toBe(403);
    expect((await app.api('/api/admin/coach-settings')).status).toBe(401);
  });
});
