import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentInput, LibraryPage } from '../../src/contracts';
import {
  allPages,
  createItem,
  json,
  manualClock,
  publish,
  startContentApp,
  step,
  type ContentApp,
} from './support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const da = (title: string, body: string, extra: Partial<ContentInput> = {}): Partial<ContentInput> => ({
  title,
  body,
  language: 'da',
  captions: { da: [`${title} – del gerne`], en: [] },
  ...extra,
});
const en = (title: string, body: string, extra: Partial<ContentInput> = {}): Partial<ContentInput> => ({
  title,
  body,
  language: 'en',
  captions: { da: [], en: [`${title} – please share`] },
  ...extra,
});

describe('library search in Danish and English', () => {
  let c: ContentApp;
  const clock = manualClock();
  const ids: Record<string, string> = {};
  const search = async (query: string) => {
    const res = await c.as('employee', `/api/library?${query}`);
    expect(res.status, query).toBe(200);
    return json<LibraryPage>(res);
  };
  const titles = async (query: string) => (await search(query)).items.map((i) => i.title);

  beforeAll(async () => {
    c = await startContentApp({ clock });
    const live = async (key: string, input: Partial<ContentInput>) => {
      clock.advance(MINUTE);
      ids[key] = (await publish(c, input)).id;
    };
    await live(
      'green',
      da('Vi investerer i bæredygtighed', 'Nordlys bygger ny havvind.', {
        topic: 'sustainability',
        networks: ['linkedin', 'facebook'],
      }),
    );
    await live(
      'jobsDa',
      da('Nye job i Esbjerg', 'Vi ansætter ingeniører til vores nye kontor.', {
        topic: 'jobs',
        networks: ['linkedin'],
      }),
    );
    await live(
      'sourcing',
      en('Sustainable sourcing for our turbines', 'How we choose suppliers.', {
        topic: 'sustainability',
        networks: ['linkedin', 'x'],
      }),
    );
    await live(
      'hiring',
      en('We are hiring engineers', 'Join the grid team in Aarhus.', { topic: 'jobs', networks: ['x'] }),
    );
    await live(
      'evergreen',
      da('Sådan arbejder vi bæredygtigt', 'Vores bæredygtige principper.', {
        topic: 'sustainability',
        networks: ['linkedin'],
        evergreen: true,
        validFrom: new Date(clock.now().getTime() - 10 * DAY).toISOString(),
        validTo: new Date(clock.now().getTime() - DAY).toISOString(),
      }),
    );
    await live(
      'pinned',
      da('Fastgjort nyhed', 'Læs om vores strategi.', { pinned: true, networks: ['linkedin'] }),
    );

    // Items that must never show, each with the search word in it.
    const word = 'bæredygtighed';
    ids['draft'] = (await createItem(c, da(`Kladde om ${word}`, word))).id;
    ids['review'] = (await createItem(c, da(`Til godkendelse: ${word}`, word, { submit: true }))).id;
    ids['rejected'] = (await createItem(c, da(`Afvist: ${word}`, word, { submit: true }))).id;
    await step(c, 'approver', ids['rejected'], 'reject', { note: 'nej tak' });
    ids['archived'] = (await publish(c, da(`Arkiveret: ${word}`, word))).id;
    await step(c, 'writer', ids['archived'], 'archive');
    ids['expired'] = (
      await publish(
        c,
        da(`Udløbet: ${word}`, word, {
          validFrom: new Date(clock.now().getTime() - 10 * DAY).toISOString(),
          validTo: new Date(clock.now().getTime() - DAY).toISOString(),
        }),
      )
    ).id;
    ids['future'] = (
      await publish(
        c,
        da(`Kommende: ${word}`, word, { validFrom: new Date(clock.now().getTime() + DAY).toISOString() }),
      )
    ).id;
    ids['reedited'] = (await publish(c, da(`Under rettelse: ${word}`, word))).id;
    await c.as('editor', `/api/content/${ids['reedited']}`, {
      method: 'PUT',
      json: {
        ...da(`Under rettelse: ${word}`, `${word} igen`),
        linkUrl: 'https://nordlys.example/a',
        topic: 'product',
        networks: ['linkedin'],
        advertising: true,
      },
    });
  });
  afterAll(() => c.close());

  it('finds Danish items by a Danish word stem ("bæredygtig" finds "bæredygtighed")', async () => {
    expect(await titles('q=bæredygtig')).toEqual([
      'Sådan arbejder vi bæredygtigt',
      'Vi investerer i bæredygtighed',
    ]);
    expect(await titles(`q=${encodeURIComponent('ingeniør')}`)).toEqual(['Nye job i Esbjerg']);
  });

  it('finds English items by an English stem ("sustainability" finds "Sustainable")', async () => {
    expect(await titles('q=sustainability')).toEqual(['Sustainable sourcing for our turbines']);
    expect(await titles('q=hire')).toEqual(['We are hiring engineers']);
  });

  it('searches the body and captions too, and supports web-search syntax', async () => {
    expect(await titles('q=suppliers')).toEqual(['Sustainable sourcing for our turbines']);
    expect(await titles(`q=${encodeURIComponent('"del gerne" strategi')}`)).toEqual(['Fastgjort nyhed']);
    expect(await titles(`q=${encodeURIComponent('suppliers or Aarhus')}`)).toEqual([
      'We are hiring engineers',
      'Sustainable sourcing for our turbines',
    ]);
    expect(await titles('q=vindmøllefabrik')).toEqual([]);
  });

  it('ignores a search text with nothing to search for', async () => {
    const all = await titles('');
    expect(await titles(`q=${encodeURIComponent(' "!" ')}`)).toEqual(all);
  });

  it('never shows drafts, items in review, rejected, archived, expired or future items', async () => {
    const all = await search('limit=50');
    expect(all.items.map((i) => i.title).sort()).toEqual(
      [
        'Vi investerer i bæredygtighed',
        'Nye job i Esbjerg',
        'Sustainable sourcing for our turbines',
        'We are hiring engineers',
        'Sådan arbejder vi bæredygtigt',
        'Fastgjort nyhed',
      ].sort(),
    );
    for (const key of ['draft', 'review', 'rejected', 'archived', 'expired', 'future', 'reedited']) {
      const res = await c.as('employee', `/api/library/${ids[key]}`);
      expect(res.status, key).toBe(404);
    }
    expect((await c.as('employee', `/api/library/${ids['evergreen']}`)).status).toBe(200);
  });

  it('filters by topic, network and language, alone and with a search', async () => {
    expect((await titles('topic=jobs')).sort()).toEqual(['Nye job i Esbjerg', 'We are hiring engineers']);
    expect((await titles('network=x')).sort()).toEqual([
      'Sustainable sourcing for our turbines',
      'We are hiring engineers',
    ]);
    expect(await titles('network=facebook')).toEqual(['Vi investerer i bæredygtighed']);
    expect((await titles('language=en')).sort()).toEqual([
      'Sustainable sourcing for our turbines',
      'We are hiring engineers',
    ]);
    expect(await titles('q=bæredygtig&topic=sustainability&language=da&network=linkedin')).toEqual([
      'Sådan arbejder vi bæredygtigt',
      'Vi investerer i bæredygtighed',
    ]);
    expect(await titles('q=bæredygtig&language=en')).toEqual([]);
    expect(await titles('topic=events')).toEqual([]);
  });

  it('sorts pinned first, then newest approval first', async () => {
    expect(await titles('limit=50')).toEqual([
      'Fastgjort nyhed',
      'Sådan arbejder vi bæredygtigt',
      'We are hiring engineers',
      'Sustainable sourcing for our turbines',
      'Nye job i Esbjerg',
      'Vi investerer i bæredygtighed',
    ]);
  });

  it('sorts pinned first, then most shared', async () => {
    const setShares = async (key: string, n: number) =>
      c.app.database.db.execute(
        sql`update content_items set share_count = ${n} where tenant_id = ${c.app.tenantId} and id = ${ids[key]!}`,
      );
    await setShares('green', 40);
    await setShares('hiring', 7);
    await setShares('jobsDa', 12);
    const page = await search('sort=most_shared&limit=50');
    expect(page.items.map((i) => [i.title, i.shareCount])).toEqual([
      ['Fastgjort nyhed', 0],
      ['Vi investerer i bæredygtighed', 40],
      ['Nye job i Esbjerg', 12],
      ['We are hiring engineers', 7],
      // Equal counts: by id, descending.
      ...[
        ['Sustainable sourcing for our turbines', ids['sourcing']!],
        ['Sådan arbejder vi bæredygtigt', ids['evergreen']!],
      ]
        .sort((a, b) => (a[1]! < b[1]! ? 1 : -1))
        .map(([title]) => [title, 0]),
    ]);
  });
});

describe('library pages', () => {
  let c: ContentApp;
  const clock = manualClock();
  const created: string[] = [];
  beforeAll(async () => {
    c = await startContentApp({ clock });
    for (let i = 0; i < 23; i++) {
      // Several items share an approval time, so the id tie-break is exercised across page boundaries.
      if (i % 3 === 0) clock.advance(MINUTE);
      const item = await publish(c, { title: `Nyhed nummer ${i}`, pinned: i % 7 === 0 });
      created.push(item.id);
    }
    await c.app.database.db.execute(
      sql`update content_items set share_count = (abs(hashtext(id)) % 4) where tenant_id = ${c.app.tenantId}`,
    );
  });
  afterAll(() => c.close());

  for (const sort of ['newest', 'most_shared'] as const) {
    it(`pages through every item once, in order, sorted by ${sort}`, async () => {
      const one = await allPages(c, `sort=${sort}`, 50);
      expect(one).toHaveLength(1);
      expect(one[0]!.nextCursor).toBeNull();
      const everything = one[0]!.items.map((i) => i.id);
      expect(new Set(everything)).toEqual(new Set(created));

      for (const limit of [1, 4, 5, 22, 23]) {
        const pages = await allPages(c, `sort=${sort}`, limit);
        expect(pages).toHaveLength(Math.ceil(23 / limit));
        expect(pages.slice(0, -1).every((p) => p.items.length === limit && p.nextCursor)).toBe(true);
        expect(pages.at(-1)!.nextCursor).toBeNull();
        expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(everything);
      }
      // The order really is pinned first, then the sort key.
      const items = one[0]!.items;
      const pinnedCount = items.filter((i) => i.pinned).length;
      expect(pinnedCount).toBe(4);
      expect(items.slice(0, pinnedCount).every((i) => i.pinned)).toBe(true);
      const key = (i: (typeof items)[number]) =>
        sort === 'newest' ? Date.parse(i.publishedAt!) : i.shareCount;
      for (let i = 1; i < items.length; i++) {
        if (items[i]!.pinned === items[i - 1]!.pinned)
          expect(key(items[i]!)).toBeLessThanOrEqual(key(items[i - 1]!));
      }
    });
  }

  it('keeps a filtered search on the same filter across pages', async () => {
    const pages = await allPages(c, 'q=nummer&network=linkedin', 6);
    expect(pages.flatMap((p) => p.items).length).toBe(23);
    const none = await allPages(c, 'q=nummer&network=tiktok', 6);
    expect(none).toHaveLength(1);
    expect(none[0]!.items).toEqual([]);
    expect(none[0]!.nextCursor).toBeNull();
  });
});

describe('library liveness over time', () => {
  let c: ContentApp;
  const clock = manualClock();
  beforeAll(async () => {
    c = await startContentApp({ clock });
  });
  afterAll(() => c.close());

  it('shows an item from its start until its end, and evergreen items after it', async () => {
    const now = clock.now().getTime();
    const window = await publish(c, {
      title: 'Kampagne i en uge',
      validFrom: new Date(now + HOUR).toISOString(),
      validTo: new Date(now + 3 * HOUR).toISOString(),
    });
    const evergreen = await publish(c, {
      title: 'Altid aktuel',
      evergreen: true,
      validTo: new Date(now + 2 * HOUR).toISOString(),
    });
    const visible = async () =>
      (await json<LibraryPage>(await c.as('employee', '/api/library'))).items.map((i) => i.id).sort();

    expect(await visible()).toEqual([evergreen.id]);
    expect((await c.as('employee', `/api/library/${window.id}`)).status).toBe(404);
    clock.advance(HOUR);
    expect(await visible()).toEqual([window.id, evergreen.id].sort());
    expect((await c.as('employee', `/api/library/${window.id}`)).status).toBe(200);
    clock.advance(2 * HOUR + 1000);
    expect(await visible()).toEqual([evergreen.id]);
    expect((await c.as('employee', `/api/library/${window.id}`)).status).toBe(404);
  });
});
