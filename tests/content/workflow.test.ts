import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDetail, ContentList, LibraryItem, LibraryPage } from '../../src/contracts';
import {
  cast,
  createItem,
  itemInput,
  json,
  manualClock,
  snapshot,
  startContentApp,
  step,
  type ContentApp,
  type ErrorBody,
} from './support';

const MINUTE = 60_000;

describe('the content workflow', () => {
  let c: ContentApp;
  const clock = manualClock();
  beforeAll(async () => {
    c = await startContentApp({ clock });
  });
  afterAll(() => c.close());

  const inLibrary = async (id: string) => {
    const page = await json<LibraryPage>(await c.as('employee', '/api/library?limit=50'));
    return page.items.some((i) => i.id === id);
  };

  it('goes draft → review → approved → edited back to review → approved → archived, recording each step', async () => {
    const t0 = clock.advance(MINUTE);
    const draft = await createItem(c);
    expect(draft.status).toBe('draft');
    expect(draft.authorId).toBe(cast.writer.id);
    expect(draft.authorName).toBe(cast.writer.displayName);
    expect(draft.captions).toEqual({
      da: ['Stolt af vores nye park!', 'Se hvad vi har bygget i Esbjerg'],
      en: [],
    });
    expect(draft.publishedAt).toBeNull();
    expect(await inLibrary(draft.id)).toBe(false);

    const t1 = clock.advance(MINUTE);
    const inReview = await step(c, 'writer', draft.id, 'submit');
    expect(inReview.status).toBe('in_review');
    expect(await inLibrary(draft.id)).toBe(false);

    const t2 = clock.advance(MINUTE);
    const approved = await step(c, 'approver', draft.id, 'approve');
    expect(approved.status).toBe('approved');
    expect(approved.publishedAt).toBe(t2.toISOString());
    expect(await inLibrary(draft.id)).toBe(true);

    // An edit to an approved item sends it back to review and out of the library until re-approved.
    const t3 = clock.advance(MINUTE);
    const put = await c.as('editor', `/api/content/${draft.id}`, {
      method: 'PUT',
      json: itemInput({ title: 'Ny havvindmøllepark i Esbjerg åbner i dag' }),
    });
    expect(put.status).toBe(200);
    const edited = await json<ContentDetail>(put);
    expect(edited.status).toBe('in_review');
    expect(edited.title).toBe('Ny havvindmøllepark i Esbjerg åbner i dag');
    expect(edited.authorId).toBe(cast.writer.id);
    expect(await inLibrary(draft.id)).toBe(false);

    // Re-approval moves publishedAt to the new approval, so the edited item comes first under "newest".
    const t4 = clock.advance(MINUTE);
    const reapproved = await step(c, 'hr', draft.id, 'approve');
    expect(reapproved.publishedAt).toBe(t4.toISOString());
    expect(await inLibrary(draft.id)).toBe(true);

    const t5 = clock.advance(MINUTE);
    const archived = await step(c, 'writer', draft.id, 'archive');
    expect(archived.status).toBe('archived');
    expect(await inLibrary(draft.id)).toBe(false);
    // Archived items stay (shared links keep working); they are not deleted.
    expect((await c.as('approver', `/api/content/${draft.id}`)).status).toBe(200);

    expect(archived.transitions).toEqual([
      { from: null, to: 'draft', actorName: cast.writer.displayName, note: null, at: t0.toISOString() },
      {
        from: 'draft',
        to: 'in_review',
        actorName: cast.writer.displayName,
        note: null,
        at: t1.toISOString(),
      },
      {
        from: 'in_review',
        to: 'approved',
        actorName: cast.approver.displayName,
        note: null,
        at: t2.toISOString(),
      },
      {
        from: 'approved',
        to: 'in_review',
        actorName: cast.editor.displayName,
        note: null,
        at: t3.toISOString(),
      },
      { from: 'in_review', to: 'approved', actorName: cast.hr.displayName, note: null, at: t4.toISOString() },
      {
        from: 'approved',
        to: 'archived',
        actorName: cast.writer.displayName,
        note: null,
        at: t5.toISOString(),
      },
    ]);
  });

  it('rejects with a note back to the author, who edits and resubmits; approval clears the note', async () => {
    const item = await createItem(c, { submit: true });
    expect(item.status).toBe('in_review');
    expect(item.transitions.map((t) => [t.from, t.to])).toEqual([[null, 'in_review']]);

    const rejected = await step(c, 'approver', item.id, 'reject', {
      note: 'Tilføj et billede og kortere tekst',
    });
    expect(rejected.status).toBe('rejected');
    expect(rejected.reviewNote).toBe('Tilføj et billede og kortere tekst');
    expect(rejected.transitions.at(-1)).toMatchObject({
      from: 'in_review',
      to: 'rejected',
      actorName: cast.approver.displayName,
      note: 'Tilføj et billede og kortere tekst',
    });

    // Editing a rejected item keeps it rejected (and the note visible) until it is submitted again.
    const edit = await c.as('writer', `/api/content/${item.id}`, {
      method: 'PUT',
      json: itemInput({
        imageUrl: 'https://nordlys.example/billede.jpg',
        captions: { da: ['Kort'], en: [] },
      }),
    });
    expect(edit.status).toBe(200);
    const edited = await json<ContentDetail>(edit);
    expect(edited.status).toBe('rejected');
    expect(edited.reviewNote).toBe('Tilføj et billede og kortere tekst');
    expect(edited.displayImageUrl).toBe('https://nordlys.example/billede.jpg');

    const resubmitted = await step(c, 'writer', item.id, 'submit');
    expect(resubmitted.status).toBe('in_review');
    const approved = await step(c, 'approver', item.id, 'approve');
    expect(approved.reviewNote).toBeNull();
    expect(approved.transitions.map((t) => t.to)).toEqual(['in_review', 'rejected', 'in_review', 'approved']);
  });

  it('submits while saving an edit when asked (PUT with submit: true)', async () => {
    const item = await createItem(c);
    const res = await c.as('writer', `/api/content/${item.id}`, {
      method: 'PUT',
      json: itemInput({ title: 'Klar til godkendelse', submit: true }),
    });
    const saved = await json<ContentDetail>(res);
    expect(saved.status).toBe('in_review');
    expect(saved.transitions.map((t) => [t.from, t.to])).toEqual([
      [null, 'draft'],
      ['draft', 'in_review'],
    ]);
  });

  it('refuses steps the workflow does not allow, with 409 and nothing changed', async () => {
    const item = await createItem(c);
    const before = await snapshot(c);
    const res = await c.as('approver', `/api/content/${item.id}/approve`, { method: 'POST', json: {} });
    expect(res.status).toBe(409);
    expect((await json<ErrorBody>(res)).error.message).toBe('an item that is draft cannot be approved');
    const archived = await step(c, 'writer', item.id, 'archive');
    const edit = await c.as('writer', `/api/content/${item.id}`, { method: 'PUT', json: itemInput() });
    expect(edit.status).toBe(409);
    expect((await json<ErrorBody>(edit)).error.message).toBe('an archived item cannot be edited');
    const after = await json<ContentDetail>(await c.as('writer', `/api/content/${item.id}`));
    expect(after).toEqual(archived);
    expect((await snapshot(c)).rows.transitions).toBe(before.rows.transitions + 1);
  });

  it('lists the review queue with counts per status', async () => {
    const queued = await createItem(c, { title: 'I kø til godkendelse', submit: true });
    const all = await json<ContentList>(await c.as('approver', '/api/content'));
    const queue = await json<ContentList>(await c.as('approver', '/api/content?status=in_review'));
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((i) => i.status === 'in_review')).toBe(true);
    expect(queue.items.map((i) => i.id)).toContain(queued.id);
    expect(queue.counts.in_review).toBe(queue.items.length);
    expect(all.items).toHaveLength(Object.values(all.counts).reduce((a, b) => a + b, 0));
    for (const status of ['draft', 'in_review', 'approved', 'rejected', 'archived'] as const) {
      expect(all.counts[status], status).toBe(all.items.filter((i) => i.status === status).length);
    }
    // Summaries leave out the body, the captions and the history.
    expect(Object.keys(queue.items[0]!)).not.toContain('captions');
    expect(Object.keys(queue.items[0]!)).not.toContain('body');
    const bad = await c.as('approver', '/api/content?status=published');
    expect(bad.status).toBe(400);
    expect((await json<ErrorBody>(bad)).error.problems?.[0]?.field).toBe('query.status');
  });
});

describe('who may do what', () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
  });
  afterAll(() => c.close());

  it('lets only editors write, and only approvers review', async () => {
    const before = await snapshot(c);
    const asEmployee = await c.as('employee', '/api/content', { method: 'POST', json: itemInput() });
    expect(asEmployee.status).toBe(403);
    expect((await json<ErrorBody>(asEmployee)).error.message).toMatch(/comms/);
    const asApprover = await c.as('approver', '/api/content', { method: 'POST', json: itemInput() });
    expect(asApprover.status).toBe(403);
    expect((await snapshot(c)).rows).toEqual(before.rows);

    const item = await createItem(c, { submit: true }, 'editor');
    for (const action of ['approve', 'reject'] as const) {
      const res = await c.as('writer', `/api/content/${item.id}/${action}`, {
        method: 'POST',
        json: { note: 'nej' },
      });
      expect(res.status, `comms ${action}`).toBe(403);
      expect((await json<ErrorBody>(res)).error.message).toMatch(/approver/);
    }
    const submitByApprover = await c.as('approver', `/api/content/${item.id}/archive`, {
      method: 'POST',
      json: {},
    });
    expect(submitByApprover.status).toBe(403);
    expect((await c.as('employee', `/api/content/${item.id}`)).status).toBe(403);
    expect((await c.as('employee', '/api/content')).status).toBe(403);
    const detail = await json<ContentDetail>(await c.as('editor', `/api/content/${item.id}`));
    expect(detail.status).toBe('in_review');
    expect(detail.transitions).toHaveLength(1);
  });

  it('never lets anyone approve or reject their own item, or the version they sent to review', async () => {
    // The editor is both comms and approver.
    const own = await createItem(c, { submit: true }, 'editor');
    const before = await snapshot(c);
    for (const [action, body] of [
      ['approve', {}],
      ['reject', { note: 'Mangler billede' }],
    ] as const) {
      const res = await c.as('editor', `/api/content/${own.id}/${action}`, { method: 'POST', json: body });
      expect(res.status, action).toBe(403);
      expect((await json<ErrorBody>(res)).error.message).toBe(
        'nobody approves or rejects their own item; ask another approver',
      );
    }
    expect((await snapshot(c)).rows).toEqual(before.rows);
    expect((await json<ContentDetail>(await c.as('editor', `/api/content/${own.id}`))).status).toBe(
      'in_review',
    );

    // The editor edits someone else's approved item: the edit goes to review, and someone else approves it.
    const theirs = await createItem(c, { submit: true }, 'writer');
    await step(c, 'approver', theirs.id, 'approve');
    await c.as('editor', `/api/content/${theirs.id}`, {
      method: 'PUT',
      json: itemInput({ title: 'Rettet titel' }),
    });
    const self = await c.as('editor', `/api/content/${theirs.id}/approve`, { method: 'POST', json: {} });
    expect(self.status).toBe(403);
    expect((await json<ErrorBody>(self)).error.message).toMatch(/you sent this version to review yourself/);
    const other = await step(c, 'hr', theirs.id, 'approve');
    expect(other.status).toBe('approved');
    expect(other.title).toBe('Rettet titel');
  });

  it('answers 404 for an unknown item, to editors and in the library', async () => {
    expect((await c.as('editor', '/api/content/nope')).status).toBe(404);
    const step404 = await c.as('approver', '/api/content/nope/approve', { method: 'POST', json: {} });
    expect(step404.status).toBe(404);
    expect((await json<ErrorBody>(step404)).error.code).toBe('NOT_FOUND');
    expect((await c.as('employee', '/api/library/nope')).status).toBe(404);
  });
});

describe('topics', () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
  });
  afterAll(() => c.close());

  it('starts every tenant with the six built-in topics in Danish and English', async () => {
    const res = await c.as('employee', '/api/topics');
    expect(res.status).toBe(200);
    const { topics } = await json<{
      topics: { key: string; labelDa: string; labelEn: string; builtIn: boolean }[];
    }>(res);
    expect(topics.map((t) => t.key)).toEqual([
      'internal-news',
      'product',
      'thought-leadership',
      'jobs',
      'events',
      'sustainability',
    ]);
    expect(topics.find((t) => t.key === 'jobs')).toEqual({
      key: 'jobs',
      labelDa: 'Job og rekruttering',
      labelEn: 'Jobs and recruitment',
      builtIn: true,
    });
  });

  it('lets comms add a topic, used at once by items; a taken key is a 409 and employees get 403', async () => {
    const add = await c.as('writer', '/api/topics', {
      method: 'POST',
      json: { key: 'csr', labelDa: 'Samfundsansvar', labelEn: 'Social responsibility' },
    });
    expect(add.status).toBe(201);
    expect(await add.json()).toEqual({
      key: 'csr',
      labelDa: 'Samfundsansvar',
      labelEn: 'Social responsibility',
      builtIn: false,
    });
    const again = await c.as('editor', '/api/topics', {
      method: 'POST',
      json: { key: 'csr', labelDa: 'Andet', labelEn: 'Other' },
    });
    expect(again.status).toBe(409);
    expect((await json<ErrorBody>(again)).error.message).toMatch(/already a topic with the key "csr"/);
    const denied = await c.as('employee', '/api/topics', {
      method: 'POST',
      json: { key: 'fun', labelDa: 'Sjov', labelEn: 'Fun' },
    });
    expect(denied.status).toBe(403);
    const { topics } = await json<{ topics: { key: string; labelDa: string }[] }>(
      await c.as('employee', '/api/topics'),
    );
    expect(topics.map((t) => t.key)).toEqual([
      'internal-news',
      'product',
      'thought-leadership',
      'jobs',
      'events',
      'sustainability',
      'csr',
    ]);
    expect(topics.find((t) => t.key === 'csr')?.labelDa).toBe('Samfundsansvar');
    const item = await createItem(c, { topic: 'csr' });
    expect(item.topic).toBe('csr');
  });

  it('refuses a malformed topic key, naming the field', async () => {
    const res = await c.as('writer', '/api/topics', {
      method: 'POST',
      json: { key: 'Æ Ø', labelDa: 'x', labelEn: 'y' },
    });
    expect(res.status).toBe(400);
    expect((await json<ErrorBody>(res)).error.problems).toEqual([
      { field: 'body.key', message: 'a topic key uses a-z, 0-9 and dashes' },
    ]);
  });
});

describe('library items for ambassadors', () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
  });
  afterAll(() => c.close());

  it('shows a live item with its first caption in the item language, and nothing internal', async () => {
    const item = await createItem(c, {
      submit: true,
      language: 'en',
      captions: { da: ['Dansk tekst'], en: ['First English', 'Second English'] },
      pinned: true,
    });
    await step(c, 'approver', item.id, 'approve');
    const res = await c.as('employee', `/api/library/${item.id}`);
    expect(res.status).toBe(200);
    const entry = await json<LibraryItem>(res);
    expect(entry).toEqual({
      id: item.id,
      title: item.title,
      body: item.body,
      linkUrl: item.linkUrl,
      imageUrl: null,
      topic: 'internal-news',
      language: 'en',
      networks: ['linkedin', 'x'],
      pinned: true,
      advertising: true,
      shareCount: 0,
      publishedAt: expect.any(String) as string,
      caption: 'First English',
    });
  });
});
