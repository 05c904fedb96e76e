import { assertMayReview, nextStatus, type ContentAction } from '../domain/content';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { ContentStore } from '../ports/content';
import type { UnitOfWork } from '../ports/unit-of-work';
import type { ContentDeps } from './deps';
import { getContentItem } from './get-content-item';
import { recordAudit } from './record-audit';

/** A workflow step an editor or approver can take on an item. */
export type WorkflowAction = Exclude<ContentAction, 'edit'>;

/**
 * Moves an item through the workflow: submit (draft or rejected → in review), approve or reject
 * (in review; never by the author or by whoever sent it to review), archive (any but archived).
 * Approving sets publishedAt to now each time, so a re-approved edit comes first under "newest";
 * rejecting needs a note, which goes back to the author as the review note. Every step is recorded.
 * Role checks (editors submit and archive, approvers approve and reject) are the caller's. With a unit
 * of work, approvals and rejections are audited in the transaction that takes the step; without one
 * (the demo seed), nothing is audited.
 */
export async function transitionContentItem(
  deps: ContentDeps & { unitOfWork?: UnitOfWork },
  input: { tenantId: string; actorId: string; itemId: string; action: WorkflowAction; note?: string | null },
) {
  const note = input.note?.trim() || null;
  if (input.action === 'reject' && !note) {
    throw new AppError('VALIDATION_FAILED', 'rejectNoteRequired', {
      problems: [{ field: 'note', message: msg('rejectNoteRequired') }],
    });
  }
  const step = async (content: ContentStore) => {
    const item = await content.items.getForUpdate(input.tenantId, input.itemId);
    if (!item) throw new AppError('NOT_FOUND', 'contentItemNotFound');
    if (input.action === 'approve' || input.action === 'reject') {
      const submittedBy = await content.items.lastSubmitter(input.tenantId, input.itemId);
      assertMayReview({ authorId: item.authorId, submittedBy }, input.actorId);
    }
    const to = nextStatus(item.status, input.action);
    const now = deps.clock.now();
    await content.items.setStatus(input.tenantId, input.itemId, {
      status: to,
      now,
      ...(input.action === 'approve' ? { publishedAt: now, reviewNote: null } : {}),
      ...(input.action === 'reject' ? { reviewNote: note } : {}),
    });
    await content.items.recordTransition(input.tenantId, {
      itemId: input.itemId,
      from: item.status,
      to,
      actorId: input.actorId,
      note,
      at: now,
    });
  };
  if (deps.unitOfWork) {
    // The step and its audit entry commit together.
    await deps.unitOfWork.run(async (tx) => {
      await step(tx.content);
      // Approving and rejecting are admin decisions; the note stays out of the log (it may name people).
      if (input.action === 'approve' || input.action === 'reject') {
        await recordAudit(
          { audit: tx.audit, clock: deps.clock },
          {
            tenantId: input.tenantId,
            actorId: input.actorId,
            action: `content.${input.action === 'approve' ? 'approved' : 'rejected'}`,
            subject: input.itemId,
          },
        );
      }
    });
  } else {
    await deps.content.transaction(step);
  }
  return getContentItem(deps, { tenantId: input.tenantId, itemId: input.itemId });
}
