import type { ContentStatus } from '../domain/content';
import type { ContentDeps } from './deps';

/** The admin list is not paged; it shows the most recently changed items up to this many. */
export const CONTENT_LIST_LIMIT = 500;

/** Items (optionally of one status, e.g. the review queue), newest change first, with counts per status. */
export async function listContentItems(
  deps: ContentDeps,
  input: { tenantId: string; status: ContentStatus | null },
) {
  const [items, counts] = await Promise.all([
    deps.content.items.list(input.tenantId, { status: input.status, limit: CONTENT_LIST_LIMIT }),
    deps.content.items.countByStatus(input.tenantId),
  ]);
  return { items, counts };
}
