import { hasSearchableText } from '../domain/content';
import { decodeCursor, encodeCursor, type LibrarySort } from '../domain/library';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';
import type { LibraryEntry } from '../ports/content';
import type { ContentDeps } from './deps';

export interface SearchLibraryInput {
  tenantId: string;
  /** Free text, in Danish or English (web-search syntax: "quoted phrase", -not, or). Empty: no text filter. */
  q?: string;
  topic?: string | null;
  network?: Network | null;
  language?: Language | null;
  sort?: LibrarySort;
  /** The previous page's `nextCursor`. */
  cursor?: string | null;
  /** Items per page, 1–50. */
  limit?: number;
}

export interface LibraryResult {
  items: LibraryEntry[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Searches the library of approved, live items: full text in Danish and English, filters, pinned first
 * then newest or most shared, with keyset (cursor) pages that neither skip nor repeat items.
 * An invalid cursor is a VALIDATION_FAILED error naming `cursor`.
 */
export async function searchLibrary(deps: ContentDeps, input: SearchLibraryInput): Promise<LibraryResult> {
  const sort = input.sort ?? 'newest';
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 12), 1), 50);
  const after = input.cursor ? decodeCursor(input.cursor, sort) : null;
  const q = (input.q ?? '').trim();
  const rows = await deps.content.library.search(input.tenantId, {
    q: hasSearchableText(q) ? q : null,
    topic: input.topic ?? null,
    network: input.network ?? null,
    language: input.language ?? null,
    sort,
    after,
    // One more than asked tells whether there is a next page without a count.
    limit: limit + 1,
    now: deps.clock.now(),
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => r.entry),
    nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
  };
}
