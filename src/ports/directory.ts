import type { Person } from '../domain/person';

/** One page of directory changes: people to upsert and ids that were removed. */
export interface DirectoryPage {
  upserts: Person[];
  removedIds: string[];
}

/** The outcome of reading the directory from a delta link (or from scratch). */
export interface DirectoryChanges {
  /** Pages in the order they were read; a consumer may persist each one as it arrives. */
  pages: AsyncIterable<DirectoryPage>;
  /** Resolves, after `pages` is exhausted, to the link to pass next time. */
  nextDeltaLink(): string | null;
  /** Number of HTTP requests made so far (for benchmarks and sync status). */
  requestCount(): number;
}

/** Reads people from the organisation's directory (Microsoft Graph or the demo org). */
export interface Directory {
  /** Which adapter this is, for status pages and logs. */
  readonly kind: 'graph' | 'demo';
  /** Reads all people, or only changes since `deltaLink` when one is given. */
  readChanges(deltaLink: string | null, options?: { background?: boolean }): DirectoryChanges;
}
