import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { personWithTitle } from '../support/sharing';
import type { Dashboard } from '../../src/contracts/dashboard';
import {
  insertClicks,
  insertConversion,
  insertMember,
  insertShare,
  peopleOfDepartment,
} from './dashboard-fixtures';

// The CSV export of each dashboard table, and the member's own network size (new followers).

describe('dashboard export and stated network sizes', () => {
  let app: TestChorus;
  let comms = '';
  const [named, unnamed, notMember] = peopleOfDepartment(3);
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);

  const exportTable = (table: string, lang = 'en') =>
    app.api(`/api/admin/dashboard/export/${table}?days=7`, {
      token: comms,
      headers: { 'accept-language': lang },
    });

  beforeAll(async () => {
    app = await startTestChorus();
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
    const db = app.database.db;
    const t = app.tenantId;
    const item = await insertItem(db, t, { title: '=HYPERLINK("http://evil.example","Klik")' });
    await insertMember(db, t, named!.id, { joinedAt: new Date('2026-01-01'), showOnLeaderboard: true });
    await insertMember(db, t, unnamed!.id, { joinedAt: new Date('2026-01-01') });
    const a = await insertShare(db, t, {
      personId: named!.id,
      itemId: item,
      network: 'linkedin',
      at: yesterday,
    });
    const b = await insertShare(db, t, { personId: unnamed!.id, itemId: item, network: 'x', at: yesterday });
    await insertClicks(db, t, { code: a.code, itemId: item, personId: named!.id, network: 'linkedin' }, [
      { visitor: 'v1', at: yesterday },
      { visitor: 'v2', at: yesterday },
    ]);
    await insertConversion(db, t, {
      kind: 'application',
      at: yesterday,
      itemId: item,
      personId: named!.id,
      network: 'linkedin',
      code: a.code,
    });
    await insertConversion(db, t, {
      kind: 'conversion',
      at: yesterday,
      itemId: item,
      personId: unnamed!.id,
      network: 'x',
      code: b.code,
    });
  });
  afterAll(() => app.close());

  it('exports each table as a UTF-8 CSV attachment with the dashboard’s numbers', async () => {
    const dashboard = (await (
      await app.api('/api/admin/dashboard?days=7', { token: comms })
    ).json()) as Dashboard;
    for (const table of [
      'kpis',
      'daily',
      'networks',
      'top-content',
      'top-departments',
      'top-contributors',
      'funnel',
      'conversions',
    ]) {
      const res = await exportTable(`${table}.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="chorus-${table}-${dashboard.period.from}-to-${dashboard.period.to}.csv"`,
      );
      const bytes = new Uint8Array(await res.clone().arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const kpis = parseCsv(await (await exportTable('kpis.csv')).text());
    expect(kpis[0]!.cells).toEqual(['kpi', 'unit', 'value', 'previous', 'target', 'goal']);
    const shares = kpis.find((r) => r.cells[0] === 'shares')!.cells;
    expect(shares.slice(0, 4)).toEqual(['shares', 'count', '2', '0']);
    // Two members: active ambassadors is hidden, and stays blank.
    expect(kpis.find((r) => r.cells[0] === 'activeAmbassadors')!.cells[2]).toBe('');
    const daily = parseCsv(await (await exportTable('daily.csv')).text());
    expect(daily).toHaveLength(8);
    expect(daily.slice(1).reduce((n, r) => n + Number(r.cells[2]), 0)).toBe(2);
  });

  it('lists conversions, naming only ambassadors who opted in, and defuses formulas', async () => {
    const text = await (await exportTable('conversions.csv')).text();
    const rows = parseCsv(text);
    expect(rows[0]!.cells).toEqual([
      'external_id',
      'kind',
      'occurred_at',
      'item',
      'network',
      'campaign',
      'ambassador',
    ]);
    const byKind = new Map(rows.slice(1).map((r) => [r.cells[1], r.cells]));
    expect(byKind.get('application')![6]).toBe(named!.displayName);
    expect(byKind.get('conversion')![6]).toBe('');
    expect(byKind.get('application')![3]).toBe(`'=HYPERLINK("http://evil.example","Klik")`);
    expect(text).not.toContain(unnamed!.displayName);
    const content = await (await exportTable('top-content.csv')).text();
    expect(content).toContain(`"'=HYPERLINK(""http://evil.example"",""Klik"")"`);
  });

  it('refuses an unknown table with a clear 400, and anyone but comms', async () => {
    const res = await exportTable('salaries.csv');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems[0]!.field).toBe('params.table');
    expect(body.error.problems[0]!.message).toContain('top-content');
    const member = await signInAs(app, named!.id);
    expect((await app.api('/api/admin/dashboard/export/kpis.csv', { token: member })).status).toBe(403);
  });

  it('records a member’s stated network size; positive changes are new followers', async () => {
    const token = await signInAs(app, unnamed!.id);
    const put = (networkSize: unknown, who = token) =>
      app.api('/api/me/network-size', { method: 'PUT', token: who, json: { networkSize } });
    expect(await (await put(300)).json()).toEqual({ networkSize: 300 });
    expect((await put(450)).status).toBe(200);
    expect((await put(400)).status).toBe(200);
    const d = (await (await app.api('/api/admin/dashboard?days=7', { token: comms })).json()) as Dashboard;
    // The first statement is the baseline; then +150 and −50: 150 new followers.
    expect(d.kpis.find((k) => k.key === 'followers')!.value).toBe(150);

    const bad = await app.api('/api/me/network-size', {
      method: 'PUT',
      token,
      json: { networkSize: -3 },
      headers: { 'accept-language': 'da' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { problems: unknown[] } }).error.problems).toEqual([
      { field: 'body.networkSize', message: 'skriv hvor mange der følger dig som et helt tal, 0 eller mere' },
    ]);
    const outsider = await signInAs(app, notMember!.id);
    expect((await put(10, outsider)).status).toBe(409);
    const after = (await (
      await app.api('/api/admin/dashboard?days=7', { token: comms })
    ).json()) as Dashboard;
    expect(after.kpis.find((k) => k.key === 'followers')!.value).toBe(150);
  });
});
