import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentStore } from '../../src/db/content-store';
import { demoImagePng } from '../../src/demo/demo-images';
import type { Person } from '../../src/domain/person';
import { systemClock } from '../../src/ports/clock';
import type { ContentItemInput } from '../../src/services/content-input';
import { createContentItem } from '../../src/services/create-content-item';
import { transitionContentItem } from '../../src/services/transition-content-item';
import { uploadImage } from '../../src/services/upload-image';
import { startBotConnector, type BotConnector } from '../fakes/bot-connector';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { danish, english, otherDanish, postActivity, teamsActivity, TEST_BOT } from '../support/bot';

// The message extension, as Teams drives it: invoke activities POSTed to /api/messages, answered in
// the HTTP response (not in the chat). Items are written through the content use cases, so search
// runs on the same search vectors the library uses.

const PUBLIC_URL = 'https://chorus.nordlys-demo.dk';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';
const DAY = 24 * 60 * 60 * 1000;

interface CardAttachment {
  contentType: string;
  content: {
    type: string;
    version: string;
    body: { type: string; text?: string; url?: string }[];
    actions?: { type: string; title: string; url: string }[];
  };
  preview?: { contentType: string; content: { title: string; text: string; images: { url: string }[] } };
}
interface InvokeAnswer {
  composeExtension: {
    type: string;
    attachmentLayout?: string;
    attachments?: CardAttachment[];
    text?: string;
  };
}

describe('message extension over POST /api/messages', () => {
  let app: TestChorus;
  let connector: BotConnector;
  const ids: Record<string, string> = {};
  let imageId = '';

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestChorus({ PUBLIC_URL }), startBotConnector()]);
    const deps = { content: createContentStore(app.database.db), clock: systemClock };
    const tenantId = app.tenantId;
    // Written by one person, approved by another, as the workflow demands.
    const author = danish.id;
    const approver = otherDanish.id;
    const image = await uploadImage(deps, {
      tenantId,
      actorId: author,
      contentType: 'image/png',
      bytes: demoImagePng('jobs', 'message-extension'),
    });
    imageId = image.id;
    const base: ContentItemInput = {
      title: '',
      body: '',
      linkUrl: 'https://www.nordlys-demo.dk/job',
      imageId: null,
      imageUrl: null,
      topic: 'jobs',
      language: 'da',
      networks: ['linkedin'],
      captions: { da: [], en: [] },
      validFrom: null,
      validTo: null,
      evergreen: true,
      pinned: false,
      advertising: true,
    };
    const publish = async (
      key: string,
      content: ContentItemInput,
      until: 'draft' | 'in_review' | 'approved',
    ) => {
      const created = await createContentItem(deps, { tenantId, actorId: author, content });
      ids[key] = created.id;
      if (until === 'draft') return;
      await transitionContentItem(deps, { tenantId, actorId: author, itemId: created.id, action: 'submit' });
      if (until === 'in_review') return;
      await transitionContentItem(deps, {
        tenantId,
        actorId: approver,
        itemId: created.id,
        action: 'approve',
      });
    };
    await publish(
      'apprentices',
      {
        ...base,
        title: 'Vi søger elektrikerlærlinge i Esbjerg',
        body: 'Tolv pladser til august, med fast mentor og løn under hele uddannelsen.',
        imageId,
        captions: { da: ['Kender du en kommende elektriker? Vi har tolv lærepladser til august.'], en: [] },
      },
      'approved',
    );
    await publish(
      'meadows',
      {
        ...base,
        title: 'Wildflower meadows under our power lines',
        body: 'Forty kilometres of meadows, and three times as many bees.',
        topic: 'sustainability',
        language: 'en',
        imageUrl: 'https://images.nordlys-demo.dk/meadows.png',
        advertising: false,
        captions: { da: [], en: ['The bees are back under our power lines.'] },
      },
      'approved',
    );
    await publish(
      'secret',
      {
        ...base,
        title: 'Hemmelig lancering af elektrikerlærlinge-kampagne',
        captions: { da: ['Ikke godkendt endnu'], en: [] },
      },
      'in_review',
    );
    await publish(
      'expired',
      {
        ...base,
        title: 'Sommerfest for elektrikerlærlinge',
        evergreen: false,
        validFrom: new Date(Date.now() - 30 * DAY),
        validTo: new Date(Date.now() - DAY),
        captions: { da: ['Festen er forbi'], en: [] },
      },
      'approved',
    );
  });
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  /** A Teams invoke from `person` in a group chat (the compose box of any chat). */
  const invoke = (person: Person, name: string, value: unknown, locale = 'en-US') =>
    teamsActivity(app, connector.serviceUrl, person, {
      type: 'invoke',
      name,
      value,
      locale,
      conversation: {
        id: `19:group-${randomUUID()}@thread.v2`,
        conversationType: 'groupChat',
        isGroup: true,
        tenantId: app.tenantId,
      },
      recipient: TEST_BOT,
      channelData: { tenant: { id: app.tenantId }, source: { name: 'compose' } },
    });

  const search = async (
    person: Person,
    text: string | null,
    options: { skip?: number; count?: number } = {},
  ) => {
    const parameters =
      text === null ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'searchText', value: text }];
    const res = await postActivity(
      app,
      invoke(person, 'composeExtension/query', {
        commandId: 'searchLibrary',
        parameters,
        queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
      }),
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as InvokeAnswer).composeExtension;
  };

  const unfurl = async (person: Person, url: string) => {
    const res = await postActivity(app, invoke(person, 'composeExtension/queryLink', { url }));
    expect(res.status).toBe(200);
    return ((await res.json()) as InvokeAnswer).composeExtension;
  };

  const titleOf = (a: CardAttachment) => a.content.body.find((b) => b.type === 'TextBlock')?.text;

  it('finds an approved item by a Danish word and answers with an Adaptive Card 1.5 in Danish', async () => {
    // "elektrikerlærling" matches "elektrikerlærlinge" through the Danish stemmer.
    const result = await search(danish, 'elektrikerlærling');
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments!.map(titleOf)).toEqual(['Vi søger elektrikerlærlinge i Esbjerg']);
    const [card] = result.attachments!;
    expect(card!.contentType).toBe(ADAPTIVE);
    expect(card!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card!.content.body[0]).toMatchObject({ type: 'Image', url: `${PUBLIC_URL}/media/${imageId}` });
    const texts = card!.content.body.map((b) => b.text);
    expect(texts).toContain('Kender du en kommende elektriker? Vi har tolv lærepladser til august.');
    expect(card!.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Åbn i Chorus', url: `${PUBLIC_URL}/items/${ids['apprentices']}` },
    ]);
    expect(card!.preview).toMatchObject({
      contentType: THUMBNAIL,
      content: {
        title: 'Vi søger elektrikerlærlinge i Esbjerg',
        text: 'Kender du en kommende elektriker? Vi har tolv lærepladser til august.',
        images: [{ url: `${PUBLIC_URL}/media/${imageId}` }],
      },
    });
    // The invoke is answered in the HTTP response; nothing is posted into the chat.
    expect(connector.sent).toEqual([]);
  });

  it('serves the card image from /media/<id>', async () => {
    const res = await app.api(`/media/${imageId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/png/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(1, 4)
        .toString('ascii'),
    ).toBe('PNG');
  });

  it('finds an English item by an English word, in English for an English reader', async () => {
    const result = await search(english, 'meadow');
    expect(result.attachments!.map(titleOf)).toEqual(['Wildflower meadows under our power lines']);
    const [card] = result.attachments!;
    expect(card!.content.body[0]).toMatchObject({
      type: 'Image',
      url: 'https://images.nordlys-demo.dk/meadows.png',
    });
    expect(card!.content.actions![0]).toMatchObject({ title: 'Open in Chorus' });
  });

  it('answers a search that matches nothing with an empty list, not an error', async () => {
    expect(await search(danish, 'kvantecomputer')).toEqual({
      type: 'result',
      attachmentLayout: 'list',
      attachments: [],
    });
    expect((await search(english, 'quantum teleportation')).attachments).toEqual([]);
  });

  it('lists the live library on opening (initial run), never items in review or expired', async () => {
    const result = await search(english, null);
    const titles = result.attachments!.map(titleOf).sort();
    expect(titles).toEqual(
      ['Vi søger elektrikerlærlinge i Esbjerg', 'Wildflower meadows under our power lines'].sort(),
    );
  });

  it('pages by skip and count, as Teams scrolls', async () => {
    const all = (await search(english, null)).attachments!.map(titleOf);
    const first = (await search(english, null, { count: 1 })).attachments!.map(titleOf);
    const second = (await search(english, null, { skip: 1, count: 1 })).attachments!.map(titleOf);
    const beyond = await search(english, null, { skip: 2, count: 1 });
    expect([...first, ...second]).toEqual(all);
    expect(beyond.attachments).toEqual([]);
  });

  it('unfurls a link to an item page into the same card (Adaptive Card 1.3 for unfurls)', async () => {
    const result = await unfurl(danish, `${PUBLIC_URL}/items/${ids['apprentices']}`);
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments).toHaveLength(1);
    const [card] = result.attachments!;
    expect(card!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.3' });
    expect(titleOf(card!)).toBe('Vi søger elektrikerlærlinge i Esbjerg');
    expect(card!.content.actions![0]).toMatchObject({
      title: 'Åbn i Chorus',
      url: `${PUBLIC_URL}/items/${ids['apprentices']}`,
    });

    const english_ = await unfurl(english, `${PUBLIC_URL.toUpperCase()}/items/${ids['meadows']}/`);
    expect(english_.attachments!.map(titleOf)).toEqual(['Wildflower meadows under our power lines']);
  });

  it('unfurls nothing, without an error, for unknown, unapproved or expired items and other links', async () => {
    const empty = { type: 'result', attachmentLayout: 'list', attachments: [] };
    for (const url of [
      `${PUBLIC_URL}/items/${randomUUID()}`,
      `${PUBLIC_URL}/items/${ids['secret']}`,
      `${PUBLIC_URL}/items/${ids['expired']}`,
      `${PUBLIC_URL}/impact`,
      `https://elsewhere.example/items/${ids['apprentices']}`,
      'not a url',
    ]) {
      expect(await unfurl(danish, url), url).toEqual(empty);
    }
  });
});
