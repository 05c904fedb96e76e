import type { Language } from '../domain/person';
import type { LibraryEntry } from '../ports/content';
import type { Store } from '../ports/store';
import type { ContentDeps } from './deps';
import { searchLibrary } from './search-library';

/**
 * The library items to suggest to a person: the most shared live items in their topics (in their
 * language first, then any), at most `limit`. Empty when nothing in their topics is live; people with
 * no topics get nothing (the bot then suggests writing their own), or with `fallbackToAll` the most
 * shared items of any topic.
 */
export async function suggestLibraryItems(
  deps: ContentDeps & { store: Pick<Store, 'memberships'> },
  input: { tenantId: string; personId: string; language: Language; limit: number; fallbackToAll?: boolean },
): Promise<{ items: LibraryEntry[]; topics: string[] }> {
  const membership = await deps.store.memberships.get(input.tenantId, input.personId);
  const topics = membership?.topics ?? [];
  const seen = new Set<string>();
  const items: LibraryEntry[] = [];
  const searchTopics: (string | null)[] = topics.length === 0 && input.fallbackToAll ? [null] : topics;
  for (const language of [input.language, null]) {
    for (const topic of searchTopics) {
      if (items.length >= input.limit) break;
      const page = await searchLibrary(deps, {
        tenantId: input.tenantId,
        topic,
        language,
        sort: 'most_shared',
        limit: input.limit,
      });
      for (const item of page.items) {
        if (items.length < input.limit && !seen.has(item.id)) {
          seen.add(item.id);
          items.push(item);
        }
      }
    }
  }
  return { items, topics };
}
