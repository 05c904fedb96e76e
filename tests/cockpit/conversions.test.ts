import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversions, tenantSecrets } from '../../src/db/schema';
import { CONVERSIONS_KEY_SECRET } from '../../src/db/conversion-store';
import { hashConversionKey } from '../../src/services/conversion-key';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { personWithTitle } from '../support/sharing';
import { insertMember, insertShare, peopleOfDepartment } from './dashboard-fixtures';

interface ErrorBody {
  error: { code: string; message: string; problems?: { field: string; message: string }[] };
}

describe('conversions: the career site’s endpoint, the key, and the CSV import', () => {
  let app: TestChorus;
  let comms = '';
  let key = '';
  let itemId = '';
  let code = '';
  const [anna, bo] = peopleOfDepartment(2);

  const stored = async () =>
    app.database.db.select().from(conversions).where(eq(conversions.tenantId, app.tenantId));
  const report = (json: unknown, authorization: string | null = `Bearer ${key}`, lang = 'en') =>
    app.api('/api/conversions', {
      method: 'POST',
      json,
      headers: { ...(authorization ? { authorization } : {}), 'accept-language': lang },
    });
  const importCsv = (csv: string, lang = 'en') =>
    app.api('/api/admin/conversions/import', {
      method: 'POST',
      token: comms,
      body: csv,
      headers: { 'content-type': 'text/csv', 'accept-language': lang },
    });

  beforeAll(async () => {
    app = await startTestChorus();
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
    const db = app.database.db;
    itemId = await insertItem(db, app.tenantId, { title: 'Vi søger montører i Esbjerg' });
    await insertMember(db, app.tenantId, anna!.id, { joinedAt: new Date('2026-01-01T00:00:00Z') });
    code = (
      await insertShare(db, app.tenantId, { personId: anna!.id, itemId, network: 'linkedin', at: new Date() })
    ).code;
  });
  afterAll(() => app.close());

  it('lets comms make a key, shown once; the status never shows it', async () => {
    const before = await app.api('/api/admin/conversions/key', { token: comms });
    expect(await before.json()).toEqual({ exists: false, createdAt: null });
    const made = await app.api('/api/admin/conversions/key/rotate', { method: 'POST', token: comms });
    expect(made.status).toBe(201);
    key = ((await made.json()) as { key: string }).key;
    expect(key).toMatch(/^chc_[\w-]{43}$/);
    const status = (await (await app.api('/api/admin/conversions/key', { token: comms })).json()) as {
      exists: boolean;
      createdAt: string;
    };
    expect(status.exists).toBe(true);
    expect(JSON.stringify(status)).not.toContain(key);
    // Only the hash is stored.
    const secret = await app.database.db
      .select()
      .from(tenantSecrets)
      .where(and(eq(tenantSecrets.tenantId, app.tenantId), eq(tenantSecrets.name, CONVERSIONS_KEY_SECRET)));
    expect(secret[0]!.value).toBe(hashConversionKey(key));
    expect(secret[0]!.value).not.toContain(key);
    const member = await signInAs(app, bo!.id);
    expect((await app.api('/api/admin/conversions/key', { token: member })).status).toBe(403);
    expect(
      (await app.api('/api/admin/conversions/key/rotate', { method: 'POST', token: member })).status,
    ).toBe(403);
  });

  it('refuses a missing, wrong or other tenant’s key with 401, storing nothing', async () => {
    const body = { externalId: 'auth-1', kind: 'application', code };
    // Another tenant's key: its hash sits in the same table, under the other tenant.
    const otherKey = 'chc_other-tenant-key';
    await app.database.db
      .insert(tenantSecrets)
      .values({ tenantId: 'other-tenant', name: CONVERSIONS_KEY_SECRET, value: hashConversionKey(otherKey) });
    for (const authorization of [null, 'Bearer', `Bearer ${key}x`, `Basic ${key}`, `Bearer ${otherKey}`]) {
      const res = await report(body, authorization);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
    }
    expect(await stored()).toHaveLength(0);
  });

  it('answers bad input with 400 naming each field, in the caller’s language, storing nothing', async () => {
    const res = await report({ kind: 'sale', occurredAt: 'yesterday', extra: 1 }, `Bearer ${key}`, 'da');
    expect(res.status).toBe(400);
    const problems = ((await res.json()) as ErrorBody).error.problems!;
    const fields = problems.map((p) => p.field).sort();
    expect(fields).toEqual(['body', 'body.externalId', 'body.kind', 'body.occurredAt']);
    expect(problems.find((p) => p.field === 'body.kind')!.message).toBe(
      "kind skal være 'application' eller 'conversion'",
    );
    expect(await stored()).toHaveLength(0);
  });

  it('attributes a code to item, ambassador, network and campaign; once per external id', async () => {
    const first = await report({
      externalId: 'app-1',
      kind: 'application',
      code,
      occurredAt: '2026-03-01T10:00:00Z',
    });
    expect(first.status).toBe(201);
    const view = await first.json();
    expect(view).toEqual({
      externalId: 'app-1',
      kind: 'application',
      attributed: true,
      itemId,
      network: 'linkedin',
      campaign: 'vi-soeger-montoerer-i-esbjerg',
      occurredAt: '2026-03-01T10:00:00.000Z',
    });
    const again = await report({ externalId: 'app-1', kind: 'conversion', code: 'different' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(view);
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ personId: anna!.id, itemId, network: 'linkedin', source: 'api', code });

    // utm_content is the code too; utm_campaign is kept as the site saw it.
    const viaUtm = await report({
      externalId: 'c-2',
      kind: 'conversion',
      utmContent: code,
      utmCampaign: 'spring',
    });
    expect(await viaUtm.json()).toMatchObject({ attributed: true, itemId, campaign: 'spring' });
    // An unknown code is stored, unattributed.
    const unknown = await report({ externalId: 'c-3', kind: 'conversion', code: 'NoSuchCode1' });
    expect(unknown.status).toBe(201);
    expect(await unknown.json()).toMatchObject({
      attributed: false,
      itemId: null,
      network: null,
      campaign: null,
    });
  });

  it('stops accepting the old key once it is rotated', async () => {
    const old = key;
    const made = await app.api('/api/admin/conversions/key/rotate', { method: 'POST', token: comms });
    key = ((await made.json()) as { key: string }).key;
    expect((await report({ externalId: 'r-1', kind: 'application' }, `Bearer ${old}`)).status).toBe(401);
    expect((await report({ externalId: 'r-1', kind: 'application' })).status).toBe(201);
  });

  it('imports a CSV file, attributing codes; a re-import changes nothing', async () => {
    const csv = [
      'external_id,kind,code,occurred_at,utm_campaign',
      `csv-1,application,${code},2026-03-02T08:00:00Z,`,
      'csv-2,conversion,,2026-03-03T08:00:00+01:00,newsletter',
      '"csv-3",application,NoSuchCode1,2026-03-04T08:00:00Z,',
      '',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ imported: 3, alreadyStored: 0 });
    const rows = (await stored()).filter((r) => r.externalId.startsWith('csv-'));
    expect(rows.map((r) => [r.externalId, r.itemId, r.personId, r.campaign, r.source]).sort()).toEqual([
      ['csv-1', itemId, anna!.id, 'vi-soeger-montoerer-i-esbjerg', 'csv'],
      ['csv-2', null, null, 'newsletter', 'csv'],
      ['csv-3', null, null, null, 'csv'],
    ]);
    expect(await (await importCsv(csv)).json()).toEqual({ imported: 0, alreadyStored: 3 });
  });

  it('reports every bad line with its number, in the caller’s language, and imports nothing', async () => {
    const before = (await stored()).length;
    const csv = [
      'external_id,kind,utm_content,occurred_at',
      'bad-1,application,,2026-03-02T08:00:00Z',
      'bad-2,sale,,2026-03-02T08:00:00Z',
      'bad-3,application,,2. marts',
      'bad-1,conversion,,2026-03-02T08:00:00Z',
      'bad-5,application',
    ].join('\n');
    const res = await importCsv(csv, 'da');
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toBe('intet blev importeret: 4 linjer har fejl');
    expect(body.error.problems).toEqual([
      { field: 'line 3.kind', message: "kind skal være 'application' eller 'conversion'" },
      {
        field: 'line 4.occurred_at',
        message: 'skriv tidspunktet som ISO 8601 med tidszone, fx 2026-03-01T12:00:00Z',
      },
      { field: 'line 5.external_id', message: 'dette external_id står allerede på linje 2' },
      { field: 'line 6', message: 'har 2 celler; overskriften har 4' },
    ]);
    expect(await stored()).toHaveLength(before);

    const noHeader = await importCsv('csv-9,application,,2026-03-02T08:00:00Z\n');
    expect(noHeader.status).toBe(400);
    expect(((await noHeader.json()) as ErrorBody).error.message).toContain(
      'missing: external_id, kind, occurred_at',
    );
    const asJson = await app.api('/api/admin/conversions/import', {
      method: 'POST',
      token: comms,
      json: { a: 1 },
    });
    expect(asJson.status).toBe(415);
    const member = await signInAs(app, bo!.id);
    const forbidden = await app.api('/api/admin/conversions/import', {
      method: 'POST',
      token: member,
      body: 'external_id,kind,code,occurred_at\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(forbidden.status).toBe(403);
    expect(await stored()).toHaveLength(before);
    const count = await app.database.db.execute(
      sql`select count(*)::int as n from conversions where tenant_id = ${app.tenantId}`,
    );
    expect((count as { rows: { n: number }[] }).rows[0]!.n).toBe(before);
  });
});
