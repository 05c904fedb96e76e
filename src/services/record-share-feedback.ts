import { AppError } from '../domain/errors';
import type { Share } from '../ports/sharing';
import { ownShare } from './complete-share';
import type { SharingDeps } from './deps';

/** An ambassador records their own post's reactions, comments or address, after it was shared. */
export async function recordShareFeedback(
  deps: SharingDeps,
  input: {
    tenantId: string;
    personId: string;
    shareId: string;
    reactions?: number;
    comments?: number;
    postUrl?: string;
  },
): Promise<Share> {
  const share = await ownShare(deps, input);
  if (share.status !== 'shared') {
    throw new AppError('CONFLICT', 'feedbackBeforeShare');
  }
  const { reactions, comments, postUrl } = input;
  const updated = await deps.sharing.updateFeedback(input.tenantId, share.id, {
    ...(reactions !== undefined ? { reactions } : {}),
    ...(comments !== undefined ? { comments } : {}),
    ...(postUrl !== undefined ? { postUrl } : {}),
  });
  if (!updated) throw new AppError('NOT_FOUND', 'noSuchShare');
  return updated;
}
