import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { itemInput, startContentApp, type ContentApp, type ErrorBody } from '../content/support';

const org = generateDemoOrg();
const employee = org.find((p) => p.department === 'Field Operations' && p.jobTitle === 'Field Technician')!;

/** The error body, its status and Content-Language. */
async function failure(res: Response) {
  return {
    status: res.status,
    language: res.headers.get('content-language'),
    error: ((await res.json()) as ErrorBody).error,
  };
}

describe('server error messages in the language the request asks for', () => {
  let app: TestChorus;
  let token: string;
  beforeAll(async () => {
    app = await startTestChorus();
    token = await signInAs(app, employee.id);
  });
  afterAll(() => app.close());

  /** A join with two bad fields: guidelinesVersion missing, and a network that does not exist. */
  const badJoin = (acceptLanguage?: string) =>
    app.api('/api/membership', {
      method: 'POST',
      token,
      json: { networks: ['myspace'] },
      headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
    });

  it('answers a validation failure in Danish, problems included, for Accept-Language: da', async () => {
    const f = await failure(await badJoin('da'));
    expect(f.status).toBe(400);
    expect(f.language).toBe('da');
    expect(f.error.code).toBe('VALIDATION_FAILED');
    expect(f.error.message).toBe('anmodningens indhold har ugyldige felter');
    expect(f.error.problems).toEqual([
      {
        field: 'body.guidelinesVersion',
        message: 'guidelinesVersion skal være nummeret på de retningslinjer, du har accepteret',
      },
      { field: 'body.networks.0', message: 'skal være en af: linkedin, x, facebook, instagram, tiktok' },
    ]);
    expect(Object.keys(f.error)).toEqual(['code', 'message', 'problems', 'correlationId']);
    expect(f.error).toHaveProperty('correlationId');
  });

  it('answers in English without Accept-Language, and for English', async () => {
    for (const header of [undefined, 'en', 'en-GB,en;q=0.9']) {
      const f = await failure(await badJoin(header));
      expect(f.status, header).toBe(400);
      expect(f.language, header).toBe('en');
      expect(f.error.message, header).toBe('the request body has invalid fields');
      expect(f.error.problems, header).toEqual([
        {
          field: 'body.guidelinesVersion',
          message: 'guidelinesVersion must be the number of the guidelines you accepted',
        },
        { field: 'body.networks.0', message: 'must be one of: linkedin, x, facebook, instagram, tiktok' },
      ]);
    }
  });

  it('weighs the languages by q-value, and reads only da and da-* as Danish', async () => {
    const cases: [string, 'da' | 'en'][] = [
      ['da-DK', 'da'],
      ['en;q=0.5, da;q=0.8', 'da'],
      ['da;q=0.4, en;q=0.6', 'en'],
      ['fr-FR, da;q=0.1', 'da'],
      ['nb', 'en'],
      ['da;q=0', 'en'],
    ];
    for (const [header, language] of cases) {
      const f = await failure(await badJoin(header));
      expect(f.language, header).toBe(language);
      expect(f.error.message, header).toBe(
        language === 'da'
          ? 'anmodningens indhold har ugyldige felter'
          : 'the request body has invalid fields',
      );
    }
  });

  it("answers an AppError's own message in Danish", async () => {
    const program = (await (await app.api('/api/program', { token })).json()) as {
      guidelines: { version: number };
    };
    const stale = await failure(
      await app.api('/api/membership', {
        method: 'POST',
        token,
        headers: { 'accept-language': 'da' },
        json: { guidelinesVersion: program.guidelines.version + 1, networks: ['linkedin'] },
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.error.code).toBe('GUIDELINES_VERSION_STALE');
    expect(stale.error.message).toBe(
      `Retningslinjerne er ændret (nu version ${program.guidelines.version}); læs og acceptér den nye version`,
    );

    const leave = await failure(
      await app.api('/api/membership', { method: 'DELETE', token, headers: { 'accept-language': 'da' } }),
    );
    expect(leave.error).toMatchObject({
      code: 'NOT_A_MEMBER',
      message: 'Du er ikke ambassadør, så der er intet at forlade',
    });
  });

  it('answers sign-in, NUL-character and bad-JSON failures in Danish too', async () => {
    const da = { 'accept-language': 'da' };
    const anonymous = await failure(await app.api('/api/me', { headers: da }));
    expect(anonymous).toMatchObject({
      status: 401,
      language: 'da',
      error: { code: 'UNAUTHENTICATED', message: 'log ind først: anmodningen har intet Bearer-token' },
    });

    const nul = await failure(
      await app.api('/api/membership', {
        method: 'POST',
        token,
        headers: da,
        json: { guidelinesVersion: 1, networks: ['linkedin'], topics: ['jobs\u0000'] },
      }),
    );
    expect(nul.error.problems).toEqual([
      { field: 'body.topics.0', message: 'indeholder et NUL-tegn (\\u0000), som tekst ikke kan rumme' },
    ]);

    const badJson = await failure(
      await app.api('/api/membership', {
        method: 'POST',
        token,
        headers: { ...da, 'content-type': 'application/json' },
        body: '{"guidelinesVersion": 1,',
      }),
    );
    expect(badJson).toMatchObject({
      status: 400,
      language: 'da',
      error: { code: 'BAD_REQUEST', message: 'anmodningens indhold er ikke gyldig JSON' },
    });
  });
});

describe("content problems in the editor's language", () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
  });
  afterAll(() => c.close());

  const create = (input: unknown, acceptLanguage: string) =>
    c.app.api('/api/content', {
      method: 'POST',
      token: c.tokens.writer,
      headers: { 'accept-language': acceptLanguage },
      json: input,
    });

  it('names a caption over the network limit, an unknown topic and a link that is not http(s)', async () => {
    const tooLong = itemInput({
      topic: 'celebrity-gossip',
      captions: { da: ['ok', 'a'.repeat(250)], en: [] },
    });
    const da = await failure(await create(tooLong, 'da-DK'));
    expect(da.status).toBe(400);
    expect(da.error.message).toBe('opslaget har ugyldige felter');
    expect(da.error.problems).toEqual([
      {
        field: 'body.captions.da.1',
        message:
          'tekst 2 (dansk) er 283 tegn med sporingslinket og reklamemarkeringen; X tillader 280. Forkort den med 3',
      },
      { field: 'body.topic', message: 'emnet "celebrity-gossip" findes ikke; vælg et af emnerne' },
    ]);
    const en = await failure(await create(tooLong, 'en'));
    expect(en.error.message).toBe('the item has invalid fields');
    expect(en.error.problems?.[1]).toEqual({
      field: 'body.topic',
      message: 'there is no topic "celebrity-gossip"; choose one of the topics',
    });

    const ftp = await failure(await create(itemInput({ linkUrl: 'ftp://nordlys.example/fil' }), 'da'));
    expect(ftp.error.problems).toEqual([
      { field: 'body.linkUrl', message: 'linket skal begynde med http:// eller https://' },
    ]);
  });

  it('names a role the person lacks, and an image that is too large, in Danish', async () => {
    const forbidden = await failure(
      await c.app.api('/api/content', {
        method: 'POST',
        token: c.tokens.employee,
        headers: { 'accept-language': 'da' },
        json: itemInput(),
      }),
    );
    expect(forbidden).toMatchObject({
      status: 403,
      error: { code: 'FORBIDDEN', message: 'det kræver en af disse roller: comms' },
    });

    const big = await failure(
      await c.app.api('/api/images', {
        method: 'POST',
        token: c.tokens.writer,
        headers: {
          'accept-language': 'da',
          'content-type': 'image/png',
          'content-length': String(6 * 1024 * 1024),
        },
        body: Buffer.alloc(6 * 1024 * 1024),
      }),
    );
    expect(big).toMatchObject({
      status: 413,
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message:
          'billedet er større end grænsen på 5 MB (6.291.456 byte; højst 5.242.880); upload et mindre billede',
      },
    });
  });
});
