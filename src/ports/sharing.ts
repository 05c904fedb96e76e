import type { ContentStatus } from '../domain/content';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';

/** What the share flow needs to know about a content item. */
export interface ShareableItem {
  id: string;
  title: string;
  linkUrl: string;
  language: Language;
  networks: Network[];
  advertising: boolean;
  status: ContentStatus;
  validFrom: Date | null;
  validTo: Date | null;
  evergreen: boolean;
  /** Where the image is shown from: /media/<id> for an upload, or the external address. */
  imageUrl: string | null;
}

/** One caption variant of an item in one language. */
export interface CaptionVariant {
  position: number;
  text: string;
}

/** One tracked link: one per ambassador, item and network. personId is null once the person left. */
export interface TrackedLink {
  code: string;
  personId: string | null;
  itemId: string;
  network: Network;
}

/** A share: prepared when the share dialog opens, 'shared' once recorded. */
export interface Share {
  id: string;
  personId: string | null;
  itemId: string;
  network: Network;
  linkCode: string;
  variantPosition: number | null;
  status: 'prepared' | 'shared';
  postUrl: string | null;
  reactions: number | null;
  comments: number | null;
  preparedAt: Date;
  sharedAt: Date | null;
}

/** Where a tracked link leads, as the redirect needs it. */
export interface LinkTarget {
  code: string;
  itemId: string;
  network: Network;
  linkUrl: string;
  title: string;
}

/** One of the ambassador's own recorded posts, with the item's title. */
export interface MyShare {
  shareId: string;
  itemId: string;
  title: string;
  network: Network;
  sharedAt: Date;
  postUrl: string | null;
  reactions: number | null;
  comments: number | null;
}

/** Shares, clicks and unique clicks (visitors, counted once a day: the key's salt rotates daily). */
export interface ShareCounts {
  shares: number;
  clicks: number;
  uniqueClicks: number;
}

/** One ambassador's own numbers since a moment. */
export interface ImpactData {
  totals: ShareCounts & { reactions: number; comments: number };
  byItem: (ShareCounts & { itemId: string; title: string })[];
  byNetwork: (ShareCounts & { network: Network })[];
  /** Per UTC day (YYYY-MM-DD) with any activity; the service fills the days without. */
  daily: { date: string; shares: number; clicks: number }[];
}

/** Aggregate numbers for one item, over everyone (people who left included, anonymously). */
export interface ItemStatsData extends ShareCounts {
  byNetwork: (ShareCounts & { network: Network })[];
}

/** Tracked links, shares and click counts. */
export interface SharingStore {
  /** Runs `work` in one transaction; the store it receives reads and writes inside it. */
  transaction<T>(work: (store: SharingStore) => Promise<T>): Promise<T>;
  /** The item as sharing needs it, or null when there is no such item. */
  getItem(tenantId: string, itemId: string): Promise<ShareableItem | null>;
  /** Locks the item until the transaction ends, so variant hand-out for it happens one at a time. */
  lockItem(tenantId: string, itemId: string): Promise<void>;
  /** The item's caption variants in one language, by position. */
  captions(tenantId: string, itemId: string, language: Language): Promise<CaptionVariant[]>;
  /** The variant position this person was handed for the item before (any network), or null. */
  assignedVariant(tenantId: string, personId: string, itemId: string): Promise<number | null>;
  /** How many different people have been handed a variant of the item. */
  countVariantHolders(tenantId: string, itemId: string): Promise<number>;
  /**
   * The person's tracked link for item and network, created on first use with a code from
   * `newCode` (called again on the rare collision with an existing code).
   */
  ensureTrackedLink(
    tenantId: string,
    owner: { personId: string; itemId: string; network: Network },
    newCode: () => string,
  ): Promise<TrackedLink>;
  /** The person's open (prepared, not yet shared) share of an item on a network, or null. */
  openShare(tenantId: string, personId: string, itemId: string, network: Network): Promise<Share | null>;
  /** Stores a new prepared share. */
  insertShare(
    tenantId: string,
    share: {
      personId: string;
      itemId: string;
      network: Network;
      linkCode: string;
      variantPosition: number | null;
      preparedAt: Date;
    },
  ): Promise<Share>;
  /** One share, or null. */
  getShare(tenantId: string, shareId: string): Promise<Share | null>;
  /**
   * Records a prepared share once: prepared → shared and the item's share count + 1, atomically.
   * False when it was already shared (a second confirmation, or a concurrent one that lost).
   */
  recordShare(
    tenantId: string,
    shareId: string,
    recorded: { at: Date; postUrl: string | null },
  ): Promise<boolean>;
  /** Stores the reactions, comments or post address the ambassador reports; returns the share. */
  updateFeedback(
    tenantId: string,
    shareId: string,
    feedback: { reactions?: number; comments?: number; postUrl?: string },
  ): Promise<Share | null>;
  /**
   * Where a code leads, or null for an unknown code. Served from a short-lived in-process cache
   * (tracked links never change; an item's link or title may, and shows within seconds).
   */
  resolveLink(tenantId: string, code: string): Promise<LinkTarget | null>;
  /**
   * The visitor salt for a UTC day, shared by every instance through the database; salts older
   * than the day before are deleted, so old visitor keys can no longer be linked to anyone.
   */
  dailySalt(tenantId: string, day: string): Promise<string>;
  /** The person's own shares and clicks since `since`. */
  impact(tenantId: string, personId: string, since: Date): Promise<ImpactData>;
  /** The person's own shared (not merely prepared) posts, newest first, at most `limit`. */
  myShares(tenantId: string, personId: string, limit: number): Promise<MyShare[]>;
  /** Aggregates for one item over all time. */
  itemStats(tenantId: string, itemId: string): Promise<ItemStatsData>;
  /** Cuts the person off their tracked links, shares and clicks; the rows stay for aggregates. */
  anonymise(tenantId: string, personId: string): Promise<void>;
}

/**
 * One human click on a tracked link, as the redirect saw it. The owner is not carried here: the
 * recorder takes it from tracked_links when it commits, so a click served from a stale cache after
 * the owner left is never attributed to them.
 */
export interface Click {
  tenantId: string;
  code: string;
  itemId: string;
  network: string;
  visitorKey: string;
  at: Date;
}

/** Durable click counting: `record` resolves only once the click is committed. */
/** A click recorder's counters since the process started. */
export interface ClickRecorderStats {
  /** Clicks answered-to-be but not yet committed (their visitors are waiting). */
  waiting: number;
  /** How long the oldest of those has waited, in ms: the click-write lag. */
  oldestWaitMs: number;
  committed: number;
  /** Clicks whose batch failed twice (their visitors were sent on, uncounted). */
  lost: number;
}

export interface ClickRecorder {
  record(click: Click): Promise<void>;
  /** What this instance has waiting and has written (for the metrics endpoint). */
  stats(): ClickRecorderStats;
  /** Flushes what is buffered and stops; clicks recorded before close are never lost. */
  close(): Promise<void>;
}
