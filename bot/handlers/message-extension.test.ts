import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../src/ports/content';
import { renderLibraryCard } from '../cards';
import { itemIdOfUrl } from './message-extension';

const PUBLIC = 'https://chorus.contoso.com';

describe('itemIdOfUrl', () => {
  it('reads the id from a link to an item page of this Chorus', () => {
    expect(itemIdOfUrl(`${PUBLIC}/items/abc-123`, PUBLIC)).toBe('abc-123');
    expect(itemIdOfUrl('HTTPS://CHORUS.CONTOSO.COM/items/abc-123/?x=1#top', PUBLIC)).toBe('abc-123');
    expect(itemIdOfUrl(`${PUBLIC}/items/a%20b`, PUBLIC)).toBe('a b');
  });

  it('ignores other hosts, other pages and things that are not links', () => {
    for (const url of [
      'https://evil.example/items/abc',
      `${PUBLIC}/items/`,
      `${PUBLIC}/items/abc/share`,
      `${PUBLIC}/library`,
      `${PUBLIC}/items/%E0%A4%A`,
      `${PUBLIC}/items/${'x'.repeat(101)}`,
      'not a url',
      undefined,
    ]) {
      expect(itemIdOfUrl(url, PUBLIC), String(url)).toBeNull();
    }
  });
});

describe('renderLibraryCard', () => {
  const item: LibraryEntry = {
    id: 'item-1',
    title: 'Vi søger elektrikerlærlinge',
    body: 'Tolv pladser til august.',
    linkUrl: 'https://www.nordlys-demo.dk/job',
    imageId: null,
    imageUrl: null,
    topic: 'jobs',
    language: 'da',
    networks: ['linkedin'],
    pinned: false,
    advertising: true,
    shareCount: 0,
    publishedAt: new Date(),
    caption: `Kender du en kommende elektriker? ${'Vi har mange pladser. '.repeat(10)}`,
  };

  it('has no image element without a picture, and a short preview text', () => {
    const card = renderLibraryCard(item, { language: 'en', publicUrl: PUBLIC });
    const content = card.content as { body: { type: string }[]; actions: { title: string; url: string }[] };
    expect(content.body.map((b) => b.type)).toEqual(['TextBlock', 'TextBlock', 'TextBlock']);
    expect(content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Chorus', url: `${PUBLIC}/items/item-1` },
    ]);
    const preview = card.preview!.content as { text: string; images: unknown[] };
    expect([...preview.text].length).toBeLessThanOrEqual(120);
    expect(preview.text.endsWith('…')).toBe(true);
    expect(preview.images).toEqual([]);
  });

  it('serves an uploaded picture from /media/<id> on the public address', () => {
    const card = renderLibraryCard({ ...item, imageId: 'img-1' }, { language: 'da', publicUrl: PUBLIC });
    const content = card.content as { body: { type: string; url?: string }[] };
    expect(content.body[0]).toEqual({
      type: 'Image',
      url: `${PUBLIC}/media/img-1`,
      altText: item.title,
      size: 'Stretch',
    });
  });
});
