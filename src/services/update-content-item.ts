import { nextStatus, statusAfterEdit } from '../domain/content';
import { AppError } from '../domain/errors';
import { checkContentInput, type ContentItemInput } from './content-input';
import type { ContentDeps } from './deps';
import { getContentItem } from './get-content-item';

/**
 * Replaces an item's fields and captions. An approved or in-review item goes (back) to review and the
 * step is recorded with the editor, so the editor cannot then approve it; links already shared keep
 * working because the item is never deleted. With `submit`, a draft or rejected item is also sent to review.
 */
export async function updateContentItem(
  deps: ContentDeps,
  input: { tenantId: string; actorId: string; itemId: string; content: ContentItemInput; submit?: boolean },
) {
  await deps.content.transaction(async (content) => {
    const item = await content.items.getForUpdate(input.tenantId, input.itemId);
    if (!item) throw new AppError('NOT_FOUND', 'contentItemNotFound');
    let status = statusAfterEdit(item.status);
    const fields = await checkContentInput(content, input.tenantId, input.content);
    const now = deps.clock.now();
    const { captions, ...rest } = fields;
    const record = (from: typeof status, to: typeof status) =>
      content.items.recordTransition(input.tenantId, {
        itemId: input.itemId,
        from,
        to,
        actorId: input.actorId,
        note: null,
        at: now,
      });
    if (status === 'in_review') {
      // Approved → in review, or an edit while in review: either way this editor now stands behind it.
      await record(item.status, status);
    } else if (input.submit) {
      const submitted = nextStatus(status, 'submit');
      await record(status, submitted);
      status = submitted;
    }
    await content.items.update(input.tenantId, input.itemId, { ...rest, status, now }, captions);
  });
  return getContentItem(deps, { tenantId: input.tenantId, itemId: input.itemId });
}
