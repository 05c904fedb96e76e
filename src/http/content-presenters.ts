import type {
  ContentDetail,
  ContentSummary,
  ImageUploaded,
  LibraryItem,
  LibraryPage,
  TopicEntry,
} from '../contracts';
import { mediaPath } from '../domain/images';
import type {
  ContentItemDetail,
  ContentItemRecord,
  LibraryEntry,
  StoredImage,
  TopicRecord,
} from '../ports/content';
import type { LibraryResult } from '../services/search-library';

// Presenters choose exactly which fields go on the wire; rows never leave as they are.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Where to show an item's image from: the upload (/media/<id>) or the external address. */
function displayImage(item: { imageId: string | null; imageUrl: string | null }): string | null {
  return item.imageId ? mediaPath(item.imageId) : item.imageUrl;
}

export function presentTopic(t: TopicRecord | Omit<TopicRecord, 'createdAt'>): TopicEntry {
  return { key: t.key, labelDa: t.labelDa, labelEn: t.labelEn, builtIn: t.builtIn };
}

export function presentImageUploaded(image: Omit<StoredImage, 'bytes' | 'createdAt'>): ImageUploaded {
  return {
    id: image.id,
    url: mediaPath(image.id),
    contentType: image.contentType,
    size: image.size,
    width: image.width,
    height: image.height,
  };
}

export function presentContentSummary(item: ContentItemRecord): ContentSummary {
  return {
    id: item.id,
    title: item.title,
    linkUrl: item.linkUrl,
    imageId: item.imageId,
    imageUrl: item.imageUrl,
    displayImageUrl: displayImage(item),
    topic: item.topic,
    language: item.language,
    networks: item.networks,
    validFrom: iso(item.validFrom),
    validTo: iso(item.validTo),
    evergreen: item.evergreen,
    pinned: item.pinned,
    advertising: item.advertising,
    status: item.status,
    authorId: item.authorId,
    authorName: item.authorName,
    reviewNote: item.reviewNote,
    shareCount: item.shareCount,
    publishedAt: iso(item.publishedAt),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function presentContentDetail(item: ContentItemDetail): ContentDetail {
  return {
    ...presentContentSummary(item),
    body: item.body,
    captions: { da: [...item.captions.da], en: [...item.captions.en] },
    transitions: item.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      actorName: t.actorName,
      note: t.note,
      at: t.at.toISOString(),
    })),
  };
}

export function presentLibraryItem(entry: LibraryEntry): LibraryItem {
  return {
    id: entry.id,
    title: entry.title,
    body: entry.body,
    linkUrl: entry.linkUrl,
    imageUrl: displayImage(entry),
    topic: entry.topic,
    language: entry.language,
    networks: entry.networks,
    pinned: entry.pinned,
    advertising: entry.advertising,
    shareCount: entry.shareCount,
    publishedAt: iso(entry.publishedAt),
    caption: entry.caption,
  };
}

export function presentLibraryPage(result: LibraryResult): LibraryPage {
  return { items: result.items.map(presentLibraryItem), nextCursor: result.nextCursor };
}
