import { randomUUID } from 'node:crypto';
import type { ContentStatus } from '../domain/content';
import { checkContentInput, type ContentItemInput } from './content-input';
import type { ContentDeps } from './deps';
import { getContentItem } from './get-content-item';

/**
 * Creates a content item as a draft, or straight into review when `submit` is set. The author is the
 * actor; the first step is recorded with who and when. Returns the item with captions and history.
 */
export async function createContentItem(
  deps: ContentDeps,
  input: { tenantId: string; actorId: string; content: ContentItemInput; submit?: boolean },
) {
  const id = randomUUID();
  await deps.content.transaction(async (content) => {
    const fields = await checkContentInput(content, input.tenantId, input.content);
    const now = deps.clock.now();
    const status: ContentStatus = input.submit ? 'in_review' : 'draft';
    const { captions, ...rest } = fields;
    await content.items.insert(
      input.tenantId,
      { ...rest, id, status, authorId: input.actorId, now },
      captions,
    );
    await content.items.recordTransition(input.tenantId, {
      itemId: id,
      from: null,
      to: status,
      actorId: input.actorId,
      note: null,
      at: now,
    });
  });
  return getContentItem(deps, { tenantId: input.tenantId, itemId: id });
}
