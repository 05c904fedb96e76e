import type { ContentStatus } from '../domain/content';
import type { LibraryPosition, LibrarySort } from '../domain/library';
import type { ImageType } from '../domain/images';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';

/** A topic content can be filed under. */
export interface TopicRecord {
  key: string;
  labelDa: string;
  labelEn: string;
  builtIn: boolean;
  createdAt: Date;
}

/** An uploaded image with its bytes. */
export interface StoredImage {
  id: string;
  contentType: ImageType;
  bytes: Buffer;
  size: number;
  width: number | null;
  height: number | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Caption variants per language, in the order they are handed out. */
export type Captions = Record<Language, string[]>;

/** What an editor writes; the same for a new item and an edit. */
export interface ContentFields {
  title: string;
  body: string;
  linkUrl: string;
  imageId: string | null;
  imageUrl: string | null;
  topic: string;
  language: Language;
  networks: Network[];
  validFrom: Date | null;
  validTo: Date | null;
  evergreen: boolean;
  pinned: boolean;
  advertising: boolean;
}

/** A content item as the admin sees it (no captions or history). */
export interface ContentItemRecord extends ContentFields {
  id: string;
  status: ContentStatus;
  authorId: string;
  /** The author's display name, or null when they are no longer in the directory. */
  authorName: string | null;
  reviewNote: string | null;
  shareCount: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One recorded workflow step. */
export interface TransitionRecord {
  from: ContentStatus | null;
  to: ContentStatus;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  at: Date;
}

/** A content item with its captions and its history, oldest step first. */
export interface ContentItemDetail extends ContentItemRecord {
  captions: Captions;
  transitions: TransitionRecord[];
}

/** An approved, live item as ambassadors see it in the library. */
export interface LibraryEntry {
  id: string;
  title: string;
  body: string;
  linkUrl: string;
  imageId: string | null;
  imageUrl: string | null;
  topic: string;
  language: Language;
  networks: Network[];
  pinned: boolean;
  advertising: boolean;
  shareCount: number;
  publishedAt: Date | null;
  /** The first caption in the item's language. */
  caption: string;
}

/** A library search, already checked. */
export interface LibrarySearch {
  /** Search text for `websearch_to_tsquery`, or null for no text filter. */
  q: string | null;
  topic: string | null;
  network: Network | null;
  language: Language | null;
  sort: LibrarySort;
  /** Rows after this position only (the previous page's last row). */
  after: LibraryPosition | null;
  limit: number;
  /** Items are live at this moment (validFrom ≤ now ≤ validTo unless evergreen). */
  now: Date;
}

/** Topics of a tenant. */
export interface TopicRepository {
  /** Every topic of the tenant, in no particular order. */
  list(tenantId: string): Promise<TopicRecord[]>;
  /** True when the tenant has a topic with this key. */
  exists(tenantId: string, key: string): Promise<boolean>;
  /** Adds a topic; false when the key is taken. */
  insert(tenantId: string, topic: Omit<TopicRecord, 'createdAt'>): Promise<boolean>;
}

/** Uploaded images. */
export interface ImageRepository {
  /** Stores an image. */
  insert(tenantId: string, image: Omit<StoredImage, 'createdAt'>): Promise<void>;
  /** One image with its bytes, or null. */
  get(tenantId: string, id: string): Promise<StoredImage | null>;
  /** True when the tenant has an image with this id. */
  exists(tenantId: string, id: string): Promise<boolean>;
}

/** Content items, their caption variants and their workflow history. */
export interface ContentItemRepository {
  /** Inserts an item with its captions; also computes its search vector. */
  insert(
    tenantId: string,
    item: ContentFields & { id: string; status: ContentStatus; authorId: string; now: Date },
    captions: Captions,
  ): Promise<void>;
  /** Replaces an item's fields and captions, sets its status, and recomputes its search vector. */
  update(
    tenantId: string,
    id: string,
    item: ContentFields & { status: ContentStatus; now: Date },
    captions: Captions,
  ): Promise<void>;
  /** Changes the workflow fields only. `publishedAt` and `reviewNote` are left alone when undefined. */
  setStatus(
    tenantId: string,
    id: string,
    change: { status: ContentStatus; now: Date; publishedAt?: Date | null; reviewNote?: string | null },
  ): Promise<void>;
  /** One item, locked for update until the transaction ends; null when there is none. */
  getForUpdate(tenantId: string, id: string): Promise<ContentItemRecord | null>;
  /** One item with captions and history, or null. */
  get(tenantId: string, id: string): Promise<ContentItemDetail | null>;
  /** Items, most recently changed first, optionally of one status. */
  list(
    tenantId: string,
    options: { status: ContentStatus | null; limit: number },
  ): Promise<ContentItemRecord[]>;
  /** How many items there are in each status. */
  countByStatus(tenantId: string): Promise<Record<ContentStatus, number>>;
  /** Appends a workflow step. */
  recordTransition(
    tenantId: string,
    step: {
      itemId: string;
      from: ContentStatus | null;
      to: ContentStatus;
      actorId: string;
      note: string | null;
      at: Date;
    },
  ): Promise<void>;
  /** Who last sent the item to review (by submitting or editing), or null. */
  lastSubmitter(tenantId: string, itemId: string): Promise<string | null>;
}

/** The ambassadors' library: approved, live items only. */
export interface LibraryReader {
  /** Up to `limit` live items matching the search, in order, each with its position for the cursor. */
  search(
    tenantId: string,
    search: LibrarySearch,
  ): Promise<{ entry: LibraryEntry; position: LibraryPosition }[]>;
  /** One live item, or null when it is unknown, unapproved, expired or not yet valid. */
  get(tenantId: string, id: string, now: Date): Promise<LibraryEntry | null>;
}

/** Content items, caption variants, workflow transitions, topics and images. */
export interface ContentStore {
  topics: TopicRepository;
  images: ImageRepository;
  items: ContentItemRepository;
  library: LibraryReader;
  /** Runs `work` in one transaction; the store it receives writes inside that transaction. */
  transaction<T>(work: (content: ContentStore) => Promise<T>): Promise<T>;
}
