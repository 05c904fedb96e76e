import { BUILT_IN_TOPICS } from '../domain/content';
import type { ContentDeps } from './deps';

/** The tenant's topics: the built-in ones in their usual order, then the added ones by English name. */
export async function listTopics(deps: ContentDeps, input: { tenantId: string }) {
  const topics = await deps.content.topics.list(input.tenantId);
  const rank = (key: string) => {
    const i = BUILT_IN_TOPICS.findIndex((t) => t.key === key);
    return i === -1 ? BUILT_IN_TOPICS.length : i;
  };
  return topics.sort((a, b) => rank(a.key) - rank(b.key) || a.labelEn.localeCompare(b.labelEn, 'en'));
}
