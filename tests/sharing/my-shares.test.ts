import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { employees, joinAs } from '../support/sharing';

interface MyShares {
  shares: {
    shareId: string;
    itemId: string;
    title: string;
    network: string;
    sharedAt: string;
    postUrl: string | null;
    reactions: number | null;
    comments: number | null;
  }[];
}

describe('My shares: recording reactions and comments later', () => {
  let app: TestChorus;
  const [anna, bo] = employees(2, 20);
  let tokenA = '';
  let tokenB = '';
  let itemId = '';

  const myShares = async (token: string) => {
    const res = await app.api('/api/me/shares', { token });
    expect(res.status).toBe(200);
    return (await res.json()) as MyShares;
  };

  beforeAll(async () => {
    app = await startTestChorus();
    tokenA = await joinAs(app, anna!.id);
    tokenB = await joinAs(app, bo!.id);
    itemId = await insertItem(app.database.db, app.tenantId, { title: 'Havvind' });
  });
  afterAll(() => app.close());

  it('lists the caller’s own shared posts, takes feedback later, and hides them from others', async () => {
    // A prepared share that was never posted is not listed.
    const prepared = (await (
      await app.api(`/api/library/${itemId}/share`, { method: 'POST', token: tokenA, json: { network: 'x' } })
    ).json()) as { shareId: string };
    expect((await myShares(tokenA)).shares).toEqual([]);

    const shared = (await (
      await app.api(`/api/library/${itemId}/share`, {
        method: 'POST',
        token: tokenA,
        json: { network: 'linkedin' },
      })
    ).json()) as { shareId: string };
    const done = await app.api(`/api/shares/${shared.shareId}/complete`, {
      method: 'POST',
      token: tokenA,
      json: { text: 'Se her', via: 'confirmed' },
    });
    expect(done.status).toBe(200);

    const before = await myShares(tokenA);
    expect(before.shares).toHaveLength(1);
    expect(before.shares[0]).toMatchObject({
      shareId: shared.shareId,
      itemId,
      title: 'Havvind',
      network: 'linkedin',
      postUrl: null,
      reactions: null,
      comments: null,
    });
    expect(Number.isNaN(Date.parse(before.shares[0]!.sharedAt))).toBe(false);
    expect(before.shares.some((s) => s.shareId === prepared.shareId)).toBe(false);

    const patched = await app.api(`/api/shares/${shared.shareId}`, {
      method: 'PATCH',
      token: tokenA,
      json: { reactions: 12, comments: 3 },
    });
    expect(patched.status).toBe(200);

    const after = await myShares(tokenA);
    expect(after.shares[0]).toMatchObject({ shareId: shared.shareId, reactions: 12, comments: 3 });
    const impact = (await (await app.api('/api/me/impact', { token: tokenA })).json()) as {
      totals: { reactions: number; comments: number };
    };
    expect(impact.totals).toMatchObject({ reactions: 12, comments: 3 });

    // Someone else never sees it.
    expect((await myShares(tokenB)).shares).toEqual([]);
  });

  it('needs a signed-in employee', async () => {
    const res = await app.api('/api/me/shares');
    expect(res.status).toBe(401);
  });
});
