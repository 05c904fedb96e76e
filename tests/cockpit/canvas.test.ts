import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURPOSE_TEMPLATES, ZProgramCanvas, type CanvasView, type ProgramCanvas } from '../../src/contracts';
import { createCanvasStore } from '../../src/db/canvas-store';
import { DEMO_CANVAS, seedDemoCanvas } from '../../src/demo/demo-canvas';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { DEFAULT_CANVAS, PURPOSE_PREFILL } from '../../src/domain/canvas';
import { systemClock } from '../../src/ports/clock';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { employees } from '../support/sharing';

const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
const comms = org.filter((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()));
const [employee] = employees(1);

type Problems = { error: { code: string; message: string; problems?: { field: string; message: string }[] } };

/** A filled-in canvas different from the defaults in every section. */
function filled(): ProgramCanvas {
  return {
    purpose: { template: 'graduate-recruitment', text: PURPOSE_PREFILL['graduate-recruitment'].en },
    evp: ['Work that keeps the lights on', 'Room to grow'],
    personas: [
      {
        name: 'Graduates',
        description: 'Engineers in their last year at university',
        keyMessages: ['Three rotations in two years'],
        networks: ['linkedin', 'instagram'],
      },
    ],
    channelStrategy: { ambassadorsChooseNetworks: false, notes: 'LinkedIn first' },
    ambition: { stage: 'full', targetAmbassadors: 40, hoursPerWeek: 18.5, owner: 'Employer branding' },
    design: { curatedPercent: 50, steering: 'free' },
    targets: {
      period: 'quarter',
      result: { shares: 120, clicks: 2000, reactions: null, followers: 300 },
      effect: { applications: 25, conversions: null, jobInteractions: 400 },
    },
    reach: { organicReachRate: 0.08 },
  };
}

describe('the purpose templates and the demo canvas', () => {
  it('prefill every template but custom in Danish and English', () => {
    for (const template of PURPOSE_TEMPLATES) {
      for (const language of ['da', 'en'] as const) {
        const text = PURPOSE_PREFILL[template][language];
        if (template === 'custom') expect(text, template).toBe('');
        else expect(text.length, `${template} ${language}`).toBeGreaterThan(40);
      }
    }
    expect(PURPOSE_PREFILL['it-talent'].da).not.toBe(PURPOSE_PREFILL['it-talent'].en);
  });

  it('are valid canvases', () => {
    expect(ZProgramCanvas.safeParse(DEFAULT_CANVAS).success).toBe(true);
    expect(ZProgramCanvas.parse(DEMO_CANVAS)).toEqual(DEMO_CANVAS);
    expect(DEMO_CANVAS.reach.organicReachRate).toBe(0.06);
    expect(DEMO_CANVAS.personas.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the program canvas', () => {
  let app: TestChorus;
  let token: string;
  let otherComms: string;
  let employeeToken: string;
  beforeAll(async () => {
    app = await startTestChorus();
    token = await signInAs(app, comms[0]!.id);
    otherComms = await signInAs(app, comms[1]!.id);
    employeeToken = await signInAs(app, employee!.id);
  });
  afterAll(() => app.close());

  const read = async (as = token) => {
    const res = await app.api('/api/admin/canvas', { token: as });
    expect(res.status).toBe(200);
    return (await res.json()) as CanvasView;
  };
  const put = (body: unknown, options: { as?: string; language?: string } = {}) =>
    app.api('/api/admin/canvas', {
      method: 'PUT',
      token: options.as ?? token,
      json: body,
      headers: { 'accept-language': options.language ?? 'en' },
    });

  it('is the defaults, version 0, until comms saves one', async () => {
    const view = await read();
    expect(view).toEqual({ canvas: DEFAULT_CANVAS, version: 0, updatedAt: null });
    expect(view.canvas.ambition.targetAmbassadors).toBe(8);
  });

  it('is for comms only', async () => {
    expect((await app.api('/api/admin/canvas', { token: employeeToken })).status).toBe(403);
    const res = await put({ canvas: filled(), baseVersion: 0 }, { as: employeeToken });
    expect(res.status).toBe(403);
    expect((await app.api('/api/admin/canvas')).status).toBe(401);
    expect((await read()).version).toBe(0);
  });

  it('refuses bad input, naming each field, in English and Danish, and saves nothing', async () => {
    const bad = filled();
    const body = {
      canvas: {
        ...bad,
        personas: [{ ...bad.personas[0]!, name: ' ' }],
        ambition: { ...bad.ambition, hoursPerWeek: 200 },
        design: { ...bad.design, curatedPercent: 120 },
        targets: { ...bad.targets, result: { ...bad.targets.result, shares: 1.5 } },
        reach: { organicReachRate: 2 },
      },
      baseVersion: 0,
    };
    const en = (await (await put(body)).json()) as Problems;
    expect(en.error.code).toBe('VALIDATION_FAILED');
    expect(en.error.problems).toEqual(
      expect.arrayContaining([
        { field: 'body.canvas.personas.0.name', message: 'give the target group a name' },
        { field: 'body.canvas.ambition.hoursPerWeek', message: 'a week has 168 hours' },
        { field: 'body.canvas.design.curatedPercent', message: 'at most 100 %' },
        { field: 'body.canvas.targets.result.shares', message: 'must be a whole number' },
        { field: 'body.canvas.reach.organicReachRate', message: 'a rate is between 0 and 1' },
      ]),
    );
    const res = await put(body, { language: 'da' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('da');
    const da = (await res.json()) as Problems;
    expect(da.error.message).toBe('anmodningens indhold har ugyldige felter');
    expect(da.error.problems).toEqual(
      expect.arrayContaining([
        { field: 'body.canvas.personas.0.name', message: 'giv målgruppen et navn' },
        { field: 'body.canvas.reach.organicReachRate', message: 'en andel er mellem 0 og 1' },
      ]),
    );
    const missing = (await (await put({ canvas: filled() })).json()) as Problems;
    expect(missing.error.problems).toEqual([{ field: 'body.baseVersion', message: 'is required' }]);
    expect(await read()).toEqual({ canvas: DEFAULT_CANVAS, version: 0, updatedAt: null });
  });

  it('saves what comms writes and reads it back, one version up', async () => {
    const res = await put({ canvas: filled(), baseVersion: 0 });
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = (await res.json()) as CanvasView;
    expect(saved.version).toBe(1);
    expect(saved.canvas).toEqual(filled());
    expect(saved.updatedAt).not.toBeNull();
    expect(await read()).toEqual(saved);
    // Another comms person sees the same canvas and may save on top of it.
    const next = { ...filled(), evp: ['Work that matters'] };
    const second = await put({ canvas: next, baseVersion: 1 }, { as: otherComms });
    expect(second.status).toBe(200);
    expect(((await second.json()) as CanvasView).version).toBe(2);
    expect((await read()).canvas.evp).toEqual(['Work that matters']);
  });

  it('refuses a save from a stale version with 409, in the caller’s language, and changes nothing', async () => {
    const before = await read();
    const stale = { canvas: { ...filled(), evp: ['Overwritten?'] }, baseVersion: before.version - 1 };
    const en = await put(stale);
    expect(en.status).toBe(409);
    const enBody = (await en.json()) as Problems;
    expect(enBody.error.code).toBe('CONFLICT');
    expect(enBody.error.message).toMatch(/someone else saved the canvas/);
    const da = await put(stale, { language: 'da' });
    expect(da.status).toBe(409);
    expect(((await da.json()) as Problems).error.message).toMatch(/en anden har gemt lærredet/);
    // A version from the future is just as stale.
    expect((await put({ ...stale, baseVersion: before.version + 5 })).status).toBe(409);
    expect(await read()).toEqual(before);
  });

  it('lets exactly one of two saves from the same version win', async () => {
    const { version } = await read();
    const results = await Promise.all(
      ['A', 'B'].map((n) => put({ canvas: { ...filled(), evp: [n] }, baseVersion: version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await read();
    expect(after.version).toBe(version + 1);
  });

  it('keeps each tenant’s canvas apart, and the demo seed keeps a canvas comms saved', async () => {
    const store = createCanvasStore(app.database.db);
    const other = `${app.tenantId}-other`;
    expect(await store.get(other)).toBeNull();
    await seedDemoCanvas({ canvas: store, clock: systemClock }, { tenantId: other });
    expect((await store.get(other))!.canvas).toEqual(DEMO_CANVAS);
    const ours = await read();
    await seedDemoCanvas({ canvas: store, clock: systemClock }, { tenantId: app.tenantId });
    expect(await read()).toEqual(ours);
    expect(ours.canvas).not.toEqual(DEMO_CANVAS);
  });
});

describe('the demo canvas in demo mode', () => {
  let app: TestChorus;
  // Seeding the whole demo takes a while on a busy machine.
  beforeAll(async () => {
    app = await startTestChorus({ DEMO_CONTENT: 'true' });
  }, 180_000);
  afterAll(() => app.close());

  it('is seeded for the demo company', async () => {
    const token = await signInAs(app, comms[0]!.id);
    const view = (await (await app.api('/api/admin/canvas', { token })).json()) as CanvasView;
    expect(view.canvas).toEqual(DEMO_CANVAS);
    expect(view.version).toBe(1);
  });
});
