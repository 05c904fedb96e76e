import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { BROWSER_UA, employees, joinAs } from '../support/sharing';
import { insertShare } from '../cockpit/dashboard-fixtures';

interface Export {
  generatedAt: string;
  personId: string;
  sections: Record<string, Record<string, unknown>[]>;
}

describe('an ambassador downloads all data Chorus holds about them', () => {
  let app: TestChorus;
  const [anna, bo] = employees(2);
  let annaToken = '';
  let annaCode = '';

  beforeAll(async () => {
    app = await startTestChorus();
    annaToken = await joinAs(app, anna!.id);
    await joinAs(app, bo!.id);
    const db = app.database.db;
    const itemId = await insertItem(db, app.tenantId, { title: 'Nyt havvindprojekt' });
    annaCode = (
      await insertShare(db, app.tenantId, { personId: anna!.id, itemId, network: 'linkedin', at: new Date() })
    ).code;
    await insertShare(db, app.tenantId, { personId: bo!.id, itemId, network: 'x', at: new Date() });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${app.url}/r/${annaCode}`, {
        redirect: 'manual',
        headers: { 'user-agent': BROWSER_UA },
      });
      expect(res.status).toBe(302);
    }
  });
  afterAll(() => app.close());

  const download = async (token: string) => {
    const res = await app.api('/api/me/export', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="chorus-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as Export;
  };

  it('holds their directory record, membership, consent, shares and clicks, and nobody else’s', async () => {
    const data = await download(annaToken);
    expect(data.personId).toBe(anna!.id);
    expect(data.sections['directory']).toEqual([
      expect.objectContaining({ display_name: anna!.displayName }),
    ]);
    expect(data.sections['membership']).toEqual([
      expect.objectContaining({ networks: ['linkedin'], topics: ['events'] }),
    ]);
    expect(data.sections['consents']).toHaveLength(1);
    expect(data.sections['shares']).toEqual([
      expect.objectContaining({ item_title: 'Nyt havvindprojekt', network: 'linkedin', status: 'shared' }),
    ]);
    expect(data.sections['trackedLinks']?.map((l) => l['code'])).toEqual([annaCode]);
    expect(data.sections['clicksPerLinkAndDay']).toEqual([
      expect.objectContaining({ code: annaCode, clicks: 2 }),
    ]);
    // No visitor keys, and nothing of Bo's.
    expect(JSON.stringify(data)).not.toMatch(/visitor_key/);
    expect(JSON.stringify(data)).not.toContain(bo!.id);
    expect(JSON.stringify(data)).not.toContain(bo!.displayName);
  });

  it('needs a signed-in person', async () => {
    expect((await app.api('/api/me/export')).status).toBe(401);
  });

  it('after leaving, holds no membership, consent, shares or links of theirs any more', async () => {
    const left = await app.api('/api/membership', { method: 'DELETE', token: annaToken });
    expect(left.status).toBeLessThan(300);
    const data = await download(annaToken);
    expect(data.sections['membership']).toEqual([]);
    expect(data.sections['consents']).toEqual([]);
    expect(data.sections['shares']).toEqual([]);
    expect(data.sections['trackedLinks']).toEqual([]);
    expect(data.sections['clicksPerLinkAndDay']).toEqual([]);
    // The directory record is the organisation's, synced from Entra, so it is still there.
    expect(data.sections['directory']).toHaveLength(1);
  });
});
