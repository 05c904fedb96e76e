import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentItems, shares, trackedLinks } from '../../src/db/schema';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { employees, joinAs } from '../support/sharing';

interface Preparation {
  shareId: string;
  itemId: string;
  network: string;
  trackedUrl: string;
  caption: string;
  variantPosition: number;
  variantCount: number;
  advertising: boolean;
  limit: number;
  imageUrl: string | null;
  status: string;
}
interface Completed {
  shareId: string;
  status: string;
  recorded: boolean;
  text: string;
  disclosure: { added: boolean; warnings: string[] };
  intent: { url: string | null; fallbackUrl: string | null; manual: boolean };
}
interface ApiErrorBody {
  error: { code: string; message: string; problems?: { field: string; message: string }[] };
}

describe('the share flow', () => {
  let app: TestChorus;
  const [anna, bo, carl, dina] = employees(4);
  let tokenA = '';
  let tokenB = '';
  let tokenC = '';
  let tokenOutsider = '';
  let itemId = '';

  beforeAll(async () => {
    app = await startTestChorus();
    tokenA = await joinAs(app, anna!.id);
    tokenB = await joinAs(app, bo!.id);
    tokenC = await joinAs(app, carl!.id);
    tokenOutsider = await signInAs(app, dina!.id);
    itemId = await insertItem(app.database.db, app.tenantId, {
      imageUrl: 'https://nordlys.example/park.jpg',
    });
  });
  afterAll(() => app.close());

  const prepare = (token: string, id: string, network: string) =>
    app.api(`/api/library/${id}/share`, { method: 'POST', token, json: { network } });
  const prepared = async (token: string, id: string, network: string) => {
    const res = await prepare(token, id, network);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Preparation;
  };
  const complete = (token: string, shareId: string, body: Record<string, unknown>) =>
    app.api(`/api/shares/${shareId}/complete`, { method: 'POST', token, json: body });
  const shareCount = async (id: string) => {
    const rows = await app.database.db
      .select({ n: contentItems.shareCount })
      .from(contentItems)
      .where(and(eq(contentItems.tenantId, app.tenantId), eq(contentItems.id, id)));
    return rows[0]!.n;
  };
  const shareRow = async (shareId: string) => {
    const rows = await app.database.db
      .select()
      .from(shares)
      .where(and(eq(shares.tenantId, app.tenantId), eq(shares.id, shareId)));
    return rows[0]!;
  };

  it('hands different ambassadors different caption variants, each with the marking first', async () => {
    const a = await prepared(tokenA, itemId, 'linkedin');
    const b = await prepared(tokenB, itemId, 'linkedin');
    const c = await prepared(tokenC, itemId, 'linkedin');
    expect(new Set([a.variantPosition, b.variantPosition, c.variantPosition]).size).toBe(3);
    expect(a.variantCount).toBe(3);
    for (const p of [a, b, c]) {
      expect(p.caption).toMatch(/^Reklame: /);
      expect(p.advertising).toBe(true);
      expect(p.limit).toBe(3000);
      expect(p.status).toBe('prepared');
      expect(p.imageUrl).toBe('https://nordlys.example/park.jpg');
      expect(p.trackedUrl).toMatch(new RegExp(`^${app.config.publicUrl}/r/[0-9A-Za-z]{10}$`));
    }
    expect(new Set([a.trackedUrl, b.trackedUrl, c.trackedUrl]).size).toBe(3);
  });

  it('still hands out different variants when ambassadors open the dialog at the same moment', async () => {
    const fresh = await insertItem(app.database.db, app.tenantId);
    const all = await Promise.all([tokenA, tokenB, tokenC].map((t) => prepared(t, fresh, 'linkedin')));
    expect(new Set(all.map((p) => p.variantPosition)).size).toBe(3);
    // A double click opens one share and one link, not two.
    const twice = await Promise.all([prepared(tokenA, fresh, 'x'), prepared(tokenA, fresh, 'x')]);
    expect(twice[0].shareId).toBe(twice[1].shareId);
    expect(twice[0].trackedUrl).toBe(twice[1].trackedUrl);
  });

  it('gives the same person the same variant, link and open share again; another network another link', async () => {
    const first = await prepared(tokenA, itemId, 'linkedin');
    const again = await prepared(tokenA, itemId, 'linkedin');
    expect(again.shareId).toBe(first.shareId);
    expect(again.trackedUrl).toBe(first.trackedUrl);
    expect(again.variantPosition).toBe(first.variantPosition);
    const onX = await prepared(tokenA, itemId, 'x');
    expect(onX.trackedUrl).not.toBe(first.trackedUrl);
    expect(onX.variantPosition).toBe(first.variantPosition);
    expect(onX.limit).toBe(280);
    const links = await app.database.db
      .select()
      .from(trackedLinks)
      .where(
        and(
          eq(trackedLinks.tenantId, app.tenantId),
          eq(trackedLinks.personId, anna!.id),
          eq(trackedLinks.itemId, itemId),
        ),
      );
    expect(links).toHaveLength(2);
  });

  it('puts the marking first and opens LinkedIn with the marked text and the tracked link', async () => {
    const p = await prepared(tokenA, itemId, 'linkedin');
    const res = await complete(tokenA, p.shareId, {
      text: 'Vi åbner en ny park, og jeg er stolt af holdet #reklame',
      via: 'intent',
    });
    expect(res.status).toBe(200);
    const done = (await res.json()) as Completed;
    expect(done.recorded).toBe(true);
    expect(done.status).toBe('shared');
    expect(done.text).toBe('Reklame: Vi åbner en ny park, og jeg er stolt af holdet #reklame');
    expect(done.disclosure).toEqual({ added: true, warnings: ['MARK_MISPLACED'] });
    const intent = new URL(done.intent.url!);
    expect(`${intent.origin}${intent.pathname}`).toBe('https://www.linkedin.com/feed/');
    expect(intent.searchParams.get('shareActive')).toBe('true');
    expect(intent.searchParams.get('text')).toBe(`${done.text}\n${p.trackedUrl}`);
    expect(done.intent.fallbackUrl).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(p.trackedUrl)}`,
    );
    expect(done.intent.manual).toBe(false);
    expect(await shareCount(itemId)).toBe(1);
  });

  it('records a share once when the person both follows the intent and says "I posted it"', async () => {
    const p = await prepared(tokenA, itemId, 'linkedin');
    // The share above is recorded, so a new dialog opens a new share.
    expect((await shareRow(p.shareId)).status).toBe('prepared');
    const first = (await (
      await complete(tokenA, p.shareId, { text: 'Flot!', via: 'intent' })
    ).json()) as Completed;
    const second = await complete(tokenA, p.shareId, {
      text: 'Flot!',
      via: 'confirmed',
      postUrl: 'https://www.linkedin.com/posts/anna-123',
    });
    expect(second.status).toBe(200);
    const secondBody = (await second.json()) as Completed;
    expect([first.recorded, secondBody.recorded]).toEqual([true, false]);
    expect(await shareCount(itemId)).toBe(2);
    expect((await shareRow(p.shareId)).postUrl).toBe('https://www.linkedin.com/posts/anna-123');
  });

  it('records exactly one of two completes sent at the same moment', async () => {
    const p = await prepared(tokenB, itemId, 'linkedin');
    const before = await shareCount(itemId);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        complete(tokenB, p.shareId, { text: 'Se her', via: i % 2 ? 'intent' : 'confirmed' }).then(
          async (r) => ({ status: r.status, body: (await r.json()) as Completed }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((r) => r.body.recorded)).toHaveLength(1);
    expect(await shareCount(itemId)).toBe(before + 1);
  });

  it('refuses a caption over X’s limit with the tracked link, naming the limit, and records nothing', async () => {
    const p = await prepared(tokenC, itemId, 'x');
    const before = await shareCount(itemId);
    // 250 characters + "Reklame: " (9) + a space and the link (X counts 23) = 283 > 280.
    const res = await complete(tokenC, p.shareId, { text: 'a'.repeat(250), via: 'intent' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/280/);
    expect(body.error.message).toMatch(/X/);
    expect((await shareRow(p.shareId)).status).toBe('prepared');
    expect(await shareCount(itemId)).toBe(before);
    // Just within the limit: 247 + 9 + 1 + 23 = 280.
    const ok = await complete(tokenC, p.shareId, { text: 'a'.repeat(247), via: 'intent' });
    expect(ok.status).toBe(200);
    const done = (await ok.json()) as Completed;
    const intent = new URL(done.intent.url!);
    expect(intent.origin + intent.pathname).toBe('https://x.com/intent/tweet');
    expect(intent.searchParams.get('url')).toBe(p.trackedUrl);
    expect(intent.searchParams.get('text')).toBe(done.text);
  });

  it('gives Facebook the sharer with the link, and Instagram the manual path', async () => {
    const fb = await prepared(tokenC, itemId, 'facebook');
    const fbDone = (await (
      await complete(tokenC, fb.shareId, { text: 'Se', via: 'intent' })
    ).json()) as Completed;
    expect(fbDone.intent.url).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(fb.trackedUrl)}`,
    );
    const ig = await prepared(tokenC, itemId, 'instagram');
    expect(ig.limit).toBe(2200);
    const igDone = (await (
      await complete(tokenC, ig.shareId, {
        text: 'Se',
        via: 'confirmed',
        postUrl: 'https://www.instagram.com/p/abc/',
      })
    ).json()) as Completed;
    expect(igDone.intent).toEqual({ url: null, fallbackUrl: null, manual: true });
    expect((await shareRow(ig.shareId)).postUrl).toBe('https://www.instagram.com/p/abc/');
  });

  it('does not add a second marking when the text starts with one', async () => {
    const p = await prepared(tokenB, itemId, 'facebook');
    const done = (await (
      await complete(tokenB, p.shareId, { text: 'Annonce: vores nye park', via: 'confirmed' })
    ).json()) as Completed;
    expect(done.text).toBe('Annonce: vores nye park');
    expect(done.disclosure.added).toBe(false);
  });

  it('refuses a person who is not an ambassador, with a clear message', async () => {
    const res = await prepare(tokenOutsider, itemId, 'linkedin');
    expect(res.status).toBe(403);
    const body = (await res.json()) as ApiErrorBody;
    expect(body.error.message).toMatch(/ambassador/);
  });

  it('refuses items that are not approved, not yet valid, expired or archived, and records nothing', async () => {
    const db = app.database.db;
    const day = 86_400_000;
    const refused = [
      await insertItem(db, app.tenantId, { status: 'in_review' }),
      await insertItem(db, app.tenantId, { status: 'draft' }),
      await insertItem(db, app.tenantId, { status: 'archived' }),
      await insertItem(db, app.tenantId, { validTo: new Date(Date.now() - day) }),
      await insertItem(db, app.tenantId, { validFrom: new Date(Date.now() + day) }),
    ];
    for (const id of refused) {
      const res = await prepare(tokenA, id, 'linkedin');
      expect(res.status, id).toBe(403);
      expect(((await res.json()) as ApiErrorBody).error.message).toMatch(/not available to share/);
      const links = await db
        .select()
        .from(trackedLinks)
        .where(and(eq(trackedLinks.tenantId, app.tenantId), eq(trackedLinks.itemId, id)));
      const rows = await db
        .select()
        .from(shares)
        .where(and(eq(shares.tenantId, app.tenantId), eq(shares.itemId, id)));
      expect([links.length, rows.length]).toEqual([0, 0]);
    }
    // Evergreen items do not expire.
    const evergreen = await insertItem(db, app.tenantId, {
      validTo: new Date(Date.now() - day),
      evergreen: true,
    });
    expect((await prepare(tokenA, evergreen, 'linkedin')).status).toBe(200);
  });

  it('refuses to complete a share once its item was archived, recording nothing', async () => {
    const id = await insertItem(app.database.db, app.tenantId);
    const p = await prepared(tokenA, id, 'linkedin');
    await app.database.db
      .update(contentItems)
      .set({ status: 'archived' })
      .where(and(eq(contentItems.tenantId, app.tenantId), eq(contentItems.id, id)));
    const res = await complete(tokenA, p.shareId, { text: 'Hej', via: 'intent' });
    expect(res.status).toBe(403);
    expect(await shareCount(id)).toBe(0);
  });

  it('answers 400 for a network the item is not offered on, and 404 for an unknown item', async () => {
    const linkedinOnly = await insertItem(app.database.db, app.tenantId, { networks: ['linkedin'] });
    const res = await prepare(tokenA, linkedinOnly, 'tiktok');
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiErrorBody;
    expect(body.error.message).toMatch(/tiktok/);
    expect(body.error.problems?.[0]?.field).toBe('body.network');
    expect((await prepare(tokenA, linkedinOnly, 'myspace')).status).toBe(400);
    expect((await prepare(tokenA, 'no-such-item', 'linkedin')).status).toBe(404);
  });

  it("does not let anyone complete or annotate another person's share", async () => {
    const p = await prepared(tokenA, itemId, 'facebook');
    const res = await complete(tokenB, p.shareId, { text: 'Hej', via: 'intent' });
    expect(res.status).toBe(404);
    const patch = await app.api(`/api/shares/${p.shareId}`, {
      method: 'PATCH',
      token: tokenB,
      json: { reactions: 5 },
    });
    expect(patch.status).toBe(404);
    expect((await shareRow(p.shareId)).status).toBe('prepared');
  });

  it('lets the ambassador record reactions, comments and the post address later', async () => {
    const p = await prepared(tokenB, itemId, 'x');
    const early = await app.api(`/api/shares/${p.shareId}`, {
      method: 'PATCH',
      token: tokenB,
      json: { reactions: 1 },
    });
    expect(early.status).toBe(409);
    await complete(tokenB, p.shareId, { text: 'Kort', via: 'confirmed' });
    const res = await app.api(`/api/shares/${p.shareId}`, {
      method: 'PATCH',
      token: tokenB,
      json: { reactions: 12, comments: 3, postUrl: 'https://x.com/bo/status/1' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      shareId: p.shareId,
      status: 'shared',
      reactions: 12,
      comments: 3,
      postUrl: 'https://x.com/bo/status/1',
    });
    const more = await app.api(`/api/shares/${p.shareId}`, {
      method: 'PATCH',
      token: tokenB,
      json: { comments: 4 },
    });
    expect(((await more.json()) as { reactions: number; comments: number }).reactions).toBe(12);
    const empty = await app.api(`/api/shares/${p.shareId}`, { method: 'PATCH', token: tokenB, json: {} });
    expect(empty.status).toBe(400);
    const negative = await app.api(`/api/shares/${p.shareId}`, {
      method: 'PATCH',
      token: tokenB,
      json: { reactions: -1 },
    });
    expect(negative.status).toBe(400);
  });
});
