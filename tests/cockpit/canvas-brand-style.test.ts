import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachSettingsView } from '../../src/contracts';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { applyDisclosure } from '../../src/domain/content';
import { coach, DEFAULT_COACH_SETTINGS } from '../../src/domain/coach';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { employees, joinAs } from '../support/sharing';

const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
const comms = org.find((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()))!;
const [ambassador] = employees(1);

const SETTINGS = {
  companyName: 'Nordlys Energi',
  blockedTerms: [],
  requiredHashtags: ['#NordlysEnergi'],
  tone: 'du',
  emojiPolicy: 'sparing',
  companyDomains: [],
};
type Problems = { error: { problems: { field: string; message: string }[] } };

describe('applying the tenant’s disclosure word', () => {
  it('puts the tenant’s word first and still accepts Reklame and Annonce in Danish', () => {
    expect(applyDisclosure('Ny park', { advertising: true, language: 'da', mark: 'Annonce' }).text).toBe(
      'Annonce: Ny park',
    );
    expect(
      applyDisclosure('Reklame: Ny park', { advertising: true, language: 'da', mark: 'Annonce' }),
    ).toEqual({
      text: 'Reklame: Ny park',
      added: false,
      warnings: [],
    });
    expect(
      applyDisclosure('Sponsored post: park', { advertising: true, language: 'en', mark: 'Sponsored post' }),
    ).toMatchObject({ added: false });
    expect(
      applyDisclosure('Great park. Paid ad', { advertising: true, language: 'en', mark: 'Paid ad' }).warnings,
    ).toEqual(['MARK_MISPLACED']);
    // Without a word of its own the built-in one applies.
    expect(applyDisclosure('New park', { advertising: true, language: 'en' }).text).toBe(
      'Advertisement: New park',
    );
  });

  it('lets the coach suggest the tenant’s word and its suggested hashtags', () => {
    const settings = {
      ...DEFAULT_COACH_SETTINGS,
      suggestedHashtags: ['#GrønEnergi', '#Karriere'],
      disclosureMarks: { da: 'Annonce', en: 'Advertisement' },
    };
    const result = coach(
      {
        text: 'Jeg er stolt af vores nye vindmøllepark i Esbjerg.',
        network: 'linkedin',
        kind: 'program',
        language: 'da',
        captions: [],
      },
      settings,
    );
    const codes = Object.fromEntries(result.findings.map((f) => [f.code, f.params]));
    expect(codes['DISCLOSURE_MISSING']).toEqual({ mark: 'Annonce' });
    expect(codes['HASHTAGS_TOO_FEW']).toMatchObject({ suggested: '#GrønEnergi #Karriere' });
  });
});

describe('the brand style in the coach settings', () => {
  let app: TestChorus;
  let token: string;
  beforeAll(async () => {
    app = await startTestChorus();
    token = await signInAs(app, comms.id);
  });
  afterAll(() => app.close());

  const put = (body: unknown, language = 'en') =>
    app.api('/api/admin/coach-settings', {
      method: 'PUT',
      token,
      json: body,
      headers: { 'accept-language': language },
    });
  const read = async () =>
    (await (await app.api('/api/admin/coach-settings', { token })).json()) as CoachSettingsView;

  it('has Reklame and Advertisement and no suggested hashtags by default', async () => {
    expect(await read()).toMatchObject({
      suggestedHashtags: [],
      disclosureMarks: { da: 'Reklame', en: 'Advertisement' },
    });
  });

  it('refuses an empty, long or hashtag disclosure word, naming the field, in Danish too', async () => {
    const res = await put({
      ...SETTINGS,
      suggestedHashtags: ['Karriere'],
      disclosureMarks: { da: '#reklame', en: ' ' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problems).error.problems).toEqual(
      expect.arrayContaining([
        { field: 'body.suggestedHashtags.0', message: expect.stringMatching(/starts with #/) as string },
        {
          field: 'body.disclosureMarks.da',
          message: 'the advertising word is a plain word, not a hashtag (no #)',
        },
        { field: 'body.disclosureMarks.en', message: 'write the advertising word, e.g. Reklame' },
      ]),
    );
    const da = await put({ ...SETTINGS, disclosureMarks: { da: 'R'.repeat(31), en: 'Ad' } }, 'da');
    expect(((await da.json()) as Problems).error.problems).toEqual([
      { field: 'body.disclosureMarks.da', message: 'reklameordet må højst være på 30 tegn' },
    ]);
    expect((await read()).updatedAt).toBeNull();
  });

  it('saves suggested hashtags and disclosure words, and keeps them when a save leaves them out', async () => {
    const res = await put({
      ...SETTINGS,
      suggestedHashtags: ['#GrønEnergi', '#grønenergi', '#Karriere'],
      disclosureMarks: { da: ' Annonce ', en: 'Sponsored by Nordlys' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      suggestedHashtags: ['#GrønEnergi', '#Karriere'],
      disclosureMarks: { da: 'Annonce', en: 'Sponsored by Nordlys' },
    });
    expect((await put({ ...SETTINGS, tone: 'De' })).status).toBe(200);
    expect(await read()).toMatchObject({
      tone: 'De',
      suggestedHashtags: ['#GrønEnergi', '#Karriere'],
      disclosureMarks: { da: 'Annonce', en: 'Sponsored by Nordlys' },
    });
  });

  it('puts the tenant’s word first in a prepared and a completed share', async () => {
    const shareToken = await joinAs(app, ambassador!.id);
    const daItem = await insertItem(app.database.db, app.tenantId, {
      captions: { da: ['Kom og se parken'] },
    });
    const enItem = await insertItem(app.database.db, app.tenantId, {
      language: 'en',
      captions: { en: ['Come and see the park'] },
    });
    const prepare = async (id: string) => {
      const res = await app.api(`/api/library/${id}/share`, {
        method: 'POST',
        token: shareToken,
        json: { network: 'linkedin' },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { shareId: string; caption: string };
    };
    const da = await prepare(daItem);
    expect(da.caption).toBe('Annonce: Kom og se parken');
    expect((await prepare(enItem)).caption).toBe('Sponsored by Nordlys: Come and see the park');
    const done = await app.api(`/api/shares/${da.shareId}/complete`, {
      method: 'POST',
      token: shareToken,
      json: { text: 'Min egen tekst om parken', via: 'intent' },
    });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { text: string }).text).toBe('Annonce: Min egen tekst om parken');
  });
});
