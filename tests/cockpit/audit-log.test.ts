import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, CanvasView } from '../../src/contracts';
import { createAuditLogStore } from '../../src/db/audit-log-store';
import { DEFAULT_CANVAS } from '../../src/domain/canvas';
import { csvCell, writeCsv } from '../../src/domain/csv';
import { demoApprovers, demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { employees } from '../support/sharing';

const org = generateDemoOrg();
const byUpn = (upns: string[]) => org.filter((p) => upns.includes(p.userPrincipalName!.toLowerCase()));
const comms = byUpn(demoCommsAdmins(org))[0]!;
const approver = byUpn(demoApprovers(org)).find((p) => p.id !== comms.id)!;
const [employee] = employees(1);

const COACH = {
  companyName: 'Nordlys Energi',
  blockedTerms: ['Kunde A/S'],
  requiredHashtags: ['#NordlysEnergi'],
  tone: 'du',
  emojiPolicy: 'sparing',
  companyDomains: ['nordlys.dk'],
};

describe('neutralising CSV cells', () => {
  it('puts an apostrophe before = + - @ and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+45 1234')).toBe("'+45 1234");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('Æble')).toBe('Æble');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(writeCsv(['a', 'b'], [['1', null]])).toBe('\uFEFFa,b\r\n1,\r\n');
  });
});

describe('the audit log', () => {
  let app: TestChorus;
  let commsToken: string;
  let approverToken: string;
  let employeeToken: string;
  let started: Date;
  beforeAll(async () => {
    app = await startTestChorus();
    commsToken = await signInAs(app, comms.id);
    approverToken = await signInAs(app, approver.id);
    employeeToken = await signInAs(app, employee!.id);
    started = new Date(Date.now() - 1000);
  });
  afterAll(() => app.close());

  const page = async (query = '') => {
    const res = await app.api(`/api/admin/audit${query}`, { token: commsToken });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as AuditPage;
  };
  const newest = async () => (await page()).entries[0]!;
  const expectRecent = (at: string) => {
    expect(new Date(at).getTime()).toBeGreaterThanOrEqual(started.getTime());
    expect(new Date(at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  };

  it('starts empty, and is for comms only', async () => {
    expect(await page()).toEqual({ entries: [], nextCursor: null });
    expect((await app.api('/api/admin/audit', { token: employeeToken })).status).toBe(403);
    expect((await app.api('/api/admin/audit.csv', { token: employeeToken })).status).toBe(403);
    expect((await app.api('/api/admin/audit.csv')).status).toBe(401);
  });

  it('records a canvas save: who, when, the version and which sections changed, not their text', async () => {
    const canvas = { ...DEFAULT_CANVAS, evp: ['Secret plan for Kunde A/S'] };
    const res = await app.api('/api/admin/canvas', {
      method: 'PUT',
      token: commsToken,
      json: { canvas, baseVersion: 0 },
    });
    expect(res.status).toBe(200);
    const entry = await newest();
    expect(entry).toMatchObject({
      actorName: comms.displayName,
      action: 'canvas.updated',
      subject: 'version 1',
      data: { version: 1, changed: ['evp'] },
    });
    expectRecent(entry.at);
    expect(JSON.stringify(entry)).not.toContain('Secret plan');
    // A refused save (stale version) records nothing.
    const stale = await app.api('/api/admin/canvas', {
      method: 'PUT',
      token: commsToken,
      json: { canvas, baseVersion: 0 },
    });
    expect(stale.status).toBe(409);
    expect((await newest()).id).toBe(entry.id);
    expect(
      ((await (await app.api('/api/admin/canvas', { token: commsToken })).json()) as CanvasView).version,
    ).toBe(1);
  });

  it('records a coach settings update with the changed settings, not their values', async () => {
    const res = await app.api('/api/admin/coach-settings', { method: 'PUT', token: commsToken, json: COACH });
    expect(res.status).toBe(200);
    const entry = await newest();
    expect(entry).toMatchObject({ actorName: comms.displayName, action: 'coach_settings.updated' });
    expect(entry.data['changed']).toEqual(
      expect.arrayContaining(['companyName', 'blockedTerms', 'requiredHashtags', 'companyDomains']),
    );
    expect(entry.data['changed']).not.toContain('tone');
    expect(entry.data['changed']).not.toContain('disclosureMarks');
    expect(JSON.stringify(entry.data)).not.toContain('Kunde A/S');
    expectRecent(entry.at);
  });

  it('records a new version of the guidelines', async () => {
    const res = await app.api('/api/program/guidelines', {
      method: 'PUT',
      token: commsToken,
      json: { bodyDa: 'Del aldrig fortrolige ting.', bodyEn: 'Never share confidential things.' },
    });
    expect(res.status).toBe(200);
    const version = ((await res.json()) as { version: number }).version;
    const entry = await newest();
    expect(entry).toMatchObject({
      actorName: comms.displayName,
      action: 'program.guidelines.updated',
      data: { kind: 'guidelines', version },
    });
    expectRecent(entry.at);
  });

  it('records approving and rejecting content, by the approver', async () => {
    const approved = await insertItem(app.database.db, app.tenantId, { status: 'in_review' });
    const rejected = await insertItem(app.database.db, app.tenantId, { status: 'in_review' });
    expect(
      (await app.api(`/api/content/${approved}/approve`, { method: 'POST', token: approverToken })).status,
    ).toBe(200);
    const reject = await app.api(`/api/content/${rejected}/reject`, {
      method: 'POST',
      token: approverToken,
      json: { note: 'Ask Bo Hansen about the photo' },
    });
    expect(reject.status).toBe(200);
    const [last, before] = (await page()).entries;
    expect(before).toMatchObject({
      actorName: approver.displayName,
      action: 'content.approved',
      subject: approved,
    });
    expect(last).toMatchObject({
      actorName: approver.displayName,
      action: 'content.rejected',
      subject: rejected,
    });
    expect(JSON.stringify(last)).not.toContain('Bo Hansen');
  });

  it('pages newest first with a cursor, and refuses a made-up cursor', async () => {
    const all = (await page('?limit=200')).entries;
    expect(all.length).toBe(5);
    const ids = all.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const first = await page('?limit=2');
    expect(first.entries.map((e) => e.id)).toEqual(ids.slice(0, 2));
    const second = await page(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.entries.map((e) => e.id)).toEqual(ids.slice(2, 4));
    const third = await page(`?limit=2&cursor=${second.nextCursor}`);
    expect(third).toEqual({ entries: [all[4]], nextCursor: null });

    const bad = await app.api('/api/admin/audit?cursor=abc', {
      token: commsToken,
      headers: { 'accept-language': 'da' },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems).toEqual([
      { field: 'query.cursor', message: 'audit-cursoren er nextCursor fra den forrige side' },
    ]);
  });

  it('keeps each tenant’s log apart', async () => {
    const store = createAuditLogStore(app.database.db);
    await store.append(`${app.tenantId}-other`, {
      actorId: comms.id,
      action: 'canvas.updated',
      subject: 'other tenant',
      data: {},
      at: new Date(),
    });
    expect((await page('?limit=200')).entries.map((e) => e.subject)).not.toContain('other tenant');
  });

  it('exports as CSV with a BOM, every entry, and formulas neutralised', async () => {
    // What a hostile subject could look like if one ever reached the log.
    await createAuditLogStore(app.database.db).append(app.tenantId, {
      actorId: null,
      action: 'test.formula',
      subject: '=HYPERLINK("http://evil.example","click")',
      data: { note: '@SUM(1)' },
      at: new Date(),
    });
    const res = await app.api('/api/admin/audit.csv', { token: commsToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,subject,data');
    expect(lines).toHaveLength(1 + 6);
    expect(lines[1]).toContain(`,test.formula,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(lines[1]).not.toMatch(/,=/);
    expect(lines.some((l) => l.includes(`,${comms.displayName},canvas.updated,`))).toBe(true);
  });
});
