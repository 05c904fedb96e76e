import { AppError } from '../domain/errors';
import type { ContentDeps } from './deps';

/** One content item with its captions and workflow history (for editors and approvers). */
export async function getContentItem(deps: ContentDeps, input: { tenantId: string; itemId: string }) {
  const item = await deps.content.items.get(input.tenantId, input.itemId);
  if (!item) throw new AppError('NOT_FOUND', 'contentItemNotFound');
  return item;
}
