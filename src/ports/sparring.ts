import type { Finding } from '../domain/coach';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';

/** A human sparring request: a draft and the coach's findings, sent to comms. */
export interface SparringRequestRecord {
  id: number;
  personId: string;
  /** The person's display name now, or null when they are no longer in the directory. */
  personName: string | null;
  language: Language;
  network: Network;
  draft: string;
  findings: Finding[];
  requestKey: string;
  status: 'open' | 'answered';
  reply: string | null;
  answeredBy: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

/** Waiting times in minutes over a tenant's requests; null when there is nothing to measure. */
export interface SparringWaitTimes {
  openCount: number;
  answeredCount: number;
  openAverageMinutes: number | null;
  openMedianMinutes: number | null;
  answeredAverageMinutes: number | null;
  answeredMedianMinutes: number | null;
}

/** Human sparring requests. */
export interface SparringStore {
  /**
   * Stores a request under the client's key; a key already used adds nothing and returns the first
   * request with created=false (a card submitted twice).
   */
  create(
    tenantId: string,
    input: {
      personId: string;
      language: Language;
      network: Network;
      draft: string;
      findings: Finding[];
      requestKey: string;
      at: Date;
    },
  ): Promise<{ request: SparringRequestRecord; created: boolean }>;
  /** One request, or null. */
  get(tenantId: string, id: number): Promise<SparringRequestRecord | null>;
  /** Records the reply when the request is still open; null when it is not open (or not there). */
  answer(
    tenantId: string,
    id: number,
    input: { reply: string; answeredBy: string; at: Date },
  ): Promise<SparringRequestRecord | null>;
  /** The queue: open requests oldest first, then answered ones newest first, at most `limit`. */
  listQueue(tenantId: string, limit: number): Promise<SparringRequestRecord[]>;
  /** One person's requests, newest first, at most `limit`. */
  listForPerson(tenantId: string, personId: string, limit: number): Promise<SparringRequestRecord[]>;
  /** Average and median waiting times of open (until `now`) and answered requests. */
  waitTimes(tenantId: string, now: Date): Promise<SparringWaitTimes>;
  /** Deletes every request of a person (they left: drafts are personal). Returns how many. */
  deleteForPerson(tenantId: string, personId: string): Promise<number>;
}

/** A live library item whose link a draft contains. */
export interface LinkedLibraryItem {
  id: string;
  title: string;
  linkUrl: string;
  networks: Network[];
  /** Every caption variant of the item, all languages. */
  captions: string[];
}

/** What the coach reads from the library: caption variants to measure copying against. */
export interface CoachLibraryReader {
  /** Caption variants (all languages) of the newest `limit` live items. May be cached briefly. */
  liveCaptions(tenantId: string, now: Date, limit: number): Promise<string[]>;
  /** Live items whose link is one of `urls` (compared without a trailing slash), with their captions. */
  liveItemsByLink(tenantId: string, urls: string[], now: Date): Promise<LinkedLibraryItem[]>;
}
