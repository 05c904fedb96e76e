import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDetail, ContentInput } from '../../src/contracts';
import { encodeCursor } from '../../src/domain/library';
import {
  createItem,
  itemInput,
  json,
  publish,
  snapshot,
  startContentApp,
  step,
  type ContentApp,
  type ErrorBody,
} from './support';

describe('bad content input gets a 400 naming the field, and changes nothing', () => {
  let c: ContentApp;
  let existing: ContentDetail;
  beforeAll(async () => {
    c = await startContentApp();
    existing = await publish(c, { title: 'Godkendt og uændret' });
  });
  afterAll(() => c.close());

  /**
   * Sends the input as a new item and as an edit of an approved item; both must be refused with 400
   * and these problems, and neither may change a row.
   */
  async function refusedEverywhere(
    input: Partial<ContentInput>,
    problems: { field: string; message: RegExp }[],
  ) {
    const before = await snapshot(c);
    const detailBefore = await json<ContentDetail>(await c.as('writer', `/api/content/${existing.id}`));
    for (const [method, path] of [
      ['POST', '/api/content'],
      ['PUT', `/api/content/${existing.id}`],
    ] as const) {
      const res = await c.as('writer', path, { method, json: input });
      expect(res.status, `${method} ${path}`).toBe(400);
      const body = await json<ErrorBody>(res);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.problems?.map((p) => p.field)).toEqual(problems.map((p) => p.field));
      problems.forEach((p, i) => expect(body.error.problems?.[i]?.message).toMatch(p.message));
    }
    const after = await snapshot(c);
    expect(after.rows).toEqual(before.rows);
    expect(after.list).toEqual(before.list);
    expect(await json<ContentDetail>(await c.as('writer', `/api/content/${existing.id}`))).toEqual(
      detailBefore,
    );
  }

  it('refuses a caption over the strictest network limit, counting the link and the marking', async () => {
    // 250 characters: fine alone, but "Reklame: " and the link put it over X's 280.
    await refusedEverywhere(itemInput({ captions: { da: ['ok', 'a'.repeat(250)], en: [] } }), [
      { field: 'body.captions.da.1', message: /caption 2 \(Danish\) is 283 characters .*; X allows 280/ },
    ]);
    await refusedEverywhere(
      itemInput({ networks: ['linkedin', 'instagram'], captions: { da: ['b'.repeat(2200)], en: [] } }),
      [{ field: 'body.captions.da.0', message: /Instagram allows 2200/ }],
    );
    await refusedEverywhere(
      itemInput({ networks: ['linkedin'], advertising: false, captions: { da: ['c'.repeat(2990)], en: [] } }),
      [{ field: 'body.captions.da.0', message: /LinkedIn allows 3000. Shorten it by 21/ }],
    );
  });

  it('refuses a link or image address that is not http(s)', async () => {
    for (const link of ['javascript:alert(1)', 'ftp://files.nordlys.example/a.pdf', 'data:text/html,hi']) {
      await refusedEverywhere(itemInput({ linkUrl: link }), [
        { field: 'body.linkUrl', message: /the link must start with http:\/\/ or https:\/\// },
      ]);
    }
    await refusedEverywhere(itemInput({ linkUrl: 'nordlys.dk' }), [
      { field: 'body.linkUrl', message: /the link must be a full web address/ },
      { field: 'body.linkUrl', message: /the link must start with http/ },
    ]);
    await refusedEverywhere(itemInput({ imageUrl: 'javascript:alert(1)' }), [
      { field: 'body.imageUrl', message: /the image address must start with http/ },
    ]);
  });

  it('refuses an unknown topic', async () => {
    await refusedEverywhere(itemInput({ topic: 'celebrity-gossip' }), [
      { field: 'body.topic', message: /there is no topic "celebrity-gossip"/ },
    ]);
  });

  it('refuses an image id that was never uploaded, and both an upload and an address', async () => {
    await refusedEverywhere(itemInput({ imageId: '00000000-0000-4000-8000-000000000000' }), [
      { field: 'body.imageId', message: /no uploaded image with this id/ },
    ]);
  });

  it('needs a caption in the item language, and the end date after the start date', async () => {
    await refusedEverywhere(itemInput({ language: 'en', captions: { da: ['Kun dansk'], en: [] } }), [
      { field: 'body.captions.en', message: /at least one English caption/ },
    ]);
    await refusedEverywhere(
      itemInput({ validFrom: '2026-12-01T08:00:00Z', validTo: '2026-11-30T08:00:00+01:00' }),
      [{ field: 'body.validTo', message: /the end date must be after the start date/ }],
    );
  });

  it('reports every problem at once', async () => {
    await refusedEverywhere(
      itemInput({ topic: 'nope', captions: { da: [], en: ['x'.repeat(300)] }, imageId: 'missing' }),
      [
        { field: 'body.captions.da', message: /Danish caption/ },
        { field: 'body.captions.en.0', message: /X allows 280/ },
        { field: 'body.topic', message: /no topic "nope"/ },
        { field: 'body.imageId', message: /no uploaded image/ },
      ],
    );
  });

  it('refuses schema problems (missing title, no networks, unknown network, bad date) by field', async () => {
    const { title: _title, ...noTitle } = itemInput();
    await refusedEverywhere({ ...noTitle, networks: [] }, [
      { field: 'body.title', message: /is required/ },
      { field: 'body.networks', message: /choose at least one network/ },
    ]);
    await refusedEverywhere(itemInput({ networks: ['myspace' as 'x'] }), [
      { field: 'body.networks.0', message: /must be one of: linkedin, x, facebook, instagram, tiktok/ },
    ]);
    await refusedEverywhere(itemInput({ validFrom: 'tomorrow' }), [
      { field: 'body.validFrom', message: /ISO date/ },
    ]);
  });

  it('refuses a rejection without a note', async () => {
    const item = await createItem(c, { submit: true });
    const before = await snapshot(c);
    const res = await c.as('approver', `/api/content/${item.id}/reject`, {
      method: 'POST',
      json: { note: '  ' },
    });
    expect(res.status).toBe(400);
    expect((await json<ErrorBody>(res)).error.problems).toEqual([
      { field: 'body.note', message: 'say what the author should change' },
    ]);
    expect((await snapshot(c)).rows).toEqual(before.rows);
    expect((await json<ContentDetail>(await c.as('approver', `/api/content/${item.id}`))).status).toBe(
      'in_review',
    );
  });

  it('refuses approving your own item with 403', async () => {
    const own = await createItem(c, { submit: true }, 'editor');
    const before = await snapshot(c);
    const res = await c.as('editor', `/api/content/${own.id}/approve`, { method: 'POST', json: {} });
    expect(res.status).toBe(403);
    expect((await json<ErrorBody>(res)).error.message).toMatch(/nobody approves or rejects their own item/);
    expect((await snapshot(c)).rows).toEqual(before.rows);
    await step(c, 'approver', own.id, 'approve');
  });
});

describe('bad library queries', () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
    for (let i = 0; i < 3; i++) await publish(c, { title: `Nyhed ${i}` });
  });
  afterAll(() => c.close());

  const problemsOf = async (query: string) => {
    const res = await c.as('employee', `/api/library?${query}`);
    expect(res.status, query).toBe(400);
    return (await json<ErrorBody>(res)).error.problems;
  };

  it('refuses a cursor it did not give out, naming the cursor', async () => {
    const forged = Buffer.from('{"s":"n","p":false,"t":"not a time","i":"x"}').toString('base64url');
    for (const cursor of ['garbage!', 'e30', forged, 'a'.repeat(400)]) {
      expect(await problemsOf(`cursor=${encodeURIComponent(cursor)}`)).toEqual([
        {
          field: 'query.cursor',
          message: 'the cursor is not one this server gave out; start again from the first page',
        },
      ]);
    }
    const mostShared = encodeCursor({ sort: 'most_shared', pinned: false, shareCount: 1, id: 'x' });
    expect((await problemsOf(`cursor=${mostShared}`))?.[0]?.message).toMatch(/another sort order/);
  });

  it('refuses unknown filters and sizes by field', async () => {
    expect((await problemsOf('network=myspace'))?.[0]?.field).toBe('query.network');
    expect((await problemsOf('language=de'))?.[0]?.field).toBe('query.language');
    expect((await problemsOf('sort=random'))?.[0]?.field).toBe('query.sort');
    expect((await problemsOf('limit=500'))?.[0]?.field).toBe('query.limit');
    expect((await problemsOf(`q=${'a'.repeat(201)}`))?.[0]).toEqual({
      field: 'query.q',
      message: 'search text is at most 200 characters',
    });
  });

  it('treats a search that is only an unknown topic as an empty result, not an error', async () => {
    const res = await c.as('employee', '/api/library?topic=unknown-topic');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [], nextCursor: null });
  });
});
